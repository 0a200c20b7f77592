import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

describe('parseCsv', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('drops a BOM, detects ";" and keeps line numbers', () => {
    const table = parseCsv('\uFEFFnama;jp\r\nBudi;4\r\n\r\nSari;"2;5"\r\n');
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['nama', 'jp']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Budi', '4'] },
      { line: 4, cells: ['Sari', '2;5'] },
    ]);
  });

  it('reads quoted line breaks and doubled quotes', () => {
    const table = parseCsv('a,b\n"x\ny","say ""hi"""\nz,w');
    expect(table.rows).toEqual([
      { line: 2, cells: ['x\ny', 'say "hi"'] },
      { line: 4, cells: ['z', 'w'] },
    ]);
  });

  it('round-trips whatever toCsv writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', ';'),
        (rows, sep) => {
          const header = ['k1', 'k2'];
          const table = parseCsv(toCsv([header, ...rows], sep as ',' | ';'));
          const expected = rows.filter((r) => r.some((c) => c.trim() !== ''));
          expect(table.rows.map((r) => r.cells)).toEqual(expected);
        },
      ),
    );
  });
});
