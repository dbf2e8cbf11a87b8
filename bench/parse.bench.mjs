// Parse benchmark (issue #2): parse+validate+normalise time as a ratio to JSON.parse of the same bytes,
// and the heap the model retains, on the ~40,000-word bench transcript.
import { parseTranscript } from '@scribekit/core';
import { fmt, mb, retainedHeap, timeInterleaved } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

export default async function parseBench() {
  const text = makeBenchTranscript();
  const bytes = Buffer.byteLength(text);
  const times = timeInterleaved({
    jsonParse: () => JSON.parse(text),
    parseTranscript: () => parseTranscript(text),
  });
  const { bytes: heap, value: t } = retainedHeap(() => parseTranscript(text));
  const words = t.tokens.filter((k) => k.kind === 'word').length;
  return {
    name: 'parse',
    lines: [
      `bench transcript: ${words} words, ${t.tokens.length} tokens, ${mb(bytes)}, ${fmt(t.durationMs / 3_600_000, 2)} h`,
      `JSON.parse: ${fmt(times.jsonParse)} ms; parseTranscript (JSON.parse + validate + normalise): ${fmt(times.parseTranscript)} ms`,
      `ratio total/JSON.parse: ${fmt(times.parseTranscript / times.jsonParse, 2)}× (target ≤ 2×); on top of JSON.parse: ${fmt(times.parseTranscript / times.jsonParse - 1, 2)}× (target ≤ 1.0×)`,
      `model heap retained: ${mb(heap)} = ${fmt(heap / bytes, 2)}× the file size (target ≤ 10×)`,
    ],
    figures: { ratio: times.parseTranscript / times.jsonParse, heapRatio: heap / bytes },
  };
}
