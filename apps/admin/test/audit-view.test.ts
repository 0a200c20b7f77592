import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesOf, valueText } from '../src/lib/audit-view.js';
import { AUDIT_ACTIONS } from '../src/lib/audit-labels.js';

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

describe('the audit page and its export name every action', () => {
  const read = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? read(path) : name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
    });
  const server = read(join(import.meta.dirname, '..', 'src', 'lib', 'server')).join('\n');
  const labelled = new Set(Object.values(AUDIT_ACTIONS).flatMap((family) => Object.keys(family)));

  it('every action the server writes has a label in the words of the office (an unlabelled one would show its code)', () => {
    // audit(db, user, 'family.action', …), over one line or several.
    const written = new Set([...server.matchAll(/\baudit\(\s*[^,()]+,\s*[^,()]+,\s*'([a-z_]+\.[a-z_]+)'/g)].map((match) => match[1]!));
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((action) => !labelled.has(action)).sort()).toEqual([]);
  });

  it('an action built at run time (`export.event_${kind}`) has a label for each of its kinds', () => {
    const prefixes = [...server.matchAll(/\baudit\(\s*[^,()]+,\s*[^,()]+,\s*`([a-z_]+\.[a-z_]*)\$\{/g)].map((match) => match[1]!);
    expect(prefixes).toContain('export.event_');
    for (const prefix of prefixes) expect([...labelled].filter((action) => action.startsWith(prefix)).length, prefix).toBeGreaterThan(1);
  });
});
