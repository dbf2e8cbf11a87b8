// The hand-written batch check (the good-input path, no zod) against the zod schema that explains
// rejections: they must agree on accept/reject for every corpus file and for mutations of real files, and a
// file read without zod's defaults must give the same model as zod's reading of it.
import { readFileSync } from 'node:fs';
import { parseTranscribeBatch, toJsonValue } from '@scribekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readShared, sharedManifest } from '../../../test/support/shared-corpus.js';
import { batchTranscript, isBatchTranscript } from '../src/schema/transcribe-batch.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/transcribe/${name}`, import.meta.url), 'utf8'));

/** Every JSON value of the corpus (real, doc examples, broken ones that still read as JSON). */
const corpus = sharedManifest().flatMap((e) => {
  try {
    return [{ file: e.file, json: toJsonValue(readShared(e.file), e.file) }];
  } catch {
    return [];
  }
});

/** A small batch file holding every part of the shape: alternatives segments, entities, channels, speakers. */
function withEverything(): unknown {
  type Results = Record<string, Record<string, unknown[]> & unknown[]>;
  const alt = fixture('show-alternatives.json') as { results: Results };
  const phi = fixture('medical-conversation-phi.json') as { results: Results };
  const two = fixture('two-channel.json') as { results: Results };
  const channels = two.results.channel_labels!.channels as unknown as { items: unknown[] }[];
  const speakers = phi.results.speaker_labels!;
  return {
    ...phi,
    isRedacted: false,
    results: {
      ...phi.results,
      items: phi.results.items!.slice(0, 3),
      segments: alt.results.segments!.slice(0, 1),
      entities: phi.results.entities!.slice(0, 2),
      channel_labels: {
        ...two.results.channel_labels,
        channels: channels.slice(0, 2).map((c) => ({ ...c, items: c.items.slice(0, 2) })),
      },
      speaker_labels: {
        ...speakers,
        segments: (speakers.segments as { items: unknown[] }[])
          .slice(0, 2)
          .map((seg) => ({ ...seg, items: seg.items.slice(0, 2) })),
      },
    },
  };
}

const sources = [
  withEverything(),
  fixture('two-channel.json'),
  fixture('speaker-label-gaps.json'),
  ...[
    'real/std-old-2018-null-confidence-speakers.json',
    'doc-examples/awsdocs-diarization-output-batch-1.json',
  ].map((f) => toJsonValue(readShared(f), f)),
];

const CONSTANTS: unknown[] = [
  ...[undefined, null, true, 0, -1, 1.5, -0, 315_360_001, Number.MAX_SAFE_INTEGER + 2, Number.NaN],
  ...['', ' 1', '1.5', '0x10', '1e3', 'NaN', 'Infinity', 'pronunciation', 'punctuation', 'spk_0'],
  ...[[], {}, [{}], [1], { transcript: 1 }, [{ transcript: 'x' }]],
];
const replacement = fc.oneof(
  fc.constantFrom(...CONSTANTS),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
);

/** Every path (as key lists) to a value inside a JSON tree. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function mutate(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

describe('fast batch check vs the zod schema', () => {
  it('the corpus and fixtures: both accept the batch files and refuse the rest', () => {
    expect(corpus.length).toBeGreaterThan(25);
    let accepted = 0;
    for (const { file, json } of corpus) {
      const zod = batchTranscript.safeParse(json).success;
      expect({ file, fast: isBatchTranscript(json) }).toEqual({ file, fast: zod });
      if (zod) accepted++;
    }
    expect(accepted).toBeGreaterThan(20);
    for (const source of sources) expect(isBatchTranscript(source)).toBe(true);
  });

  it('every part of a small file replaced by each awkward value, or removed: the same accept/reject', () => {
    const source = sources[0]!;
    let cases = 0;
    for (const path of paths(source)) {
      for (const [value, remove] of [
        ...CONSTANTS.map((v) => [v, false] as const),
        [undefined, true] as const,
      ]) {
        const mutated = mutate(source, path, value, remove);
        const zod = batchTranscript.safeParse(mutated).success;
        expect({ path, value, fast: isBatchTranscript(mutated) }).toEqual({ path, value, fast: zod });
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(2000);
  });

  it('mutated files: the same accept/reject, and the same model with or without zod’s defaults', () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: sources.length - 1 }),
        fc.nat({ max: 1_000_000 }),
        replacement,
        fc.boolean(),
        (s, pick, value, remove) => {
          const source = sources[s]!;
          const all = paths(source);
          const mutated = mutate(source, all[pick % all.length]!, value, remove);
          const zod = batchTranscript.safeParse(mutated);
          expect(isBatchTranscript(mutated)).toBe(zod.success);
          if (!zod.success) {
            rejected++;
            return;
          }
          let direct: unknown;
          let viaZod: unknown;
          try {
            direct = parseTranscribeBatch(mutated);
          } catch (error) {
            direct = (error as Error).message;
          }
          try {
            viaZod = parseTranscribeBatch(zod.data);
          } catch (error) {
            viaZod = (error as Error).message;
          }
          expect(direct).toEqual(viaZod);
        },
      ),
      { numRuns: 4000 },
    );
    expect(rejected).toBeGreaterThan(100);
  });
});
