// How the server's Node process is started, the same under `npm start`, the benchmarks and the browser tests.

/**
 * JavaScript heap of the server on the embedded database, in MiB. PGlite holds about 400 MiB of
 * its own (WebAssembly memory with a fixed 128 MB buffer pool); V8 would let the heap grow by
 * 200 MiB more under twenty clients before it collects, taking the server past 600 MiB. Capped at
 * 256 MiB it stays under 500 MiB, answers 6–28 % fewer requests under that load (two runs), and still
 * imports 100,000 employees (docs/scaling.md). On PostgreSQL the heap is left to V8.
 */
export const EMBEDDED_HEAP_MIB = 256;

/**
 * Node's options for the server: the embedded database's heap cap, unless NODE_OPTIONS sets one.
 * @param {Record<string, string | undefined>} env the server's environment
 * @returns {string[]}
 */
export function serverNodeArgs(env = process.env) {
  if (env.DATABASE_URL || /--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) return [];
  return [`--max-old-space-size=${EMBEDDED_HEAP_MIB}`];
}
