// Skipped tests say why (issue 12, item 13): the skip-reasons reporter prints one line per reason at the end of
// the run, and with CI=true a test skipped for a missing tool fails the run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const vitest = join(repoRoot, 'node_modules/vitest/vitest.mjs');
const config = join(repoRoot, 'test/fixtures/vitest/vitest.config.ts');

function runFixture(ci: boolean) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.CI;
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  if (ci) env.CI = 'true';
  const r = spawnSync(process.execPath, [vitest, 'run', '--config', config], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('skip reasons', () => {
  it('outside CI: the run passes and ends with the reason of each skip', () => {
    const r = runFixture(false);
    expect(r.status, r.out).toBe(0);
    const tail = r.out.slice(r.out.indexOf('Skipped tests and why:'));
    expect(tail).toContain(
      'skipped 1 test: frobnicate is not installed (apt-get install frobnicate) (test/fixtures/vitest/skips.fixture.ts > needs a tool that is absent)',
    );
  });

  it('with CI=true a skip for a missing tool fails the run', () => {
    const r = runFixture(true);
    expect(r.status, r.out).not.toBe(0);
    expect(r.out).toContain('frobnicate is not installed');
  });
});
