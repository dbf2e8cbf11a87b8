// Installs the workspace on a fresh clone that has only Node and npm: pnpm is run through npx.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const marker = new URL('node_modules/.modules.yaml', root);
if (!existsSync(marker)) {
  const pnpm = process.env.SCRIBEKIT_PNPM ?? 'pnpm@10';
  const hasPnpm = (() => {
    try {
      execFileSync('pnpm', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const [cmd, args] = hasPnpm
    ? ['pnpm', ['install', '--frozen-lockfile']]
    : ['npx', ['--yes', pnpm, 'install', '--frozen-lockfile']];
  process.stderr.write(`scribekit: installing dependencies (${cmd} ${args.join(' ')})\n`);
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
