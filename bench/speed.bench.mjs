// Speed benchmark (issue 17): whole processes, interleaved (every case once per round, medians of the
// rounds), ratios within one run. Startup of scribekit commands against a bare `node -e 0`; 12,346 words →
// VTT against aws-transcription-to-vtt@2.0.0 and a bare JSON.parse process of the same file; 12,346 words →
// DOCX and 43,211 words → every format (with peak RSS) against the bare JSON.parse process.
// SPEED_BEFORE=<dir> adds the same scribekit cases run from another build (a copy of the repo with
// packages/*/dist built at an older commit) to compare before/after in the same run. SPEED_ROUNDS (7).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const root = here('..');
const tiny = join(root, '../shared/corpus/real/std-tiny-pretty-null-confidence.json');
const rss = here('speed/max-rss.cjs');

function run(args, cwd = root) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', rss, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} → exit ${r.status}: ${r.stderr.slice(0, 400)}`);
  return { ms, rssKiB: Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]) };
}

export default async function speedBench() {
  if (!existsSync(tiny)) return { name: 'speed', lines: ['corpus missing: skipped'] };
  const dir = mkdtempSync(join(tmpdir(), 'scribekit-speed-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const w12 = join(dir, 'w12346.json');
  const w43 = join(dir, 'w43211.json');
  writeFileSync(w12, makeBenchTranscript(12_346));
  writeFileSync(w43, makeBenchTranscript(43_211));
  const out = join(dir, 'out');

  const scribekit = (rootDir) => {
    const bin = join(rootDir, 'packages/cli/bin/scribekit.js');
    return {
      help: [bin, '--help'],
      'tiny → vtt': [bin, 'convert', tiny, '--to', 'vtt'],
      'validate tiny': [bin, 'validate', tiny],
      '12k → vtt': [bin, 'convert', w12, '--to', 'vtt'],
      '12k → docx': [bin, 'convert', w12, '--to', 'docx', '-o', out, '--force'],
      '43k → all': [bin, 'convert', w43, '--to', 'all', '--subject', 'Patient/bench', '-o', out, '--force'],
    };
  };
  const cases = {
    'node -e 0': ['-e', '0'],
    'JSON.parse 12k': [here('speed/bare-parse.mjs'), w12],
    'JSON.parse 43k': [here('speed/bare-parse.mjs'), w43],
    'aws-transcription-to-vtt 12k': [here('speed/reference-vtt.mjs'), w12],
    ...scribekit(root),
  };
  const before = process.env.SPEED_BEFORE;
  if (before) for (const [k, v] of Object.entries(scribekit(before))) cases[`before ${k}`] = v;

  const rounds = Number(process.env.SPEED_ROUNDS ?? 7);
  const ms = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const kib = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const args of Object.values(cases)) run(args); // warm-up (and V8's compile cache)
  for (let r = 0; r < rounds; r++) {
    for (const [k, args] of Object.entries(cases)) {
      const m = run(args);
      ms[k].push(m.ms);
      kib[k].push(m.rssKiB);
    }
  }
  const med = (k) => median(ms[k]);
  const spread = (k) => `${fmt(Math.min(...ms[k]), 0)}–${fmt(Math.max(...ms[k]), 0)}`;
  const ratio = (a, b) => med(a) / med(b);
  const line = (k, base) => {
    const cell = (key) => `${fmt(ratio(key, base), 2)}× (${fmt(med(key), 0)} ms, ${spread(key)})`;
    const old = before ? `; before ${cell(`before ${k}`)}` : '';
    return `${k} vs ${base}: ${cell(k)}${old}`;
  };
  const rssLine = (k, base) => {
    const r = (key) => median(kib[key]) / median(kib[base]);
    const mbOf = (key) => `${fmt(median(kib[key]) / 1024, 0)} MB`;
    const old = before ? `; before ${fmt(r(`before ${k}`), 2)}× (${mbOf(`before ${k}`)})` : '';
    return `peak RSS ${k} vs ${base}: ${fmt(r(k), 2)}× (${mbOf(k)} vs ${mbOf(base)})${old}`;
  };
  return {
    name: 'speed',
    lines: [
      `${rounds} rounds, medians (min–max); node -e 0 ${fmt(med('node -e 0'), 0)} ms`,
      line('help', 'node -e 0'),
      line('tiny → vtt', 'node -e 0'),
      line('validate tiny', 'node -e 0'),
      line('12k → vtt', 'aws-transcription-to-vtt 12k'),
      line('12k → vtt', 'JSON.parse 12k'),
      `aws-transcription-to-vtt 12k vs JSON.parse 12k: ${fmt(ratio('aws-transcription-to-vtt 12k', 'JSON.parse 12k'), 2)}×`,
      line('12k → docx', 'JSON.parse 12k'),
      line('43k → all', 'JSON.parse 43k'),
      rssLine('43k → all', 'JSON.parse 43k'),
    ],
  };
}
