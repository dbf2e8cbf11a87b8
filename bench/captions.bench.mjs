// Caption benchmark (issue #4): SRT + WebVTT of the ~40,000-word bench transcript, as a ratio to its
// parse time (target: both formats together ≤ 2× parse time), measured interleaved in one run.
import { parseTranscript } from '@scribekit/core';
import { buildCues, captionQuality, toSrt, toVtt } from '@scribekit/exporters';
import { fmt, timeInterleaved } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

export default async function captionsBench() {
  const text = makeBenchTranscript();
  const t = parseTranscript(text);
  const times = timeInterleaved({
    parse: () => parseTranscript(text),
    srt: () => toSrt(t),
    vtt: () => toVtt(t),
    cues: () => buildCues(t),
  });
  const words = t.tokens.filter((k) => k.kind === 'word').length;
  const cues = buildCues(t);
  const q = captionQuality(cues);
  const both = times.srt + times.vtt;
  return {
    name: 'captions',
    lines: [
      `bench transcript: ${words} words → ${cues.length} cues (mean ${fmt(q.meanCps, 1)} cps, ${fmt(q.withinAll * 100, 1)} % within every rule)`,
      `parseTranscript: ${fmt(times.parse)} ms; toSrt: ${fmt(times.srt)} ms; toVtt: ${fmt(times.vtt)} ms (buildCues alone: ${fmt(times.cues)} ms)`,
      `ratio (toSrt + toVtt) / parse: ${fmt(both / times.parse, 2)}× (target ≤ 2×)`,
    ],
    figures: { ratio: both / times.parse },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await captionsBench();
  for (const line of r.lines) console.log(`- ${line}`);
}
