// FHIR export speed on the ~40,000-word bench transcript, as ratios to parsing it (one run, same machine).
// Run after `pnpm build`: node --expose-gc bench/fhir.bench.mjs
import { parseTranscript } from '@scribekit/core';
import { toFhirJson, toFhirXml } from '@scribekit/exporters';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const options = { subject: 'Patient/bench-1', date: '2024-05-01T14:35:00Z', ids: 'deterministic' };

function median(fn, runs) {
  const times = [];
  let out;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    out = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], out };
}

export default async function fhirBench(ctx = {}) {
  const runs = ctx.runs ?? 7;
  const json = makeBenchTranscript();
  const parse = median(() => parseTranscript(json), runs);
  const t = parse.out;
  const cases = {
    'DocumentReference JSON': () => toFhirJson(t, options),
    'DocumentReference JSON + turns attachment': () => toFhirJson(t, { ...options, turns: true }),
    'DocumentReference XML': () => toFhirXml(t, options),
    'document Bundle JSON': () => toFhirJson(t, { ...options, output: 'document-bundle' }),
    'document Bundle XML': () => toFhirXml(t, { ...options, output: 'document-bundle' }),
    'redacted DocumentReference JSON': () => toFhirJson(t, { ...options, redact: true }),
  };
  const rows = [{ case: 'parse (baseline)', ms: parse.ms, ratio: 1, bytes: json.length }];
  for (const [name, fn] of Object.entries(cases)) {
    const r = median(fn, runs);
    rows.push({ case: name, ms: r.ms, ratio: r.ms / parse.ms, bytes: Buffer.byteLength(r.out) });
  }
  return { words: t.tokens.filter((k) => k.kind === 'word').length, runs, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await fhirBench();
  console.log(`${r.words} words, median of ${r.runs} runs`);
  console.log('| case | ms | × parse | output bytes |\n|---|---:|---:|---:|');
  for (const row of r.rows)
    console.log(`| ${row.case} | ${row.ms.toFixed(1)} | ${row.ratio.toFixed(2)} | ${row.bytes} |`);
}
