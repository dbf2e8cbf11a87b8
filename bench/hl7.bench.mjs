// HL7 benchmark: what the MDM encoder costs to import (in fresh processes, after @scribekit/core, which
// every conversion loads anyway) next to @medplum/core (the HL7 library considered), and the time to
// encode the ~40,000-word bench transcript as a ratio to parsing it.
import { spawnSync } from 'node:child_process';
import { joinTokens, parseTranscript } from '@scribekit/core';
import { buildMdmMessage } from '@scribekit/exporters/hl7';
import { fmt, median, timeInterleaved } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const here = new URL('.', import.meta.url);

/** Milliseconds to import `specifier` in a fresh node process once @scribekit/core is loaded. */
function importMs(specifier) {
  const script = `await import('@scribekit/core'); const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: here,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`importing ${specifier} failed: ${r.stderr}`);
  return Number(r.stdout);
}

function input(lines) {
  return {
    event: 'T02',
    message: {
      sendingApplication: 'SCRIBEKIT',
      dateTime: '2024-05-01T14:35:00Z',
      controlId: 'BENCH1',
      processingId: 'T',
    },
    patient: { identifiers: [{ id: 'bench-1', identifierTypeCode: 'MR' }] },
    visit: { patientClass: 'U' },
    document: { type: 'PR', uniqueDocumentNumber: { id: 'bench-doc' }, completionStatus: 'DO' },
    observations: { valueType: 'TX', identifier: { identifier: 'TRANSCRIPT', codingSystem: 'L' }, lines },
  };
}

export default async function hl7Bench() {
  const specifiers = ['@scribekit/exporters/hl7', '@medplum/core', '@scribekit/exporters'];
  const samples = Object.fromEntries(specifiers.map((s) => [s, []]));
  for (let round = 0; round < 7; round++) for (const s of specifiers) samples[s].push(importMs(s));
  const imports = Object.fromEntries(specifiers.map((s) => [s, median(samples[s])]));

  const text = makeBenchTranscript();
  const t = parseTranscript(text);
  const lines = t.turns.map((turn) => ({
    kind: 'text',
    text: `${turn.speaker ?? 'Speaker'}: ${joinTokens(t.tokens.slice(turn.firstToken, turn.endToken))}`,
  }));
  const tx = input(lines);
  const ft = { ...tx, observations: { ...tx.observations, valueType: 'FT' } };
  const times = timeInterleaved({
    parseTranscript: () => parseTranscript(text),
    'MDM TX': () => buildMdmMessage(tx),
    'MDM FT': () => buildMdmMessage(ft),
  });
  const base = times.parseTranscript;
  const words = t.tokens.filter((k) => k.kind === 'word').length;
  return {
    name: 'hl7',
    lines: [
      ...specifiers.map(
        (s) => `import ${s} (after @scribekit/core): ${fmt(imports[s])} ms (median of 7 processes)`,
      ),
      `bench transcript: ${words} words, ${lines.length} OBX; parseTranscript ${fmt(base)} ms (the baseline)`,
      `MDM TX: ${fmt(times['MDM TX'])} ms = ${fmt(times['MDM TX'] / base, 3)}× parse, ${fmt(Buffer.byteLength(buildMdmMessage(tx)) / 1024, 0)} KiB`,
      `MDM FT: ${fmt(times['MDM FT'])} ms = ${fmt(times['MDM FT'] / base, 3)}× parse`,
    ],
    figures: {
      importHl7VsMedplum: imports['@scribekit/exporters/hl7'] / imports['@medplum/core'],
      mdmTx: times['MDM TX'] / base,
      mdmFt: times['MDM FT'] / base,
    },
  };
}
