// Builds small synthetic transcripts for the caption tests.
import type { DraftEntity, DraftToken, Transcript } from '@scribekit/core';
import { testTranscript } from '../../../test/support/transcript.js';

/** `[text, startMs, endMs, speaker?, channel?]`; texts of `.`, `,`, `?`, `!` become punctuation. */
export type W = readonly [string, number, number, (string | null)?, (string | null)?];

export function transcript(words: readonly W[], entities: DraftEntity[] = []): Transcript {
  const tokens: DraftToken[] = words.map(([text, start, end, speaker = null, channel = null]) => {
    const punct = /^[.,?!;:]$/.test(text);
    return {
      kind: punct ? 'punctuation' : 'word',
      text,
      startMs: punct ? null : start,
      endMs: punct ? null : end,
      confidence: punct ? null : 0.95,
      speaker,
      channel,
    };
  });
  return testTranscript({
    metadata: { status: 'COMPLETED', languageCode: 'en-US' },
    tokens,
    entities,
  });
}

/** Words of a sentence spoken evenly from `start`, `per` ms each (punctuation split off). */
export function say(
  sentence: string,
  start: number,
  per = 300,
  speaker: string | null = null,
  channel: string | null = null,
): W[] {
  const out: W[] = [];
  let t = start;
  for (const raw of sentence.split(' ')) {
    const m = /^(.*?)([.,?!;:]*)$/.exec(raw)!;
    if (m[1]) {
      out.push([m[1], t, t + per - 40, speaker, channel]);
      t += per;
    }
    for (const p of m[2] ?? '') out.push([p, 0, 0, speaker, channel]);
  }
  return out;
}
