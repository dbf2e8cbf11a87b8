// `--force` never overwrites the file standard input is redirected from (issue 12, item 3): the identity of fd 0
// (device and inode) is compared with each target, so the file is protected under any name — the target itself,
// a symlink to it, or a hard link to it.
import {
  closeSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, repoRoot, tempDir } from './support/cli.js';

const example = readFileSync(join(repoRoot, 'examples/conversation.json'));
const job = (JSON.parse(example.toString('utf8')) as { jobName: string }).jobName;

/** `scribekit convert - --to json -o <out> --force < <stdinPath>` */
async function convertStdin(stdinPath: string, out: string) {
  const fd = openSync(stdinPath, 'r');
  try {
    return await bin(['convert', '-', '--to', 'json', '-o', out, '--force'], { stdio: [fd, 'pipe', 'pipe'] });
  } finally {
    closeSync(fd);
  }
}

/**
 * A folder holding a transcript at the very path `convert -` will write: `<jobName>.scribekit.json` (the
 * example's job name names a stdin output). The parse succeeds, so only the protection stands in the way.
 */
function folderWithOutput(): { dir: string; target: string; bytes: Buffer } {
  const dir = tempDir('scribekit-stdin-');
  const target = join(dir, `${job}.scribekit.json`);
  writeFileSync(target, example);
  return { dir, target, bytes: readFileSync(target) };
}

describe('standard input is protected from --force', () => {
  it('refuses to overwrite the file standard input is redirected from (typed error, exit 5, input untouched)', async () => {
    const { dir, target, bytes } = folderWithOutput();
    const r = await convertStdin(target, dir);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`${job}.scribekit.json is standard input`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual([`${job}.scribekit.json`]);
  });

  it('also when standard input comes through a symlink or a hard link to the target', async () => {
    for (const make of [symlinkSync, linkSync]) {
      const { dir, target, bytes } = folderWithOutput();
      const other = join(tempDir('scribekit-stdin-link-'), 'alias.json');
      make(target, other);
      const r = await convertStdin(other, dir);
      expect(r.code, make.name).toBe(5);
      expect(r.stderr, make.name).toContain('is standard input');
      expect(readFileSync(target).equals(bytes), make.name).toBe(true);
    }
  });

  it('also when the target is a hard link to the file standard input reads; a symlink target is replaced, not followed', async () => {
    const { target: source, bytes } = folderWithOutput();
    const hard = tempDir('scribekit-stdin-hard-');
    linkSync(source, join(hard, `${job}.scribekit.json`));
    const r = await convertStdin(source, hard);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('is standard input');
    expect(readFileSync(source).equals(bytes)).toBe(true);

    const soft = tempDir('scribekit-stdin-soft-');
    symlinkSync(source, join(soft, `${job}.scribekit.json`));
    const s = await convertStdin(source, soft);
    expect([0, 5]).toContain(s.code);
    expect(readFileSync(source).equals(bytes)).toBe(true);
  });
});
