// The architecture, checked (issue 13): an import graph of every package's src, built with regular
// expressions (static imports, re-exports, `import type` and dynamic `import()` alike), must have no cycle;
// the CLI's folders import only downwards; core imports nothing from exporters or the CLI, exporters nothing
// from the CLI. A new circle or back-arrow fails here, naming the files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const packages = ['core', 'exporters', 'cli'] as const;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `@scribekit/<pkg>[/sub]` → its source file, from the package's `@scribekit/source` export conditions. */
const entries = new Map<string, string>();
for (const pkg of packages) {
  const dir = join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { '@scribekit/source': string }>;
  };
  for (const [sub, conditions] of Object.entries(manifest.exports)) {
    if (typeof conditions === 'string') continue; // `./package.json`: not a module
    entries.set(
      sub === '.' ? manifest.name : `${manifest.name}/${sub.slice(2)}`,
      join(dir, conditions['@scribekit/source']),
    );
  }
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The files of this repository that `file` imports (packages resolved to their source entries). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const out = new Set<string>();
  for (const [, spec] of text.matchAll(SPECIFIER)) {
    if (spec!.startsWith('.')) out.add(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
    else if (spec!.startsWith('@scribekit/')) {
      const target = entries.get(spec!);
      if (target === undefined) throw new Error(`${rel(file)} imports ${spec}, which is no package entry`);
      out.add(target);
    }
  }
  return [...out];
}

const rel = (file: string) => relative(root, file);
const files = packages.flatMap((pkg) => tsFiles(join(root, 'packages', pkg, 'src')));
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected components with more than one file (or a file importing itself): the import circles. */
function cycles(): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!indexOf.has(f)) visit(f);
  return found;
}

const cliSrc = join(root, 'packages/cli/src');
/**
 * The CLI's layers, top to bottom. The entry files (bin → cli, index → main) sit above everything. The Lambda handler is
 * a runner of its own (it uses the pipeline like `run/`), so it shares the runners' layer.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['bin.ts'],
  ['cli.ts', 'index.ts'],
  ['main.ts'],
  ['commands'],
  ['run', 'lambda'],
  ['pipeline'],
  ['output', 'batch', 'aws', 'hl7'],
  ['errors.ts', 'exit-codes.ts', 'io.ts', 'report.ts'],
];
/** Folders of one layer that may import each other (the adapters share small helpers: `hl7` uses `aws/sleep`). */
const SIDEWAYS = new Set(['output', 'batch', 'aws', 'hl7']);

const unitOf = (file: string) => relative(cliSrc, file).split('/')[0]!;
const layerOf = (unit: string) => LAYERS.findIndex((l) => l.includes(unit));

describe('import graph', () => {
  it('every source file is read (the graph is not empty by mistake)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });

  it('has no import circles in any package', () => {
    expect(cycles()).toEqual([]);
  });

  it('core imports nothing from exporters or the CLI; exporters nothing from the CLI', () => {
    const owner = (f: string) => relative(join(root, 'packages'), f).split('/')[0]!;
    const rank = { core: 0, exporters: 1, cli: 2 } as Record<string, number>;
    const back: string[] = [];
    for (const [from, tos] of graph)
      for (const to of tos) if (rank[owner(to)]! > rank[owner(from)]!) back.push(`${rel(from)} → ${rel(to)}`);
    expect(back).toEqual([]);
  });

  it('relative imports stay inside their package', () => {
    const escapes: string[] = [];
    for (const [from, tos] of graph) {
      const pkg = relative(join(root, 'packages'), from).split('/')[0]!;
      for (const to of tos)
        if (!to.startsWith(join(root, 'packages', pkg, '/'))) {
          const viaEntry = [...entries.values()].includes(to);
          if (!viaEntry) escapes.push(`${rel(from)} → ${rel(to)}`);
        }
    }
    expect(escapes).toEqual([]);
  });

  it('every CLI folder and base file has a layer', () => {
    const units = new Set(files.filter((f) => f.startsWith(cliSrc)).map(unitOf));
    expect([...units].filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  it('the CLI imports only downwards: commands → run → pipeline → output/batch/aws/hl7 → base', () => {
    const back: string[] = [];
    for (const [from, tos] of graph) {
      if (!from.startsWith(cliSrc)) continue;
      const a = unitOf(from);
      for (const to of tos) {
        if (!to.startsWith(cliSrc)) continue;
        const b = unitOf(to);
        if (a === b || (SIDEWAYS.has(a) && SIDEWAYS.has(b))) continue;
        if (layerOf(b) <= layerOf(a)) back.push(`${rel(from)} → ${rel(to)}`);
      }
    }
    expect(back).toEqual([]);
  });
});
