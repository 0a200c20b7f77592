import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneName, today } from './dates.js';

describe('today(timeZone)', () => {
  it('is the date in the agency’s zone, not the UTC date', () => {
    // 16:30 UTC on 4 December is 00:30 on 5 December in WITA and 23:30 on 4 December in WIB.
    const now = new Date('2026-12-04T16:30:00Z');
    expect(today('Asia/Makassar', now)).toBe('2026-12-05');
    expect(today('Asia/Jakarta', now)).toBe('2026-12-04');
    expect(today('Asia/Jayapura', now)).toBe('2026-12-05');
    expect(today(undefined, now)).toBe(today(DEFAULT_TIME_ZONE, now));
  });

  it('names the zones of Indonesia and checks zone names', () => {
    expect([timeZoneName('Asia/Jakarta'), timeZoneName('Asia/Makassar'), timeZoneName('Asia/Jayapura')]).toEqual(['WIB', 'WITA', 'WIT']);
    expect(isTimeZone('Asia/Makassar')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
