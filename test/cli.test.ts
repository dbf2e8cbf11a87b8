// The CLI in-process: every command and the main flags, stdin/stdout, config files, overwrite refusal,
// unsafe job names, exit codes.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, linkDir, listFiles, repoRoot, tempDir } from './support/cli.js';

const conversation = 'examples/conversation.json';
const dictation = 'examples/dictation.json';
const fixture = (name: string) => `test/fixtures/transcribe/${name}.json`;
const mode = (path: string) => statSync(path).mode & 0o777;

describe('scribekit (program)', () => {
  it('--help lists every command with examples and the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['convert', 'analyze', 'validate', 'Examples:', 'Exit codes'])
      expect(r.stdout).toContain(word);
  });

  it.each(['convert', 'analyze', 'validate'])('%s --help has examples', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ scribekit ${command}`);
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('unknown commands and options are usage errors (exit 2), one line on stderr', async () => {
    const a = await cli(['frobnicate']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^error: unknown command 'frobnicate'/);
    const b = await cli(['convert', conversation, '--no-such-flag']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("unknown option '--no-such-flag'");
    const c = await cli(['convert']);
    expect(c.code).toBe(2);
  });
});

describe('scribekit convert', () => {
  it('writes a single text output to stdout when no -o is given (srt by default)', async () => {
    const r = await cli(['convert', conversation]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1\n00:00:00,\d{3} --> /);
    expect(r.stderr).toBe('');
    for (const [to, start] of [
      ['vtt', 'WEBVTT'],
      ['txt', 'spk_0 ['],
      ['md', '# Transcript'],
      ['json', '{'],
    ] as const) {
      const o = await cli(['convert', conversation, '--to', to]);
      expect(o.code, to).toBe(0);
      expect(o.stdout.startsWith(start), to).toBe(true);
    }
    const fhir = await cli(['convert', conversation, '--to', 'fhir-json', '--subject', 'Patient/1']);
    expect(JSON.parse(fhir.stdout).resourceType).toBe('DocumentReference');
    const xml = await cli(['convert', conversation, '--to', 'fhir-xml', '--subject', 'Patient/1']);
    expect(xml.stdout).toContain('<DocumentReference xmlns="http://hl7.org/fhir">');
  });

  it('reads standard input with `-`', async () => {
    const r = await cli(['convert', '-', '--to', 'txt'], {
      stdin: readFileSync(join(repoRoot, conversation)),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Good morning');
  });

  it('--to all writes every format, PHI outputs 0600, redacted ones not', async () => {
    const out = tempDir();
    const r = await cli(['convert', conversation, '--to', 'all', '-o', out, '--subject', 'Patient/1', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const files = listFiles(out);
    expect(files).toEqual(
      [
        'conversation.docx',
        'conversation.fhir.json',
        'conversation.fhir.xml',
        'conversation.hl7',
        'conversation.html',
        'conversation.md',
        'conversation.scribekit.json',
        'conversation.srt',
        'conversation.txt',
        'conversation.vtt',
      ].sort(),
    );
    for (const f of files) expect(mode(join(out, f)), f).toBe(0o600);

    const red = tempDir();
    const s = await cli(['convert', conversation, '--to', 'txt,srt', '-o', red, '--redact-phi']);
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/^converted 1 of 1 input into 2 files in \d+\.\d s\n$/);
    expect(mode(join(red, 'conversation.txt')) & 0o044).not.toBe(0);
    const txt = readFileSync(join(red, 'conversation.txt'), 'utf8');
    expect(txt).toContain('[NAME]');
    expect(txt).not.toContain('Ortega');
  });

  it('refuses to overwrite without --force (exit 5, nothing changed), overwrites with it', async () => {
    const out = tempDir();
    expect((await cli(['convert', conversation, '--to', 'srt,vtt', '-o', out, '-q'])).code).toBe(0);
    writeFileSync(join(out, 'conversation.srt'), 'mine');
    rmVtt(out);
    const again = await cli(['convert', conversation, '--to', 'srt,vtt', '-o', out, '-q']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('conversation.srt already exists (use --force to overwrite)');
    expect(readFileSync(join(out, 'conversation.srt'), 'utf8')).toBe('mine');
    // All or nothing: the VTT that could have been written was not.
    expect(existsSync(join(out, 'conversation.vtt'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
    const forced = await cli(['convert', conversation, '--to', 'srt,vtt', '-o', out, '-q', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'conversation.srt'), 'utf8')).toMatch(/^1\n/);
  });

  it('names stdin outputs after the job name, made safe (no path traversal, no reserved names)', async () => {
    const base = JSON.parse(readFileSync(join(repoRoot, dictation), 'utf8'));
    for (const [jobName, expected] of [
      ['../../../etc/passwd', 'etc_passwd'],
      ['..\\..\\windows\\evil', 'windows_evil'],
      ['CON', '_CON'],
      ['..', 'transcript'],
      ['.hidden', 'hidden'],
      ['visit 12: follow-up?', 'visit_12_follow-up'],
    ]) {
      const out = tempDir();
      const r = await cli(['convert', '-', '--to', 'srt', '-o', join(out, 'o'), '-q'], {
        stdin: JSON.stringify({ ...base, jobName }),
      });
      expect(r.code, jobName).toBe(0);
      expect(listFiles(out), jobName).toEqual([`o/${expected}.srt`]);
    }
  });

  it('unknown formats, bad option values and FHIR without a subject are usage errors (exit 2) before any work', async () => {
    const out = tempDir();
    const cases = [
      [['--to', 'srtx'], 'Unknown format `srtx`'],
      [['--to', 'fhir-json'], 'needs the patient'],
      [['--max-lines', '9'], '--max-lines must be an integer from 1 to 3'],
      [['--max-lines', 'x'], 'expected an integer'],
      [['--preset', 'nope'], 'Allowed choices are netflix, bbc, dcmp'],
      [['--speaker', 'nobody'], 'expects id=name'],
      [['--low-confidence', '7', '--to', 'docx'], '--low-confidence must be'],
    ] as const;
    for (const [flags, message] of cases) {
      const r = await cli(['convert', conversation, '-o', out, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toContain(message);
    }
    expect(listFiles(out)).toEqual([]);
  });

  it('speaker and channel names, caption presets and limits reach the outputs', async () => {
    const r = await cli([
      'convert',
      conversation,
      '--to',
      'srt',
      '--speaker',
      'spk_0="Dr. Rivera"',
      '--speaker',
      '1=Patient',
      '--preset',
      'bbc',
      '--max-lines',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('DR. RIVERA:');
    expect(r.stdout).toContain('PATIENT:');
    for (const cue of r.stdout.trim().split('\n\n')) expect(cue.split('\n').length).toBe(3);
    const ch = await cli([
      'convert',
      fixture('two-channel'),
      '--to',
      'txt',
      '--channel',
      'ch_0=Nurse',
      '--channel',
      '1=Caller',
    ]);
    expect(ch.stdout).toMatch(/^Nurse \[/);
    expect(ch.stdout).toContain('\nCaller [');
    const plain = await cli(['convert', conversation, '--to', 'txt', '--no-timestamps']);
    expect(plain.stdout).toMatch(/^spk_0\nGood morning/);
  });

  it('FHIR flags: note type, subject, author, encounter, output kind, date, ids', async () => {
    const args = [
      'convert',
      conversation,
      '--to',
      'fhir-json',
      '--subject',
      'Patient/p1',
      '--author',
      'Practitioner/a1',
    ];
    const more = [
      '--encounter',
      'Encounter/e1',
      '--note-type',
      'consult',
      '--date',
      '2024-05-01T14:35:00Z',
      '--ids',
      'deterministic',
    ];
    const r = await cli([...args, ...more]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.subject.reference).toBe('Patient/p1');
    expect(doc.author[0].reference).toBe('Practitioner/a1');
    expect(doc.context.encounter[0].reference).toBe('Encounter/e1');
    expect(doc.date).toBe('2024-05-01T14:35:00Z');
    expect(doc.type.coding[0].code).toBe('11488-4');
    expect((await cli([...args, ...more])).stdout).toBe(r.stdout);
    const bundle = await cli([...args, '--fhir-output', 'document-bundle']);
    expect(JSON.parse(bundle.stdout).resourceType).toBe('Bundle');
  });

  it('every exporter flag at once, to every format', async () => {
    const out = tempDir();
    const flags = [
      ...['--speaker', 'spk_0=Dr. Rivera', '--channel', 'ch_0=Nurse', '--preset', 'netflix'],
      ...['--max-line-chars', '20', '--max-lines', '2', '--max-cps', '25', '--min-duration', '800'],
      ...[
        '--max-duration',
        '6000',
        '--speaker-labels',
        'brackets',
        '--low-confidence',
        '0.9',
        '--no-timestamps',
      ],
      ...['--subject', 'Patient/p1', '--author', 'Practitioner/a1', '--author', 'Practitioner/a2'],
      ...['--encounter', 'Encounter/e1', '--verifier', 'Practitioner/v1', '--note-type', 'procedure'],
      ...['--fhir-output', 'transaction-bundle', '--doc-status', 'final', '--ids', 'deterministic'],
      ...['--date', '2024-05-01T14:35:00Z', '--title', 'Visit note', '--paper', 'letter'],
    ];
    const r = await cli(['convert', conversation, '--to', 'all', '-o', out, '-q', ...flags]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(listFiles(out)).toHaveLength(10);
    const srt = readFileSync(join(out, 'conversation.srt'), 'utf8');
    expect(srt).toContain('[Dr. Rivera]');
    for (const line of srt.split('\n'))
      if (!/-->|^\d+$/.test(line)) expect(line.length).toBeLessThanOrEqual(20);
    const bundle = JSON.parse(readFileSync(join(out, 'conversation.fhir.json'), 'utf8'));
    expect(bundle.type).toBe('transaction');
    const doc = bundle.entry.find(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'DocumentReference',
    ).resource;
    expect(doc.docStatus).toBe('final');
    expect(doc.author.map((a: { reference: string }) => a.reference)).toEqual([
      'Practitioner/a1',
      'Practitioner/a2',
    ]);
    expect(doc.type.coding[0].code).toBe('28570-0');
    expect(readFileSync(join(out, 'conversation.txt'), 'utf8')).toMatch(/^Dr\. Rivera\nGood morning/);
  });

  it('loads a HealthScribe summary with --summary (txt and md end with it)', async () => {
    const args = [
      'convert',
      'test/fixtures/healthscribe/visit-streaming-transcript.json',
      '--summary',
      'test/fixtures/healthscribe/visit-summary.json',
    ];
    const md = await cli([...args, '--to', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Clinical summary\n\n### Chief complaint\n\n- Chest pain.');
    expect(md.stdout).toContain('- Start aspirin\n');
    const txt = await cli([...args, '--to', 'txt']);
    expect(txt.stdout).toContain('\n\nCLINICAL SUMMARY\n\nChief complaint\n- Chest pain.');
    const two = await cli([...args, conversation, '--to', 'txt']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--summary loads one HealthScribe summary');
  });

  it('pairs a HealthScribe summary.json with the transcript.json next to it in a directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'visit-1'));
    symlinkSync(
      join(repoRoot, 'test/fixtures/healthscribe/visit-streaming-transcript.json'),
      join(dir, 'visit-1/transcript.json'),
    );
    symlinkSync(
      join(repoRoot, 'test/fixtures/healthscribe/visit-summary.json'),
      join(dir, 'visit-1/summary.json'),
    );
    const out = tempDir();
    const r = await cli(['convert', dir, '--to', 'md', '-o', out, '-q']);
    expect(r.code).toBe(0);
    expect(listFiles(out)).toEqual(['visit-1/transcript.md']);
    expect(readFileSync(join(out, 'visit-1/transcript.md'), 'utf8')).toContain('## Clinical summary');
  });

  it('reads the job description that `fetch` saved next to a transcript (<name>.job.json), never alone', async () => {
    const wrapped = JSON.parse(readFileSync(join(repoRoot, fixture('job-description-completed')), 'utf8'));
    const bare = {
      ...wrapped.MedicalTranscriptionJob,
      Specialty: 'CARDIOLOGY',
      Tags: [{ Key: 'scribekit:subject', Value: 'Patient/from-tag' }],
    };
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    symlinkSync(join(repoRoot, dictation), join(dir, 'a/visit.json'));
    writeFileSync(join(dir, 'a/visit.job.json'), JSON.stringify(wrapped));
    symlinkSync(join(repoRoot, dictation), join(dir, 'other.json'));
    writeFileSync(join(dir, 'other.job.json'), JSON.stringify(bare));

    // A directory: the job descriptions are companions, not inputs.
    const out = tempDir();
    const r = await cli(['convert', dir, '--to', 'json', '-o', out, '-q', '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(listFiles(out)).toEqual(['a/visit.scribekit.json', 'other.scribekit.json']);
    const meta = (p: string) => JSON.parse(readFileSync(join(out, p), 'utf8')).metadata;
    expect(meta('a/visit.scribekit.json')).toMatchObject({
      specialty: 'PRIMARYCARE',
      type: 'DICTATION',
      createdAt: '2026-03-02T15:04:05.000Z',
    });
    expect(meta('other.scribekit.json').specialty).toBe('CARDIOLOGY');

    // A single file: its job description is found beside it, and the job's tags fill the FHIR subject.
    const fhir = await cli(['convert', join(dir, 'other.json'), '--to', 'fhir-json']);
    expect(fhir.code).toBe(0);
    expect(JSON.parse(fhir.stdout).subject.reference).toBe('Patient/from-tag');
    const flag = await cli([
      'convert',
      join(dir, 'other.json'),
      '--to',
      'fhir-json',
      '--subject',
      'Patient/1',
    ]);
    expect(JSON.parse(flag.stdout).subject.reference).toBe('Patient/1');

    // Named on its own, a job description is refused with a hint (exit 3).
    const alone = await cli(['convert', join(dir, 'other.job.json'), '--to', 'txt']);
    expect(alone.code).toBe(3);
    expect(alone.stderr).toContain('job description');
  });

  it('shows a progress bar on a terminal, and nothing but the summary otherwise', async () => {
    const out = tempDir();
    const tty = await cli(['convert', 'examples', '--to', 'txt', '-o', out, '-j', '1'], { isTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('converting [');
    expect(tty.stderr).toContain('3/3');
    const out2 = tempDir();
    const quiet = await cli(['convert', 'examples', '--to', 'txt', '-o', out2, '-j', '1']);
    expect(quiet.stderr).toMatch(/^converted 3 of 3 inputs into 3 files in \d+\.\d s\n$/);
  });

  it('reads scribekit.config.json from the working directory; flags override it; --config names another file', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'scribekit.config.json'),
      JSON.stringify({
        to: ['txt'],
        speakerNames: { spk_0: 'Dr. Config' },
        subject: 'Patient/cfg',
        timestamps: false,
      }),
    );
    const input = join(repoRoot, conversation);
    const r = await cli(['convert', input], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dr\. Config\n/);
    const o = await cli(['convert', input, '--speaker', 'spk_0=Dr. Flag', '--to', 'fhir-json'], { cwd: dir });
    expect(o.code).toBe(0);
    expect(JSON.parse(o.stdout).subject.reference).toBe('Patient/cfg');
    const f = await cli(['convert', input, '--speaker', 'spk_0=Dr. Flag'], { cwd: dir });
    expect(f.stdout).toMatch(/^Dr\. Flag\n/);

    writeFileSync(join(dir, 'other.json'), JSON.stringify({ to: 'vtt' }));
    expect((await cli(['convert', input, '--config', 'other.json'], { cwd: dir })).stdout).toMatch(/^WEBVTT/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ tooo: 'vtt' }));
    const bad = await cli(['convert', input, '--config', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown key `tooo`');
    const missing = await cli(['convert', input, '--config', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    writeFileSync(join(dir, 'typed.json'), JSON.stringify({ maxLines: 'two' }));
    expect((await cli(['convert', input, '--config', 'typed.json'], { cwd: dir })).code).toBe(2);
  });

  it('converts directories recursively (mirroring them), globs, and reports a JSON summary with --json', async () => {
    const out = tempDir();
    const r = await cli([
      'convert',
      'test/fixtures/transcribe',
      'examples/*.json',
      '--to',
      'txt',
      '-o',
      out,
      '--json',
    ]);
    // empty.json converts (an empty text); the two job descriptions are refused (exit 3 each) → exit 1.
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ total: 13, ok: 11, failed: 2, cancelled: 0, files: 11 });
    expect(summary.items.map((i: { input: string }) => i.input)).toEqual([
      'test/fixtures/transcribe/dictation-report.json',
      'test/fixtures/transcribe/empty.json',
      'test/fixtures/transcribe/job-description-completed.json',
      'test/fixtures/transcribe/job-description-failed.json',
      'test/fixtures/transcribe/medical-conversation-phi.json',
      'test/fixtures/transcribe/medical-dictation.json',
      'test/fixtures/transcribe/pii-redacted.json',
      'test/fixtures/transcribe/show-alternatives.json',
      'test/fixtures/transcribe/speaker-label-gaps.json',
      'test/fixtures/transcribe/two-channel.json',
      'examples/conversation.json',
      'examples/dictation-report.json',
      'examples/dictation.json',
    ]);
    expect(summary.items[2].error.code).toBe('E_UNSUPPORTED_FORMAT');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(2);
    expect(listFiles(out)).toContain('medical-dictation.txt');
    expect(listFiles(out)).toContain('dictation.txt');
  });

  it('mirrors sub-directories and keeps same-named inputs apart', async () => {
    const out = tempDir();
    const r = await cli([
      'convert',
      'test/fixtures',
      conversation,
      examplesCopy(),
      '--to',
      'txt',
      '-o',
      out,
      '-q',
      '-j',
      '1',
    ]);
    expect([0, 1]).toContain(r.code);
    const files = listFiles(out);
    expect(files).toContain('transcribe/two-channel.txt');
    expect(files).toContain('healthscribe/visit-streaming-transcript.txt');
    expect(files.filter((f) => /^conversation(-2)?\.txt$/.test(f))).toHaveLength(2);
  });

  it('a re-run never reads its own outputs (output directory inside the input, *.scribekit.json, *.fhir.json)', async () => {
    const dir = linkDir([
      { source: join(repoRoot, conversation), name: 'a.json' },
      { source: join(repoRoot, dictation), name: 'b.json' },
    ]);
    const args = ['convert', dir, '--to', 'json,fhir-json,txt', '--subject', 'Patient/1', '-q'];
    expect((await cli([...args, '-o', join(dir, 'out')])).code).toBe(0);
    expect((await cli([...args, '-o', dir])).code).toBe(0);
    const again = await cli([...args, '-o', join(dir, 'out'), '--force', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).total).toBe(2);
  });

  it('binary or several outputs without -o go to the working directory; input mistakes are usage errors', async () => {
    const cwd = tempDir();
    const r = await cli(['convert', join(repoRoot, conversation), '--to', 'docx,txt', '-q'], { cwd });
    expect(r.code).toBe(0);
    expect(listFiles(cwd)).toEqual(['conversation.docx', 'conversation.txt']);
    const empty = tempDir();
    for (const [args, message] of [
      [[empty], 'No .json files in the directory'],
      [['nothing/*.json'], 'No files match'],
      [['-', '-'], 'can be given only once'],
    ] as const) {
      const u = await cli(['convert', ...args, '--to', 'txt']);
      expect(u.code, message).toBe(2);
      expect(u.stderr).toContain(message);
    }
  });

  it('a single missing input is exit 3; invalid JSON is exit 3', async () => {
    const r = await cli(['convert', 'no/such/file.json', '--to', 'txt']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: no/such/file.json: cannot read the input (no such file)\n');
    const bad = await cli(['convert', '-', '--to', 'txt'], { stdin: '{"results": ' });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^error: -: Invalid JSON: .* at line 1, column \d+/);
  });

  it('--verbose shows the cause chain', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'x'), '');
    const r = await cli(['--verbose', 'convert', conversation, '--to', 'txt', '-o', join(out, 'x', 'sub')]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('error: Cannot write');
    expect(r.stderr).toContain('caused by:');
  });

  it('an interrupted batch exits 130 and reports the rest as not started', async () => {
    const controller = new AbortController();
    controller.abort();
    const out = tempDir();
    const r = await cli(['convert', 'test/fixtures/transcribe', '--to', 'txt', '-o', out], {
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('not started (interrupted)');
    expect(listFiles(out)).toEqual([]);
  });
});

describe('scribekit analyze', () => {
  it('prints a table without transcript words', async () => {
    const r = await cli(['analyze', conversation, '--speaker', 'spk_0=Dr. Rivera']);
    expect(r.code).toBe(0);
    for (const word of [
      'Duration',
      'Words',
      'Confidence',
      'PHI',
      'Talk time',
      'WPM',
      'Dr. Rivera (spk_0)',
      'NAME 1',
    ]) {
      expect(r.stdout).toContain(word);
    }
    expect(r.stdout).not.toContain('Ortega');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--show-text lists low-confidence words; --json gives the analysis', async () => {
    const text = await cli(['analyze', conversation, '--show-text', '--low-confidence', '0.95']);
    expect(text.stdout).toContain('Low-confidence word');
    const json = JSON.parse((await cli(['analyze', conversation, '--json'])).stdout);
    expect(json.speakers).toHaveLength(2);
    expect(json.phi.total).toBe(3);
    expect(json.lowConfidence.tokens.every((t: object) => !('text' in t))).toBe(true);
    const withText = JSON.parse((await cli(['analyze', conversation, '--json', '--show-text'])).stdout);
    expect(withText.lowConfidence.tokens[0].text).toBeTypeOf('string');
  });

  it('colours only on a terminal without NO_COLOR; reads stdin; refuses non-transcripts with exit 3', async () => {
    const tty = await cli(['analyze', conversation], { isTTY: true });
    expect(tty.stdout).toContain('\u001b[1m');
    const noColor = await cli(['analyze', conversation], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const stdin = await cli(['analyze', '-'], { stdin: readFileSync(join(repoRoot, dictation)) });
    expect(stdin.code).toBe(0);
    const bad = await cli(['analyze', fixture('job-description-failed')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^error: .*FAILED/);
  });
});

describe('scribekit validate', () => {
  it('ok lines for valid inputs, the error list and exit 3 for invalid ones', async () => {
    const ok = await cli(['validate', conversation, dictation]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok {2}examples\/conversation\.json: transcribe-batch, 79 words/);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({ results: { items: [{ type: 'pronunciation' }] } }),
    );
    const bad = await cli(['validate', conversation, join(dir, 'broken.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/error: .*broken\.json: Invalid/);
    expect(bad.stderr).toMatch(/\n {4}at results\.items\[0\]/);
    const json = JSON.parse((await cli(['validate', join(dir, 'broken.json'), '--json'])).stdout);
    expect(json).toMatchObject({ total: 1, valid: 0, invalid: 1 });
    expect(json.items[0].issues.length).toBeGreaterThan(0);
  });
});

function rmVtt(dir: string) {
  const vtt = join(dir, 'conversation.vtt');
  if (existsSync(vtt)) unlinkSync(vtt);
}

/** A second `conversation.json` (a symlink to the dictation example) in a directory of its own. */
function examplesCopy(): string {
  const dir = linkDir([{ source: join(repoRoot, dictation), name: 'conversation.json' }]);
  return join(dir, 'conversation.json');
}
