// Bench: analyze() vs parseTranscript() on the ~40,000-word bench transcript, measured in one run.
// The target is analyze ≤ 0.25 × parse. Run after `pnpm build`:
//   node --expose-gc bench/analysis.bench.mjs
// or import it and call the default export (the bench runner's interface).
import { analyze, parseTranscript, redact } from '../packages/core/dist/index.js';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const ROUNDS = 7;
const ANALYZE_PER_ROUND = 3;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (ms) => Number(ms.toFixed(2));

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
  const firstAnalysis = [];
  const redaction = [];
  let words = 0;
  for (let i = 0; i < rounds; i++) {
    const p = time(() => parseTranscript(text));
    parse.push(p.ms);
    // Short calls suffer most from scheduling stalls on a loaded machine: time analyze several times
    // per parsed transcript (nothing is cached between calls) and take the median of all of them.
    for (let k = 0; k < ANALYZE_PER_ROUND; k++) {
      const a = time(() => analyze(p.out));
      analysis.push(a.ms);
      if (k === 0) firstAnalysis.push(a.ms);
      words = a.out.words;
    }
    redaction.push(time(() => redact(p.out)).ms);
  }
  const parseMs = median(parse);
  const analyzeMs = median(analysis);
  const analyzeFirstMs = median(firstAnalysis);
  const result = {
    name: 'core-extras: analyze vs parse',
    words,
    bytes: text.length,
    rounds,
    analyzeCalls: analysis.length,
    parseMs: round(parseMs),
    /** Median of the first analyze after each fresh parse (the conservative figure the target uses). */
    analyzeFirstMs: round(analyzeFirstMs),
    analyzeMs: round(analyzeMs),
    redactMs: round(median(redaction)),
    ratio: Number((analyzeFirstMs / parseMs).toFixed(3)),
    ratioAllCalls: Number((analyzeMs / parseMs).toFixed(3)),
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
