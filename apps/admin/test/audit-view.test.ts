import { describe, expect, it } from 'vitest';
import { changesOf, valueText } from '../src/lib/audit-view.js';

describe('changesOf', () => {
  it('lists only the fields whose values differ, with both sides', () => {
    expect(changesOf({ status: 'submitted', jp: 6, title: 'A' }, { status: 'approved', jp: 6, title: 'A' })).toEqual([
      { field: 'status', before: 'submitted', after: 'approved' },
    ]);
  });
  it('shows fields that appear or disappear', () => {
    expect(changesOf(null, { jp: 30 })).toEqual([{ field: 'jp', before: null, after: '30' }]);
    expect(changesOf({ reason: 'x' }, {})).toEqual([{ field: 'reason', before: 'x', after: null }]);
  });
  it('treats a plain value (a setting) as one change', () => {
    expect(changesOf('Asia/Jakarta', 'Asia/Makassar')).toEqual([{ field: '', before: 'Asia/Jakarta', after: 'Asia/Makassar' }]);
    expect(changesOf('x', 'x')).toEqual([]);
  });
  it('compares nested records by value, not identity', () => {
    expect(changesOf({ evidence: { sha256: 'a' } }, { evidence: { sha256: 'a' } })).toEqual([]);
    expect(changesOf({ evidence: { sha256: 'a' } }, { evidence: { sha256: 'b' } })[0]?.field).toBe('evidence');
  });
});

describe('valueText', () => {
  it('cuts long values to one line', () => {
    const text = valueText('x'.repeat(500))!;
    expect(text.length).toBe(120);
    expect(text.endsWith('…')).toBe(true);
  });
});
