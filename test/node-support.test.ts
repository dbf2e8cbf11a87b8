// scribekit on the Node that runs the suite (CI runs it on every supported Node): that Node is one the
// `engines` fields allow, and real AWS commands of the built CLI print no Node version or deprecation
// warning. The child processes get no AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: a user on a
// supported Node must not need it. Run `tsc -b` first (the root `test` script does).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTranscribe, startFakeTranscribe } from './support/aws/fake-transcribe.js';
import { awsTestEnv, type LocalS3, startLocalS3 } from './support/aws/local-s3.js';
import { binPath, repoRoot } from './support/cli.js';
import { satisfiesNodeRange } from './support/node-range.js';

const manifests = [
  'package.json',
  'packages/core/package.json',
  'packages/exporters/package.json',
  'packages/cli/package.json',
];
const enginesOf = (path: string): unknown =>
  (JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as { engines?: { node?: unknown } }).engines?.node;

/** What Node and the AWS SDK print for a process warning (`(node:123) Warning: …`, `DeprecationWarning`). */
const warningPattern = /\(node:\d+\) \[?\w*\]? ?\w*Warning|NodeVersionSupportWarning|NodeDeprecationWarning/;

/** Runs the built CLI on the Node running this suite; `env` replaces the environment entirely. */
function runBin(args: readonly string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [binPath, ...args], { env, cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('supported Node versions', () => {
  it('every package.json states the same engines range', () => {
    const ranges = manifests.map(enginesOf);
    expect(typeof ranges[0]).toBe('string');
    expect(ranges).toEqual(manifests.map(() => ranges[0]));
  });

  it('the range matcher reads `^` and `>=` alternatives', () => {
    const range = '^22.18.0 || >=24.2.0';
    const cases = ['20.20.2', '22.17.9', '22.18.0', '22.23.5', '23.11.0', '24.1.0', '24.2.0', '26.0.0'];
    expect(Object.fromEntries(cases.map((v) => [v, satisfiesNodeRange(v, range)]))).toEqual({
      '20.20.2': false,
      '22.17.9': false,
      '22.18.0': true,
      '22.23.5': true,
      '23.11.0': false,
      '24.1.0': false,
      '24.2.0': true,
      '26.0.0': true,
    });
    expect(() => satisfiesNodeRange('24.0.0', '~24.0.0')).toThrow(/Unsupported range `~24.0.0`/);
  });

  it(`the Node running the suite (${process.version}) is in that range`, () => {
    const range = String(enginesOf('package.json'));
    expect({ node: process.version, range, ok: satisfiesNodeRange(process.versions.node, range) }).toEqual({
      node: process.version,
      range,
      ok: true,
    });
  });
});

describe('examples/lambda/template.yaml', () => {
  it('runs on a Lambda nodejs runtime whose Node major the engines range supports', () => {
    const template = readFileSync(join(repoRoot, 'examples/lambda/template.yaml'), 'utf8');
    const runtimes = [...template.matchAll(/^\s+Runtime: (\S+)$/gm)].map((m) => m[1]);
    expect(runtimes.length).toBeGreaterThan(0);
    const range = String(enginesOf('package.json'));
    for (const runtime of runtimes) {
      const major = /^nodejs(\d+)\.x$/.exec(runtime ?? '')?.[1];
      // Lambda runs a current release of its major: a late minor of it must be in range.
      expect({
        runtime,
        supported: major !== undefined && satisfiesNodeRange(`${major}.99.0`, range),
      }).toEqual({
        runtime,
        supported: true,
      });
    }
  });
});

describe('the compile cache (bin.ts)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is written where NODE_COMPILE_CACHE says, is off with NODE_DISABLE_COMPILE_CACHE=1, and changes no output', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'scribekit-compile-cache-'));
    dirs.push(scratch);
    const cache = join(scratch, 'cache');
    const base = { PATH: process.env.PATH ?? '', TMPDIR: scratch, NO_COLOR: '1' };
    const args = ['convert', 'examples/conversation.json', '--to', 'vtt'];
    const on = await runBin(args, { ...base, NODE_COMPILE_CACHE: cache }, repoRoot);
    const again = await runBin(args, { ...base, NODE_COMPILE_CACHE: cache }, repoRoot);
    const off = await runBin(args, { ...base, NODE_DISABLE_COMPILE_CACHE: '1' }, repoRoot);
    expect([on.code, again.code, off.code]).toEqual([0, 0, 0]);
    expect(on.stdout).toMatch(/^WEBVTT\n/);
    expect(again.stdout).toBe(on.stdout);
    expect(off.stdout).toBe(on.stdout);
    expect([on.stderr, again.stderr, off.stderr]).toEqual(['', '', '']);
    // Entries for the lazily loaded modules; none in Node's default place (under TMPDIR) when disabled.
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(10);
    expect(readdirSync(scratch).sort()).toEqual(['cache']);
  });
});

describe('no runtime warnings from real AWS commands (subprocess, real SDK)', () => {
  let transcribe: FakeTranscribe;
  let s3: LocalS3;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    [transcribe, s3] = await Promise.all([startFakeTranscribe(), startLocalS3()]);
    env = awsTestEnv({ transcribe: transcribe.url, s3: s3.url });
    // Nothing that would hide a warning.
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    dir = mkdtempSync(join(tmpdir(), 'scribekit-node-support-'));
    s3.createBucket('node-support');
    await s3.put(
      'node-support',
      'medical/visit.json',
      readFileSync(new URL('fixtures/transcribe/medical-dictation.json', import.meta.url)),
    );
    transcribe.setJob('node-support-visit', {
      steps: ['COMPLETED'],
      transcriptUri: 's3://node-support/medical/visit.json',
      creationTime: 1_772_463_845,
    });
  });

  afterAll(async () => {
    await Promise.all([transcribe?.close(), s3?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the warning check sees a real process warning of this Node (control)', async () => {
    const r = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        ['-e', "process.emitWarning('control', 'DeprecationWarning', 'DEP0000')"],
        { env: { PATH: env.PATH ?? '' }, timeout: 30_000 },
        (_error, _stdout, stderr) => resolve(stderr),
      );
    });
    expect(r).toMatch(warningPattern);
  });

  it('`scribekit jobs` lists the job and prints nothing on stderr', async () => {
    const before = transcribe.requests.length;
    const r = await runBin(['jobs'], env, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('node-support-visit');
    expect(transcribe.requests.length).toBeGreaterThan(before);
    expect(r.stderr).not.toMatch(warningPattern);
    expect(r.stderr).toBe('');
  });

  it('`scribekit fetch` downloads through Transcribe and S3 without a warning', async () => {
    const out = join(dir, 'fetched');
    const r = await runBin(['fetch', 'node-support-visit', '-o', out], env, dir);
    expect(r.code).toBe(0);
    expect(transcribe.requests.map((q) => q.target)).toContain('Transcribe.GetMedicalTranscriptionJob');
    expect(r.stderr).not.toMatch(warningPattern);
  });
});
