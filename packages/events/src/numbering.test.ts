import { describe, expect, it } from 'vitest';
import { allocateCertificateNumbers, certificateNumbering, DEFAULT_CERTIFICATE_PATTERN } from './numbering.js';

describe('certificate numbering', () => {
  it('formats every token of the agency pattern', () => {
    const n = certificateNumbering('{seq:4}/{event}/{unit}/{romanMonth}/{month}/{year}');
    expect(n.ok).toBe(true);
    if (!n.ok) return;
    expect(n.value.format(7, { date: '2025-07-16', unit: 'UMPEG', event: 'BT' })).toBe('0007/BT/UMPEG/VII/07/2025');
    expect(n.value.parse('0007/BT/UMPEG/VII/07/2025')).toEqual({ year: 2025, seq: 7 });
    expect(n.value.parse('something else')).toBeUndefined();
  });

  it('a pattern without {seq} or {year}, or with an unknown token, is refused: numbers would not be unique', () => {
    const r = certificateNumbering('{unit}/{seq}/{tahun}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['numbering.unknown_token', 'numbering.missing_token']);
    expect(r.problems[1]!.message.id).toContain('{year}');
  });

  it('sequential per year: continues after the highest of the year, restarts in a new year', () => {
    const issued = ['0001/UMPEG/III/2025', '0009/UMPEG/V/2025', '0042/UMPEG/XII/2024'];
    const july = allocateCertificateNumbers({ pattern: DEFAULT_CERTIFICATE_PATTERN, issued, date: '2025-07-16', unit: 'UMPEG', count: 3 });
    expect(july).toEqual({ ok: true, value: ['0010/UMPEG/VII/2025', '0011/UMPEG/VII/2025', '0012/UMPEG/VII/2025'] });
    const nextYear = allocateCertificateNumbers({
      pattern: DEFAULT_CERTIFICATE_PATTERN,
      issued,
      date: '2026-01-05',
      unit: 'UMPEG',
      count: 1,
    });
    expect(nextYear).toEqual({ ok: true, value: ['0001/UMPEG/I/2026'] });
  });

  it('unique: 40 numbers for 40 participants are all different and none was issued before', () => {
    const issued = ['0001/UMPEG/VII/2025'];
    const r = allocateCertificateNumbers({ pattern: DEFAULT_CERTIFICATE_PATTERN, issued, date: '2025-07-16', unit: 'UMPEG', count: 40 });
    if (!r.ok) throw new Error('allocation failed');
    expect(new Set(r.value).size).toBe(40);
    expect(r.value.some((n) => issued.includes(n))).toBe(false);
    expect(r.value[0]).toBe('0002/UMPEG/VII/2025');
    expect(r.value[39]).toBe('0041/UMPEG/VII/2025');
  });

  it('a bad count is a structured problem', () => {
    const r = allocateCertificateNumbers({ pattern: DEFAULT_CERTIFICATE_PATTERN, issued: [], date: '2025-07-16', count: -1 });
    expect(r.ok).toBe(false);
  });
});
