// DetectPHI chunking and the call pool, in process (no SDK, no HTTP): chunk invariants over varied texts,
// hard cuts inside one long word, bounded concurrency, the first failure stopping the run, the error mapping.
import { buildTranscript, type DraftToken, FetchError, phiTextOf, type Transcript } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { type ComprehendMedicalApi, detectPhiError, utf8Length } from '../src/aws/comprehend.js';
import { detectPhiWithComprehend } from '../src/aws/detect-phi.js';
import {
  chunkDefaults,
  DETECT_PHI_MAX_BYTES,
  planChunks,
  resolveChunkOptions,
} from '../src/aws/phi-chunks.js';

const metadata = {
  source: 'transcribe-batch',
  jobName: null,
  accountId: null,
  status: null,
  languageCode: 'en-US',
  serviceRedacted: null,
} as const;

/** `count` words from `vocabulary` (a fixed LCG), a period every `sentence` words, a new speaker every `turn`. */
function transcript(count: number, vocabulary: readonly string[], sentence = 0, turn = 0): Transcript {
  const tokens: DraftToken[] = [];
  let seed = 7;
  let speaker = 'spk_0';
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    if (turn > 0 && i > 0 && i % turn === 0) speaker = speaker === 'spk_0' ? 'spk_1' : 'spk_0';
    const ms = i * 100;
    tokens.push({
      kind: 'word',
      text: vocabulary[seed % vocabulary.length]!,
      startMs: ms,
      endMs: ms + 80,
      confidence: 0.9,
      speaker,
      channel: null,
    });
    if (sentence > 0 && i % sentence === sentence - 1) {
      tokens.push({
        kind: 'punctuation',
        text: '.',
        startMs: null,
        endMs: null,
        confidence: null,
        speaker,
        channel: null,
      });
    }
  }
  return buildTranscript({ metadata, tokens });
}

const LATIN = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
const MIXED = ['病人', 'café', '😀', 'naïve', '𠮷田', 'ok', '—'];

