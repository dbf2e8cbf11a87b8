// Property tests: whatever a file is mutated into, the parser either returns a model or throws a TranscriptError.
import { isTranscriptError, parseTranscript } from '@scribekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../test/support/corpus.js';
import { batchItem, isBatchItem, isSpeakerSegment, speakerSegment } from '../src/schema/transcribe-batch.js';

const sources = [
  'real/std-old-2018-null-confidence-speakers.json',
  'real/std-old-channels2-uneven.json',
  'real/std-tiny-pretty-null-confidence.json',
  'real/std-japanese-no-punctuation.json',
  'doc-examples/awsdocs-diarization-output-batch-1.json',
  'doc-examples/awsdocs-channel-id-output-batch-1.json',
].map((f) => JSON.parse(readCorpus(f).toString('utf8')) as unknown);

const anyJson = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom('', ' ', '1.5', '-0', 'NaN', 'Infinity', '1e3', 'spk_0', 'pronunciation', 'punctuation'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Every path (as key lists) to a value inside a JSON tree. */
function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function mutate(root: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

describe('parser robustness', () => {
  it('mutated corpus files: a model or a TranscriptError, nothing else', () => {
    const cases = fc.tuple(fc.integer({ min: 0, max: sources.length - 1 }), fc.nat(), anyJson, fc.boolean());
    fc.assert(
      fc.property(cases, ([s, pick, replacement, remove]) => {
        const source = sources[s]!;
        const all = paths(source);
        const mutated = mutate(source, all[pick % all.length]!, replacement, remove);
        for (const input of [mutated, JSON.stringify(mutated) ?? 'undefined']) {
          try {
            const t = parseTranscript(input);
            expect(
              t.tokens.every((k, i) => k.index === i && Number.isInteger(k.startMs) && k.endMs >= k.startMs),
            ).toBe(true);
          } catch (error) {
            if (!isTranscriptError(error)) throw error;
          }
        }
      }),
      { numRuns: 20000 },
    );
  });

  it('truncated corpus files are always refused with E_JSON', () => {
    const text = readCorpus('real/std-tiny-pretty-null-confidence.json').toString('utf8');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.trimEnd().length - 1 }), (n) => {
        try {
          parseTranscript(text.slice(0, n));
          return false;
        } catch (error) {
          return isTranscriptError(error) && error.code === 'E_JSON';
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the fast item check agrees with the zod item schema', () => {
    const item = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.double(), fc.string()),
        type: fc.constantFrom('pronunciation', 'punctuation', 'speaker-change', 1),
        start_time: fc.oneof(fc.constantFrom('1.5', '', ' ', 'x', '1e2', null), fc.double(), fc.integer()),
        end_time: fc.oneof(fc.constantFrom('2', null), fc.double()),
        speaker_label: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        channel_label: fc.oneof(fc.string(), fc.integer()),
        language_code: fc.oneof(fc.string(), fc.boolean()),
        vocabulary_filter_match: fc.oneof(fc.boolean(), fc.string(), fc.constant(null)),
        alternatives: fc.oneof(
          fc.array(
            fc.record(
              {
                content: fc.oneof(fc.string(), fc.integer()),
                confidence: fc.oneof(fc.constantFrom('0.9', '', 'NaN', null), fc.double()),
                redactions: fc.oneof(
                  fc.array(
                    fc.record(
                      {
                        confidence: fc.oneof(fc.constantFrom('0.9', 'x'), fc.double()),
                        type: fc.oneof(fc.string(), fc.integer()),
                        category: fc.string(),
                      },
                      { requiredKeys: [] },
                    ),
                    { maxLength: 2 },
                  ),
                  fc.string(),
                ),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(item, anyJson), (value) => {
        expect(isBatchItem(value)).toBe(batchItem.safeParse(value).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('the fast speaker-segment check agrees with the zod schema', () => {
    const time = fc.oneof(fc.constantFrom('1.5', '', 'x', null, undefined), fc.double());
    const segment = fc.record(
      {
        start_time: time,
        end_time: time,
        speaker_label: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        items: fc.oneof(
          fc.array(
            fc.record(
              { start_time: time, end_time: time, speaker_label: fc.oneof(fc.string(), fc.integer()) },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(segment, anyJson), (value) => {
        expect(isSpeakerSegment(value)).toBe(speakerSegment.safeParse(value).success);
      }),
      { numRuns: 3000 },
    );
  });
});
