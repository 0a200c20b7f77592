import { describe, expect, it, vi } from 'vitest';

describe('password hashing cost', () => {
  it('the server hashes chosen passwords with N = 2^17, r = 8, p = 1; only the test setup lowers N', async () => {
    const testing = await import('../src/lib/server/auth.js');
    expect(testing.chosenPasswordN()).toBe(2 ** 15);

    // A fresh copy of the module, as the server loads it: the test setup has not run on it.
    vi.resetModules();
    const server = await import('../src/lib/server/auth.js');
    expect(server).not.toBe(testing);
    expect(server.SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(server.chosenPasswordN()).toBe(2 ** 17);
    const stored = await server.hashPassword('Tepian-Mahakam-2031');
    expect(stored.split('$').slice(1, 4).map(Number)).toEqual([2 ** 17, 8, 1]);
    expect(await server.verifyPassword('Tepian-Mahakam-2031', stored)).toBe(true);
    expect(server.needsRehash(stored)).toBe(false);
    // A hash made at the test cost is weaker than the server's: replaced at the next login.
    expect(server.needsRehash(await testing.hashPassword('Tepian-Mahakam-2031'))).toBe(true);
  });

  it('refuses a cost outside 2^14 … 2^17 or not a power of 2', async () => {
    const { lowerPasswordCostForTests } = await import('../src/lib/server/auth.js');
    for (const N of [2 ** 13, 2 ** 18, 3 * 2 ** 14]) expect(() => lowerPasswordCostForTests(N)).toThrow(RangeError);
  });
});
