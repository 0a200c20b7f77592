import type { RequestHandler } from '@sveltejs/kit';
import { handleApi } from '$lib/server/api';
import { contextFor } from '$lib/server/context';
import { appRouter } from '$lib/server/routers';

const handler: RequestHandler = async (event) => handleApi(event.request, appRouter, () => contextFor(event));

export const GET = handler;
export const POST = handler;
