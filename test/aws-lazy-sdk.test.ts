// `scribekit --help` must not load the AWS SDK: walk the static import graph of the built program (cli.js, which
// bin.js imports) and check that no module in it imports @aws-sdk/* statically (dynamic import() loads the SDK).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const program = fileURLToPath(new URL('../packages/cli/dist/cli.js', import.meta.url));
const STATIC_IMPORT = /^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (existsSync(target)) visit(target);
      } else bare.add(spec);
    }
  };
  visit(entry);
  return { files, bare };
}

describe('lazy AWS SDK', () => {
  it('the static import graph of the program has no @aws-sdk module', () => {
    const { files, bare } = staticGraph(program);
    expect(files.size).toBeGreaterThan(5);
    expect([...bare].filter((s) => s.startsWith('@aws-sdk/'))).toEqual([]);
    // The fetch and jobs commands are registered at startup, their AWS work is not.
    expect([...files].some((f) => f.endsWith('commands/fetch.js'))).toBe(true);
    expect([...files].some((f) => f.endsWith('aws/clients.js'))).toBe(false);
  });
});
