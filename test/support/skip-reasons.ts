// A vitest reporter: at the end of the run, one line per reason for the tests that were skipped
// (`ctx.skip(reason)`, as the real-reader tests do when a tool is missing), so "6 skipped" never goes unexplained.
// With CI=true a test skipped for a reason fails the run: CI must have every tool.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

export default class SkipReasons implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, string[]>();
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        const reason = note ?? (test.options.mode === 'todo' ? 'todo' : 'skipped without a reason');
        const name = `${relative(process.cwd(), module.moduleId)} > ${test.fullName}`;
        byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
      }
    }
    if (byReason.size === 0) return;
    const lines = [...byReason].map(
      ([reason, tests]) =>
        `  skipped ${tests.length} test${tests.length === 1 ? '' : 's'}: ${reason} (${tests[0]}${tests.length > 1 ? ', …' : ''})`,
    );
    process.stdout.write(`\nSkipped tests and why:\n${lines.join('\n')}\n`);
    const forAReason = [...byReason.keys()].filter((r) => r !== 'todo' && r !== 'skipped without a reason');
    if (inCi && forAReason.length > 0) {
      process.stdout.write(
        'CI=true: a test skipped for a missing tool fails the run (install it in .ci/run)\n',
      );
      process.exitCode = 1;
    }
  }
}
