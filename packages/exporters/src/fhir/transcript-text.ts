// The transcript as speaker-turn lines (`Name: text`) and as scribekit's speaker-turn JSON.
// Every token appears exactly once, in order.
import { joinTokens, type Transcript } from '@scribekit/core';
import { displayName } from '../common.js';
import type { CommonOptions } from '../types.js';

export interface TurnLine {
  readonly id: string;
  /** Speaker (or channel) display name; null without diarization. */
  readonly name: string | null;
  readonly speaker: string | null;
  readonly channel: string | null;
  readonly role: string | null;
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
  readonly section: string | null;
  /** Mean word confidence of the turn (4 decimals), or null when no word has one. */
  readonly confidence: number | null;
}

export function turnLines(t: Transcript, options: CommonOptions | undefined): TurnLine[] {
  const lines: TurnLine[] = [];
  for (const turn of t.turns) {
    const tokens = t.tokens.slice(turn.firstToken, turn.endToken);
    const text = joinTokens(tokens);
    if (text === '') continue;
    let sum = 0;
    let n = 0;
    for (const tok of tokens) {
      if (tok.kind === 'word' && tok.confidence !== null) {
        sum += tok.confidence;
        n++;
      }
    }
    const who = turn.speaker ?? turn.channel;
    lines.push({
      id: turn.id,
      name: displayName(t, who, options),
      speaker: turn.speaker,
      channel: turn.channel,
      role: t.speakers.find((s) => s.id === turn.speaker)?.role ?? null,
      startMs: turn.startMs,
      endMs: turn.endMs,
      text,
      section: turn.section ?? null,
      confidence: n === 0 ? null : Math.round((sum / n) * 10_000) / 10_000,
    });
  }
  return lines;
}

/** Plain text: one line per turn, `Name: text` when the turn has a speaker or channel. */
export function plainText(lines: readonly TurnLine[]): string {
  return lines.map((l) => (l.name === null ? l.text : `${l.name}: ${l.text}`)).join('\n');
}

/** scribekit's speaker-turn JSON (not a FHIR structure; carried as an `application/json` attachment). */
export function turnsJson(
  t: Transcript,
  lines: readonly TurnLine[],
  options: CommonOptions | undefined,
): string {
  const doc = {
    schema: 'urn:scribekit:transcript-turns:v1',
    source: t.metadata.source,
    languageCode: t.metadata.languageCode,
    redacted: t.redaction !== undefined || t.metadata.serviceRedacted === true,
    speakers: [
      ...t.speakers.map((s) => ({
        id: s.id,
        name: displayName(t, s.id, options),
        ...(s.role ? { role: s.role } : {}),
      })),
      ...t.channels.map((c) => ({ id: c.id, name: displayName(t, c.id, options) })),
    ],
    turns: lines.map((l) => ({
      id: l.id,
      speaker: l.speaker ?? l.channel,
      ...(l.role ? { role: l.role } : {}),
      startMs: l.startMs,
      endMs: l.endMs,
      text: l.text,
      confidence: l.confidence,
      ...(l.section ? { section: l.section } : {}),
    })),
  };
  return JSON.stringify(doc);
}
