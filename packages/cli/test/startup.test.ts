// `--help` must stay fast: the modules main.ts loads statically may import only commander and node
// built-ins; core, the exporters (and the AWS SDK) are imported by the command actions when they run.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Static (value) imports of a module: `import … from 'x'` and `export … from 'x'`, not `import type`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
    if (!m[1]) out.push(m[2]!);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

/** Every bare specifier reachable from `entry` through static relative imports. */
function reachable(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...seen], packages };
}

/** What the command modules may load at startup: commander, the error classes and the option table. */
const STARTUP_PACKAGES = new Set(['commander', '@scribekit/core/errors', '@scribekit/exporters/options']);

describe('startup', () => {
  it('main.ts statically loads only commander, the error classes, the option table and node built-ins', () => {
    const { files, packages } = reachable(join(src, 'main.ts'));
    expect(files.length).toBeGreaterThan(5);
    expect([...packages].filter((p) => !STARTUP_PACKAGES.has(p) && !p.startsWith('node:'))).toEqual([]);
  });

  it('cli.ts (the program bin.ts imports once the compile cache is on) too', () => {
    const { packages } = reachable(join(src, 'cli.ts'));
    expect([...packages].filter((p) => !STARTUP_PACKAGES.has(p) && !p.startsWith('node:'))).toEqual([]);
  });

  it('(the check sees packages: the convert runner loads core and the exporters)', () => {
    const { packages } = reachable(join(src, 'run/convert.ts'));
    expect([...packages].some((p) => p.startsWith('@scribekit/exporters'))).toBe(true);
    expect(packages).toContain('@scribekit/core');
  });
});
