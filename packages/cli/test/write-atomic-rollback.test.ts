// The rollback of writeOutputs removes only what this call put in place (issue 12, item 1), checked with a
// deterministic interleaving: another process replaces a file this call has just linked, then this call meets
// an existing target and rolls back. The real two-process race is in test/race.test.ts.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** Called after each successful `link(temp, target)`: the other process's move. */
let afterLink: ((target: string) => void) | undefined;

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    link: async (from: string, to: string) => {
      await real.link(from, to);
      afterLink?.(to);
    },
  };
});

const { tempPathFor, writeOutputs } = await import('../src/output/write-atomic.js');

const out = (extension: string, data: string) => ({ extension, data, containsPhi: false });

const dirs: string[] = [];
const freshDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'scribekit-rollback-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  afterLink = undefined;
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeOutputs rollback', () => {
  it("keeps a file another process put in place after this call's link", async () => {
    const dir = await freshDir();
    afterLink = (target) => {
      if (!target.endsWith('visit.a')) return;
      // A --force run renames its whole `visit.a` over ours, then its `visit.b` into place.
      writeFileSync(join(dir, 'theirs.a'), 'theirs a');
      renameSync(join(dir, 'theirs.a'), join(dir, 'visit.a'));
      writeFileSync(join(dir, 'visit.b'), 'theirs b');
    };
    await expect(writeOutputs(dir, 'visit', [out('a', 'ours a'), out('b', 'ours b')])).rejects.toMatchObject({
      name: 'OutputExistsError',
    });
    expect(readFileSync(join(dir, 'visit.a'), 'utf8')).toBe('theirs a');
    expect(readFileSync(join(dir, 'visit.b'), 'utf8')).toBe('theirs b');
    expect(readdirSync(dir).sort()).toEqual(['visit.a', 'visit.b']);
  });

  it('removes its own files when a later target exists (all or nothing)', async () => {
    const dir = await freshDir();
    afterLink = (target) => {
      if (target.endsWith('visit.a')) writeFileSync(join(dir, 'visit.b'), 'theirs b');
    };
    await expect(writeOutputs(dir, 'visit', [out('a', 'ours a'), out('b', 'ours b')])).rejects.toMatchObject({
      name: 'OutputExistsError',
    });
    expect(readdirSync(dir).sort()).toEqual(['visit.b']);
    expect(readFileSync(join(dir, 'visit.b'), 'utf8')).toBe('theirs b');
  });
});

describe('temp files', () => {
  it("draws another name when its temp name is taken, and leaves that file (another run's) alone", async () => {
    const dir = await freshDir();
    // The first draw names another run's temp file; this write's first draw meets it, its second is free.
    const draws = [0.5, 0.5, 0.25];
    vi.spyOn(Math, 'random').mockImplementation(() => draws.shift() ?? 0.75);
    const taken = tempPathFor(join(dir, 'visit.a'));
    writeFileSync(taken, 'their temp');
    await writeOutputs(dir, 'visit', [out('a', 'ours a')]);
    expect(readFileSync(taken, 'utf8')).toBe('their temp');
    expect(readFileSync(join(dir, 'visit.a'), 'utf8')).toBe('ours a');
    expect(readdirSync(dir).sort()).toEqual([taken.slice(dir.length + 1), 'visit.a'].sort());
  });
});
