import { describe, expect, it } from 'vitest';
import { EMBEDDED_HEAP_MIB, serverNodeArgs } from '../scripts/server-args.mjs';

describe("the server's Node options", () => {
  it('cap the heap on the embedded database only, and leave a cap the operator set', () => {
    expect(serverNodeArgs({})).toEqual([`--max-old-space-size=${EMBEDDED_HEAP_MIB}`]);
    expect(serverNodeArgs({ DATABASE_URL: '' })).toEqual([`--max-old-space-size=${EMBEDDED_HEAP_MIB}`]);
    expect(serverNodeArgs({ DATABASE_URL: 'postgres://127.0.0.1/bangkom' })).toEqual([]);
    expect(serverNodeArgs({ NODE_OPTIONS: '--max-old-space-size=1024' })).toEqual([]);
  });
});
