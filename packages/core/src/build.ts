// Builds a canonical Transcript from source-neutral drafts. Every parser (batch, streaming, HealthScribe)
// ends here, so the model's invariants are enforced in one place:
// dense token indexes, integer ms, start ≤ end, non-decreasing word starts, punctuation at the end of its word,
// reader spacing, speakers/channels/turns derived from the tokens, PHI entities linked to tokens.

import { cleanText, TextCleaner } from './clean-text.js';
import { type DraftEntity, type LocateStats, locateEntities } from './locate-entities.js';

export type { DraftEntity } from './locate-entities.js';

import type {
  AlternativeSegment,
  Channel,
  ClinicalInsight,
  ClinicalSummary,
  ServiceRedaction,
  Speaker,
  Token,
  TokenAlternative,
  TokenKind,
  Transcript,
  TranscriptMetadata,
  Turn,
} from './model.js';
import { needsSpaceBefore } from './text.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface DraftToken {
  kind: TokenKind;
  text: string;
  /** Milliseconds, or null when the source gave no time (punctuation). */
  startMs: number | null;
  endMs: number | null;
  confidence: number | null;
  speaker: string | null;
  channel: string | null;
  language?: string | undefined;
  alternatives?: TokenAlternative[] | undefined;
  serviceRedaction?: ServiceRedaction | undefined;
  vocabularyFilterMatch?: boolean | undefined;
  /** The times were estimated by the parser (e.g. spread across a segment), not given by the source. */
  timesEstimated?: boolean | undefined;
  /** Source segment (HealthScribe SegmentId) the token belongs to; starts a new turn when it changes. */
  segmentId?: string | undefined;
  section?: string | undefined;
}

export interface DraftSpeaker {
  id: string;
  label?: string;
  role?: string;
}

export interface BuildInput {
  metadata: TranscriptMetadata;
  tokens: DraftToken[];
  entities?: DraftEntity[];
  alternatives?: AlternativeSegment[];
  summary?: ClinicalSummary;
  insights?: ClinicalInsight[];
  /** End of the audio the source says it covered (ms); the duration is at least this. */
  audioEndMs?: number;
  /** Labels and roles for speakers (by id); speakers are still listed only when used. */
  speakers?: DraftSpeaker[];
  warnings?: string[];
}

