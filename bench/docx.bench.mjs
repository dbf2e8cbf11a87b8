// DOCX benchmark (issue #5): toDocx time on the ~40,000-word bench transcript, as a ratio to parse time
// (interleaved in one run), and its memory: child processes run toDocx under old-space limits of 64, 128, 256
// and 500 MB (--max-old-space-size; a run that needs more dies), the smallest that completes bounds the peak
// heap, and the child reports its peak RSS.
// Run: pnpm build && node --expose-gc bench/run.mjs docx   (or: node --expose-gc bench/docx.bench.mjs)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseTranscript } from '@scribekit/core';
import { toDocx } from '@scribekit/exporters';
import { fmt, timeInterleavedAsync } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const date = new Date('2026-01-01T00:00:00Z');

/** Child-process entry: one toDocx (the heap limit is set by the parent); prints JSON with its memory figures. */
async function measureMemory() {
  const t = parseTranscript(makeBenchTranscript());
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  const bytes = await toDocx(t, { date });
  const v8 = (await import('node:v8')).getHeapStatistics();
  process.stdout.write(
    JSON.stringify({
      bytes: bytes.length,
      heapBeforeMB: base / 1048576,
      heapTotalMB: v8.total_heap_size / 1048576,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** Runs the memory child under increasing heap limits; returns the first limit that completes and its figures. */
function memoryUnderLimits(limits) {
  for (const limit of limits) {
    try {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', `--max-old-space-size=${limit}`, fileURLToPath(import.meta.url), '--memory'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      return { limit, ...JSON.parse(out) };
    } catch {
      // Out of memory under this limit: try the next one.
    }
  }
  return { limit: null };
}
export default async function docxBench() {
  const text = makeBenchTranscript();
  const t = parseTranscript(text);
  const words = t.tokens.filter((k) => k.kind === 'word').length;
  const times = await timeInterleavedAsync(
    {
      parse: async () => parseTranscript(text),
      docx: () => toDocx(t, { date }),
      'docx+redact': () => toDocx(t, { date, redact: true }),
    },
    5,
    1,
  );
  // Growth: a quarter of the words should take about a quarter of the time (linear, not quadratic).
  const quarter = parseTranscript(makeBenchTranscript(10_000));
  const growth = await timeInterleavedAsync(
    { quarter: () => toDocx(quarter, { date }), full: () => toDocx(t, { date }) },
    5,
    1,
  );
  const mem = memoryUnderLimits([64, 128, 256, 500]);
  if (mem.limit === null) throw new Error('toDocx did not complete within a 500 MB heap');
  return {
    name: 'docx',
    lines: [
      `bench transcript: ${words} words, ${t.turns.length} turns, ${fmt(t.durationMs / 3_600_000, 2)} h; DOCX ${fmt(mem.bytes / 1024, 0)} KB`,
      `parseTranscript: ${fmt(times.parse)} ms; toDocx: ${fmt(times.docx)} ms (target ≤ 1500 ms); with redaction: ${fmt(times['docx+redact'])} ms`,
      `ratio toDocx/parse: ${fmt(times.docx / times.parse, 2)}×`,
      `growth: 10,000 words ${fmt(growth.quarter)} ms, 40,000 words ${fmt(growth.full)} ms: ${fmt(growth.full / growth.quarter, 2)}× for 4× the words (linear ≈ 4×, quadratic ≈ 16×)`,
      `memory: completes with --max-old-space-size=${mem.limit} (smallest of 64/128/256/500 MB; target heap ≤ 500 MB); heap before toDocx (transcript loaded) ${fmt(mem.heapBeforeMB)} MB, V8 heap total after ${fmt(mem.heapTotalMB)} MB, peak RSS ${fmt(mem.maxRssMB)} MB`,
    ],
    figures: {
      ms: times.docx,
      ratio: times.docx / times.parse,
      heapLimitMB: mem.limit,
      maxRssMB: mem.maxRssMB,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--memory')) await measureMemory();
  else {
    const r = await docxBench();
    for (const line of r.lines) process.stdout.write(`- ${line}\n`);
  }
}
