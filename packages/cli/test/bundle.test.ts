// The `scribekit` command runs a bundle of core, exporters and the CLI (scripts/bundle-cli.mjs) that keeps
// third-party packages as imports, resolved from packages/cli. So the CLI must list every third-party dependency
// of core and exporters as its own, with the same version range, or an installed CLI fails on first use of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/support/cli.js';

const dependencies = (pkg: string): Record<string, string> =>
  (
    JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    }
  ).dependencies ?? {};

describe('the bundled CLI', () => {
  it('lists the third-party dependencies of core and exporters as its own, with the same ranges', () => {
    const cli = dependencies('cli');
    for (const pkg of ['core', 'exporters']) {
      const missing = Object.entries(dependencies(pkg)).filter(
        ([name, range]) => !name.startsWith('@scribekit/') && cli[name] !== range,
      );
      expect(missing, `packages/${pkg} dependencies the CLI does not list with the same range`).toEqual([]);
    }
  });
});