/** Compares labels such as `spk_2` and `spk_10` by their number, then as text. */
export function compareLabels(a: string, b: string): number {
  const na = /(\d+)$/.exec(a);
  const nb = /(\d+)$/.exec(b);
  const pa = na ? a.slice(0, na.index) : a;
  const pb = nb ? b.slice(0, nb.index) : b;
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (na && nb) return Number(na[1]) - Number(nb[1]);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildTranscript(input: BuildInput): Transcript {
  const warnings = input.warnings ?? [];
  const drafts = input.tokens;
  const tokens: Token[] = new Array(drafts.length);
  let prevStart = 0;
  let prevEnd = 0;
  let prevText: string | null = null;
  let prevKind: TokenKind | undefined;
  let clampedStarts = 0;
  let swappedEnds = 0;
  let untimedWords = 0;
  let durationMs = 0;
  const speakerIds = new Set<string>();
  const channelIds = new Set<string>();
  // Every text the outputs carry is made safe once, here (control and bidi characters, breaks in words).
  const cleaner = new TextCleaner();

  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const timed = d.startMs !== null && d.endMs !== null;
    let start: number;
    let end: number;
    if (timed && d.kind === 'word') {
      start = d.startMs!;
      end = d.endMs!;
      if (end < start) {
        end = start;
        swappedEnds++;
      }
      if (start < prevStart) {
        start = prevStart;
        if (end < start) end = start;
        clampedStarts++;
      }
    } else {
      // Punctuation (and untimed words) sit at the end of what came before.
      if (d.kind === 'word') untimedWords++;
      start = prevEnd;
      end = start;
    }
    if (timed && end > durationMs) durationMs = end;
    const text = cleaner.clean(d.text);
    const token: Mutable<Token> = {
      index: i,
      kind: d.kind,
      text,
      startMs: start,
      endMs: end,
      timed: timed && d.kind === 'word' && d.timesEstimated !== true,
      confidence: d.confidence,
      speaker: d.speaker,
      channel: d.channel,
      spaceBefore: needsSpaceBefore(prevText, d.kind, text, prevKind),
    };
    // Optional fields are set only when present, so tokens stay small and JSON stays clean.
    if (d.language) token.language = d.language;
    if (d.alternatives && d.alternatives.length > 0)
      token.alternatives = d.alternatives.map((a) => ({ ...a, text: cleaner.clean(a.text) }));
    if (d.serviceRedaction) token.serviceRedaction = d.serviceRedaction;
    if (d.vocabularyFilterMatch) token.vocabularyFilterMatch = true;
    tokens[i] = token;
    if (d.speaker !== null) speakerIds.add(d.speaker);
    if (d.channel !== null) channelIds.add(d.channel);
    if (d.kind === 'word') {
      prevStart = start;
      prevEnd = end;
    }
    if (text !== '') {
      prevText = text;
      prevKind = d.kind;
    }
  }

  if (swappedEnds > 0)
    warnings.push(`${swappedEnds} word(s) ended before they started; their end was set to their start`);
  if (clampedStarts > 0)
    warnings.push(
      `${clampedStarts} word(s) started before the word before them; their start was moved forward`,
    );
  if (untimedWords > 0)
    warnings.push(`${untimedWords} word(s) had no times; times were taken from the word before`);
  warnings.push(...cleaner.warnings('token(s)'));

  if (input.audioEndMs !== undefined && input.audioEndMs > durationMs) durationMs = input.audioEndMs;

  const labels = new Map((input.speakers ?? []).map((s) => [s.id, s]));
  const speakers: Speaker[] = [...speakerIds].sort(compareLabels).map((id) => {
    const known = labels.get(id);
    const label = known?.label === undefined ? id : cleanText(known.label).text;
    return { id, label, ...(known?.role ? { role: known.role } : {}) };
  });
  const channels: Channel[] = [...channelIds].sort(compareLabels).map((id) => ({ id, label: id }));

  const located: LocateStats = { byText: 0, byNearTime: 0, missing: 0 };
  const entities = locateEntities(input.entities ?? [], tokens, located);
  if (located.byText > 0)
    warnings.push(
      `${located.byText} PHI entit(ies) were matched to their words by text: their times were off`,
    );
  if (located.byNearTime > 0)
    warnings.push(`${located.byNearTime} PHI entit(ies) were matched to the words nearest their times`);
  if (located.missing > 0)
    warnings.push(
      `${located.missing} PHI entit(ies) match no word of the transcript; redaction will refuse them`,
    );
  const jobName = input.metadata.jobName === null ? null : cleanText(input.metadata.jobName).text;

  return {
    type: 'transcript',
    metadata: jobName === input.metadata.jobName ? input.metadata : { ...input.metadata, jobName },
    tokens,
    speakers,
    channels,
    turns: buildTurns(tokens, drafts),
    entities,
    alternatives: input.alternatives ?? [],
    durationMs,
    ...(input.summary ? { summary: cleanSummary(input.summary) } : {}),
    ...(input.insights ? { insights: input.insights } : {}),
    warnings,
  };
}

function buildTurns(tokens: readonly Token[], drafts: readonly DraftToken[]): Turn[] {
  const turns: Turn[] = [];
  let first = 0;
  const close = (endToken: number) => {
    const head = tokens[first]!;
    const draft = drafts[first]!;
    let endMs = head.endMs;
    for (let k = first; k < endToken; k++) if (tokens[k]!.endMs > endMs) endMs = tokens[k]!.endMs;
    turns.push({
      id: draft.segmentId ?? `turn-${turns.length}`,
      speaker: head.speaker,
      channel: head.channel,
      startMs: head.startMs,
      endMs,
      firstToken: first,
      endToken,
      ...(draft.section ? { section: draft.section } : {}),
    });
    first = endToken;
  };
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const p = tokens[i - 1]!;
    const d = drafts[i]!;
    const segmentChange = d.segmentId !== undefined && d.segmentId !== drafts[i - 1]!.segmentId;
    // Punctuation never opens a turn: it belongs to the words before it.
    if (segmentChange || (t.kind === 'word' && (t.speaker !== p.speaker || t.channel !== p.channel)))
      close(i);
  }
  if (tokens.length > 0) close(tokens.length);
  return turns;
}

/** Summary bullets keep their line breaks (they are shown as written) but lose control characters. */
function cleanSummary(summary: ClinicalSummary): ClinicalSummary {
  return {
    sections: summary.sections.map((s) => ({
      ...s,
      bullets: s.bullets.map((b) => {
        const text = cleanText(b.text, false).text;
        return text === b.text ? b : { ...b, text };
      }),
    })),
  };
}
