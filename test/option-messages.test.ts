// Option errors name what the user typed (issue 13): the flag (`--max-lines must be …`), the config file's key
// and its file, or the job's `scribekit:*` tag — and never the value where it could be PHI (an MRN in a
// reference, a patient's name in a title or a speaker name).
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoRoot, tempDir } from './support/cli.js';

const example = join(repoRoot, 'examples/conversation.json');
const SECRET = 'MRN-4471-Jane-Roe';
const errorLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('error: ')) ?? stderr;

describe('option errors name what the user typed', () => {
  it('a flag: `--max-lines 9` → "--max-lines must be …", exit 2, before any input is read', async () => {
    const r = await cli(['convert', 'does-not-exist.json', '--max-lines', '9']);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toBe('error: --max-lines must be an integer from 1 to 3');
  });

  it('flags with values that may be PHI are named, the value is not shown', async () => {
    for (const args of [
      ['--to', 'docx', '--title', `${SECRET}\u0007`],
      ['--to', 'fhir-json', '--subject', `Observation/${SECRET}`],
      ['--to', 'srt', '--speaker', SECRET],
    ]) {
      const r = await cli(['convert', example, ...args, '-o', tempDir()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(errorLine(r.stderr), args.join(' ')).toContain(args[2]!.split(' ')[0]!);
      expect(r.stderr, args.join(' ')).not.toContain(SECRET);
    }
  });

  it('a config key: named with its file, the value not shown', async () => {
    const cwd = tempDir();
    const file = join(cwd, 'scribekit.config.json');
    writeFileSync(file, JSON.stringify({ maxLines: 9 }));
    const lines = await cli(['convert', example, '--to', 'srt'], { cwd });
    expect(lines.code).toBe(2);
    expect(errorLine(lines.stderr)).toContain('`maxLines`');
    expect(errorLine(lines.stderr)).toContain(file);
    expect(errorLine(lines.stderr)).toContain('must be an integer from 1 to 3');

    writeFileSync(file, JSON.stringify({ title: `${SECRET}\u0007`, subject: `Observation/${SECRET}` }));
    const phi = await cli(['convert', example, '--to', 'fhir-json'], { cwd });
    expect(phi.code).toBe(2);
    expect(errorLine(phi.stderr)).toMatch(/`title`|`subject`/);
    expect(errorLine(phi.stderr)).toContain(file);
    expect(phi.stderr).not.toContain(SECRET);

    writeFileSync(file, JSON.stringify({ subject: `Observation/${SECRET}` }));
    const ref = await cli(['convert', example, '--to', 'fhir-json'], { cwd });
    expect(ref.code).toBe(2);
    expect(errorLine(ref.stderr)).toContain('`subject` in the config file');
    expect(ref.stderr).not.toContain(SECRET);
  });

  it('a job tag: the tag is named, its value is not', async () => {
    const dir = tempDir();
    symlinkSync(example, join(dir, 'visit.json'));
    const job = JSON.parse(
      readFileSync(join(repoRoot, 'test/fixtures/transcribe/job-description-completed.json'), 'utf8'),
    );
    job.MedicalTranscriptionJob.Tags = [{ Key: 'scribekit:subject', Value: `Observation/${SECRET}` }];
    writeFileSync(join(dir, 'visit.job.json'), JSON.stringify(job));
    const r = await cli(['convert', join(dir, 'visit.json'), '--to', 'fhir-json', '-o', tempDir()]);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toContain("the job's `scribekit:subject` tag");
    expect(r.stderr).not.toContain(SECRET);
  });
});