describe('planChunks', () => {
  const cases = [
    ['short sentences', transcript(20_000, LATIN, 9, 60)],
    ['no punctuation at all', transcript(20_000, LATIN)],
    ['multi-byte and astral text', transcript(20_000, MIXED, 11, 0)],
    ['one long turn of CJK', transcript(20_000, ['病人', '医生', '你好'], 30)],
  ] as const;

  for (const [name, t] of cases) {
    it(`cuts ${name} into chunks under the limit that cover every token`, () => {
      const map = phiTextOf(t);
      const chunks = planChunks(t, map);
      expect(chunks.length).toBeGreaterThan(1);
      const starts = new Set(t.tokens.map((_, i) => map.tokenStart[i]));
      const ends = new Set(t.tokens.map((_, i) => map.tokenEnd[i]));
      let covered = chunks[0]!.start;
      chunks.forEach((c, k) => {
        expect(c.bytes).toBe(utf8Length(c.text));
        expect(c.bytes).toBeLessThanOrEqual(chunkDefaults.maxBytes);
        // Chunks start at a token and end at one: no word is ever cut.
        expect(starts.has(c.start) && ends.has(c.end)).toBe(true);
        // Each starts no later than where the previous one ended (no gap but spaces), and ends after it.
        expect(map.text.slice(covered, c.start).trim()).toBe('');
        if (k > 0) {
          const previous = chunks[k - 1]!;
          expect(c.end).toBeGreaterThan(previous.end);
          // Overlap: about `overlap` characters, never more than twice that.
          const overlap = previous.end - c.start;
          expect(overlap).toBeGreaterThan(0);
          expect(overlap).toBeLessThanOrEqual(2 * chunkDefaults.overlap);
        }
        covered = Math.max(covered, c.end);
      });
      expect(covered).toBe(map.text.length);
    });
  }

  it('cuts where a sentence or turn ends when there is one in reach', () => {
    const t = transcript(20_000, LATIN, 9, 60);
    const map = phiTextOf(t);
    for (const c of planChunks(t, map).slice(0, -1)) {
      expect(c.text.endsWith('.') || map.text[c.end] === '\n').toBe(true);
    }
  });

  it('cuts inside one word longer than a chunk, never between the halves of a surrogate pair', () => {
    const giant = '😀'.repeat(3000); // 12,000 bytes
    const t = transcript(3, [giant]);
    const map = phiTextOf(t);
    const chunks = planChunks(t, map, { maxBytes: 5000, overlap: 100 });
    expect(chunks.length).toBeGreaterThan(7);
    for (const c of chunks) {
      expect(c.bytes).toBeLessThanOrEqual(5000);
      expect(c.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(chunks.at(-1)!.end).toBe(map.text.length);
  });

  it('makes no chunk of a transcript without text', () => {
    const t = transcript(3, ['']);
    expect(planChunks(t, phiTextOf(t))).toEqual([]);
  });

  it('checks its options', () => {
    expect(resolveChunkOptions()).toEqual(chunkDefaults);
    expect(() => resolveChunkOptions({ maxBytes: 20_000 })).toThrow(
      `Expected the DetectPHI chunk size to be an integer from 1000 to ${DETECT_PHI_MAX_BYTES} bytes, got 20000`,
    );
    expect(() => resolveChunkOptions({ maxBytes: 4000, overlap: 300 })).toThrow(
      'Expected the DetectPHI chunk overlap to be an integer from 0 to 250 characters, got 300',
    );
  });
});

describe('detectPhiWithComprehend call pool', () => {
  const t = transcript(20_000, LATIN, 9, 60);

  /** An API answering after `delayMs` with no entities, counting calls in flight. */
  function countingApi(
    fail?: (call: number) => unknown,
  ): ComprehendMedicalApi & { max: number; calls: number } {
    let inFlight = 0;
    const api = {
      max: 0,
      calls: 0,
      async detectPhi(_text: string, options: { signal?: AbortSignal | undefined } = {}) {
        const call = api.calls++;
        inFlight++;
        api.max = Math.max(api.max, inFlight);
        try {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, 5);
            options.signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new Error('aborted'));
            });
          });
          const error = fail?.(call);
          if (error) throw error;
          return { entities: [], modelVersion: 'x', paginationToken: undefined };
        } finally {
          inFlight--;
        }
      },
    };
    return api;
  }

  it('keeps at most `concurrency` calls in flight (default 2)', async () => {
    const two = countingApi();
    const { stats } = await detectPhiWithComprehend(t, two);
    expect(two.calls).toBe(stats.calls);
    expect(two.max).toBe(2);
    const one = countingApi();
    await detectPhiWithComprehend(t, one, { concurrency: 1 });
    expect(one.max).toBe(1);
    const four = countingApi();
    await detectPhiWithComprehend(t, four, { concurrency: 4 });
    expect(four.max).toBe(4);
    await expect(detectPhiWithComprehend(t, countingApi(), { concurrency: 5 })).rejects.toThrow(
      'Expected DetectPHI concurrency to be an integer from 1 to 4, got 5',
    );
  });

  it('stops at the first failure, aborting the calls in flight, and throws that failure', async () => {
    const failure = new FetchError('the first failure');
    const api = countingApi((call) => (call === 1 ? failure : undefined));
    await expect(detectPhiWithComprehend(t, api, { concurrency: 2 })).rejects.toBe(failure);
    // Calls 0 and 1 ran, maybe 2; none after the failure was seen.
    expect(api.calls).toBeLessThanOrEqual(3);
  });
});

describe('detectPhiError', () => {
  const sdkError = (name: string, status: number | undefined, extra: object = {}) =>
    Object.assign(new Error('Value Ada Quennick at text failed'), {
      name,
      ...(status ? { $metadata: { httpStatusCode: status, requestId: 'r-1', attempts: 1 } } : {}),
      ...extra,
    });

  it('names the missing permission and the credential problems as for the other AWS calls', () => {
    expect(detectPhiError(sdkError('AccessDeniedException', 400), 'x').message).toBe(
      'Access denied for DetectPHI on Amazon Comprehend Medical: the caller needs comprehendmedical:DetectPHI',
    );
    expect(detectPhiError(sdkError('UnrecognizedClientException', 400), 'x').message).toMatch(
      /^AWS rejected the credentials \(UnrecognizedClientException\) for DetectPHI/,
    );
  });

  it('says when the region has no Comprehend Medical endpoint', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND comprehendmedical.eu-north-1.amazonaws.com'), {
      code: 'ENOTFOUND',
    });
    expect(detectPhiError(dns, 'x').message).toBe(
      'Amazon Comprehend Medical has no endpoint reachable in region `eu-north-1` (it is offered in a few regions only): pass a --region where it is available',
    );
  });

  it('never passes the service message on, in the message or the cause', () => {
    for (const name of ['InvalidRequestException', 'SomethingNewException', 'InternalServerException']) {
      const error = detectPhiError(sdkError(name, name.startsWith('Internal') ? 500 : 400), 'x');
      const chain = `${error.message}\n${(error.cause as Error).message}`;
      expect(chain).not.toMatch(/Ada|Quennick/);
      expect(chain).toContain(name);
    }
  });
});
