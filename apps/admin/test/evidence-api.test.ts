// Evidence through the tRPC API: an API client (here the typed tRPC client over a real HTTP
// connection) sends the file as a multipart body; the procedure applies the activity form's checks.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { eq, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleApi } from '../src/lib/server/api.js';
import { LoginLimiter, SESSION_COOKIE, userForSession } from '../src/lib/server/auth.js';
import type { Database } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities } from '../src/lib/server/db/schema.js';
import type { AppRouter } from '../src/lib/server/routers/index.js';
import { appRouter } from '../src/lib/server/routers/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, evidenceForm, trainingFields } from './helpers.js';

const YEAR = 2025;

/** A certificate as a PDF writer makes it (several pages, text, compressed streams). */
function certificatePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Sertifikat pelatihan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(24).text('SERTIFIKAT', { align: 'center' });
  doc.fontSize(12).text('Pelatihan teknis perkerasan jalan, 32 JP, Balai Diklat PUPR Wilayah IV');
  doc.addPage().text('Daftar materi');
  doc.end();
  return done;
}

/** The app's API handler behind a real HTTP server: the session cookie says who calls. */
async function serveApi(database: Database): Promise<{ server: Server; url: string }> {
  const limiter = new LoginLimiter();
  const server = createServer(async (request, response) => {
    const url = `http://${request.headers.host}${request.url}`;
    const body = request.method === 'GET' ? null : (Readable.toWeb(request) as ReadableStream);
    const fetchRequest = new Request(url, {
      method: request.method!,
      headers: request.headers as Record<string, string>,
      body,
      duplex: 'half',
    } as RequestInit);
    const token = /(?:^|;\s*)bangkom_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const answer = await handleApi(fetchRequest, appRouter, async () => ({
      db: database.db,
      user: await userForSession(database.db, token),
      ip: '127.0.0.1',
      sessionToken: token,
      limiter,
      requestId: 'req-evidence-api',
      setSession: () => {},
    }));
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The typed client an integration uses, logged in with a session cookie. */
const clientFor = (url: string, session: string) =>
  createTRPCClient<AppRouter>({
    // No batching (the API refuses batches); FormData goes as multipart through httpLink.
    links: [httpLink({ url: `${url}/api/trpc`, headers: { origin: url, cookie: `${SESSION_COOKIE}=${session}` } })],
  });

forEachDatabase((open) => {
  describe('activities.attachEvidence over HTTP', () => {
    let database: Database;
    let api: { server: Server; url: string };
    let client: ReturnType<typeof clientFor>;
    let draftId: string;
    const uploads = async () =>
      rowsOf<{ n: number }>(
        await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'activity.evidence_upload'`),
      )[0]!.n;

    beforeAll(async () => {
      database = await open();
      await seedDemo(database.db, { employees: 20, year: YEAR });
      api = await serveApi(database);
      // A session as the pegawai (login through the procedure, as the login page does).
      const pegawai = await callerAs(database.db, null);
      await pegawai.caller.auth.login({ username: 'pegawai', password: DEMO_PASSWORD });
      client = clientFor(api.url, pegawai.cookies.at(-1)!);
      // A draft without a file yet: the activity fields travel as JSON, the file comes next.
      draftId = (await client.activities.create.mutate(trainingFields(YEAR))).id;
    }, 120_000);
    afterAll(async () => {
      await new Promise((resolve) => api.server.close(resolve));
      await database.close();
    });

    it('a real PDF is attached, audited, and the draft can then be submitted', async () => {
      const pdf = await certificatePdf();
      const file = new File([new Uint8Array(pdf)], 'sertifikat-perkerasan.pdf', { type: 'application/pdf' });
      const summary = await client.activities.attachEvidence.mutate(evidenceForm(draftId, file));
      expect(summary).toMatchObject({ id: draftId, status: 'draft', hasEvidence: true, evidenceName: 'sertifikat-perkerasan.pdf' });

      const row = (await database.db.select().from(activities).where(eq(activities.id, draftId)))[0]!;
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(row.evidenceSha256).toBe(sha256);
      expect(row.data.evidence?.file).toEqual({
        name: 'sertifikat-perkerasan.pdf',
        sha256,
        size: pdf.length,
        mediaType: 'application/pdf',
      });
      expect(await uploads()).toBe(1);
      // The same bytes come back from the download.
      const download = await client.activities.evidence.query({ id: draftId });
      expect(Buffer.from(download.contentBase64, 'base64').equals(pdf)).toBe(true);
      // Evidence is what submitting needs ([K] III.C).
      expect((await client.activities.submit.mutate({ id: draftId, declaration: true })).status).toBe('submitted');
    });

    it('a file that is not a PDF, JPEG or PNG is refused under the evidence field, and nothing changes', async () => {
      const other = (await client.activities.create.mutate({ ...trainingFields(YEAR), title: 'Pelatihan kedua' })).id;
      const before = await uploads();
      const fake = new File(['<html>bukan sertifikat</html>'], 'sertifikat.pdf', { type: 'application/pdf' });
      const refusal = await client.activities.attachEvidence.mutate(evidenceForm(other, fake)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusal).toBeInstanceOf(TRPCClientError);
      const error = refusal as TRPCClientError<AppRouter>;
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toBe('Hanya PDF, JPEG atau PNG yang diterima / Only PDF, JPEG or PNG files are accepted');
      // Under the field it concerns, as the activity form shows it.
      expect(error.data?.problems).toEqual([
        {
          path: ['evidence'],
          code: 'evidence.bad_type',
          message: { id: 'Hanya PDF, JPEG atau PNG yang diterima', en: 'Only PDF, JPEG or PNG files are accepted' },
        },
      ]);
      const row = (await database.db.select().from(activities).where(eq(activities.id, other)))[0]!;
      expect(row.evidenceSha256).toBeNull();
      expect(row.data.evidence?.file).toBeUndefined();
      expect(await uploads()).toBe(before);
    });

    it('a submitted activity, or someone else’s, takes no file; without a session nothing is accepted', async () => {
      const refusedWith = (call: Promise<unknown>) =>
        call.then(
          () => 'OK',
          (e: TRPCClientError<AppRouter>) => e.data?.code,
        );
      // Submitted by the first test: only drafts change.
      expect(await refusedWith(client.activities.attachEvidence.mutate(evidenceForm(draftId)))).toBe('CONFLICT');
      // The superior's own draft: the pegawai may not see it, so it does not exist for them.
      const atasan = await callerAs(database.db, 'atasan');
      const theirs = await atasan.caller.activities.create(trainingFields(YEAR));
      expect(await refusedWith(client.activities.attachEvidence.mutate(evidenceForm(theirs.id)))).toBe('NOT_FOUND');
      const anonymous = clientFor(api.url, 'no-such-session');
      expect(await refusedWith(anonymous.activities.attachEvidence.mutate(evidenceForm(draftId)))).toBe('UNAUTHORIZED');
    });
  });
});
