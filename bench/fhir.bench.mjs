// FHIR export benchmark (issue #6): time to write each FHIR output for the ~40,000-word bench transcript,
// as a ratio to parsing the same transcript (interleaved in one run, so machine noise hits all alike).
import { parseTranscript } from '@scribekit/core';
import { toFhirJson, toFhirXml } from '@scribekit/exporters';
import { fmt, timeInterleaved } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const options = { subject: 'Patient/bench-1', date: '2024-05-01T14:35:00Z', ids: 'deterministic' };

export default async function fhirBench() {
  const text = makeBenchTranscript();
  const t = parseTranscript(text);
  const cases = {
    parseTranscript: () => parseTranscript(text),
    'DocumentReference JSON': () => toFhirJson(t, options),
    'DocumentReference JSON + turn JSON': () => toFhirJson(t, { ...options, turns: true }),
    'DocumentReference XML': () => toFhirXml(t, options),
    'document Bundle JSON': () => toFhirJson(t, { ...options, output: 'document-bundle' }),
    'document Bundle XML': () => toFhirXml(t, { ...options, output: 'document-bundle' }),
    'redacted DocumentReference JSON': () => toFhirJson(t, { ...options, redact: true }),
  };
  const times = timeInterleaved(cases);
  const sizes = Object.fromEntries(
    Object.entries(cases)
      .slice(1)
      .map(([name, fn]) => [name, Buffer.byteLength(fn())]),
  );
  const words = t.tokens.filter((k) => k.kind === 'word').length;
  const base = times.parseTranscript;
  return {
    name: 'fhir',
    lines: [
      `bench transcript: ${words} words; parseTranscript ${fmt(base)} ms (the baseline)`,
      ...Object.keys(sizes).map(
        (name) =>
          `${name}: ${fmt(times[name])} ms = ${fmt(times[name] / base, 3)}× parse, ${fmt(sizes[name] / 1024, 0)} KiB`,
      ),
    ],
    figures: Object.fromEntries(Object.keys(sizes).map((name) => [name, times[name] / base])),
  };
}
