// Bench: analyze() vs parseTranscript() on the ~40,000-word bench transcript, measured in one run.
// The target is analyze ≤ 0.25 × parse. Run after `pnpm build`:
//   node --expose-gc bench/analysis.bench.mjs
// or import it and call the default export (the bench runner's interface).
import { analyze, parseTranscript, redact } from '../packages/core/dist/index.js';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const ROUNDS = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  const out = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}

/** Measures parse, analyze and redact in interleaved rounds; returns medians and the ratio. */
export default async function analysisBench(ctx = {}) {
  const text = makeBenchTranscript(ctx.words ?? 40_000);
  const rounds = ctx.rounds ?? ROUNDS;
  // Warm-up: let the JIT settle on every path once.
  const warm = parseTranscript(text);
  analyze(warm);
  redact(warm);
  const parse = [];
  const analysis = [];
  const redaction = [];
  let words = 0;
  for (let i = 0; i < rounds; i++) {
    const p = time(() => parseTranscript(text));
    parse.push(p.ms);
    const a = time(() => analyze(p.out));
    analysis.push(a.ms);
    words = a.out.words;
    redaction.push(time(() => redact(p.out)).ms);
  }
  const parseMs = median(parse);
  const analyzeMs = median(analysis);
  const result = {
    name: 'core-extras: analyze vs parse',
    words,
    bytes: text.length,
    rounds,
    parseMs: Number(parseMs.toFixed(2)),
    analyzeMs: Number(analyzeMs.toFixed(2)),
    redactMs: Number(median(redaction).toFixed(2)),
    ratio: Number((analyzeMs / parseMs).toFixed(3)),
    target: 0.25,
  };
  result.pass = result.ratio <= result.target;
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await analysisBench();
  console.log(JSON.stringify(r, null, 2));
  if (!r.pass) process.exitCode = 1;
}
