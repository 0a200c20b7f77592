import type { PublicSchema } from '@bangkom/domain';
import { domainSchemas } from '@bangkom/domain';

/**
 * Every public type published in `schemas/`, by package. A package that adds a public
 * type exports its own `PublicSchema[]` and is listed here once.
 */
export const registry: { package: string; schemas: PublicSchema[] }[] = [{ package: '@bangkom/domain', schemas: domainSchemas }];
