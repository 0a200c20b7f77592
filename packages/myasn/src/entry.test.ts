import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The modules `from` reaches through relative imports (type-only imports included), with the packages they import. */
function moduleGraph(from: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
    const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
    graph.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const s of specifiers.filter((s) => s.startsWith('./'))) visit(s.replace(/\.js$/, '.ts'));
  };
  visit(from);
  return graph;
}

describe('entries', () => {
  it('the core entry reaches no module that imports exceljs or pdfkit, so a consumer of reconcile needs neither', () => {
    const graph = moduleGraph('./index.ts');
    expect(graph.has('./office.ts')).toBe(true);
    const heavy = [...graph].filter(([, packages]) => packages.some((p) => p === 'exceljs' || p === 'pdfkit')).map(([file]) => file);
    expect(heavy).toEqual([]);
  });

  it('the documents entry does reach them (the check above can see an import)', () => {
    const graph = moduleGraph('./documents-entry.ts');
    expect(graph.get('./documents.ts')).toEqual(expect.arrayContaining(['exceljs', 'pdfkit']));
  });
});
