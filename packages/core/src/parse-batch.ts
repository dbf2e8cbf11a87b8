// Transcribe / Transcribe Medical batch JSON → canonical Transcript.

import type { z } from 'zod';
import { type BuildInput, buildTranscript, type DraftEntity, type DraftToken } from './build.js';
import { messageValue } from './clean-text.js';
import { JobStatusError, TranscriptParseError } from './errors.js';
import type { AlternativeSegment, ServiceRedaction, Transcript, TranscriptMetadata } from './model.js';
import {
  batchItem,
  batchTranscriptShell,
  isBatchItem,
  isBatchTranscript,
  isSpeakerSegment,
  type RawBatchItem,
  type RawBatchTranscript,
  speakerSegment,
} from './schema/transcribe-batch.js';
import { secondsToMs } from './time.js';
import { fromZodIssues, REPORT_INPUT } from './zod-issues.js';

export interface BatchParseOptions {
  /** File name or URI for error messages. */
  readonly file?: string | undefined;
  /** Job description fields (from GetMedicalTranscriptionJob) to merge into the metadata. */
  readonly job?: Partial<TranscriptMetadata> | undefined;
}

const ms = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : secondsToMs(v);
const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/** Validates a parsed batch transcript object and normalises it. */
export function parseTranscribeBatch(json: unknown, options: BatchParseOptions = {}): Transcript {
  // Good files pass the hand-written check; zod runs only on the others, to say what is wrong.
  const raw = isBatchTranscript(json) ? (json as RawBatchTranscript) : explainRejection(json, options);
  const results = raw.results;
  const status = raw.status ?? null;
  if (status !== null && status !== 'COMPLETED') {
    throw new JobStatusError(
      status,
      `The transcript's job status is \`${messageValue(status, 40)}\`, not \`COMPLETED\``,
      {
        file: options.file,
      },
    );
  }
  const warnings: string[] = [];
  const channelDrafts = fromChannels(raw, warnings);
  const tokens = channelDrafts ?? results.items.map((item) => toDraft(item, item.channel_label ?? null));
  if (!channelDrafts) assignSpeakers(tokens, results.items, raw, warnings);

  const itemLanguage = results.items.find((i) => i.language_code)?.language_code ?? null;
  const metadata: TranscriptMetadata = {
    source: 'transcribe-batch',
    jobName: raw.jobName ?? null,
    accountId: raw.accountId ?? null,
    status,
    languageCode: results.language_code ?? itemLanguage ?? inferLanguage(tokens),
    serviceRedacted: raw.isRedacted ?? null,
    // An `entities` list (even an empty one) means the job looked for PHI.
    ...(Array.isArray(results.entities) ? { phiIdentified: true } : {}),
    ...(results.speaker_labels?.speakers != null
      ? { speakersDeclared: results.speaker_labels.speakers }
      : {}),
    ...options.job,
  };
  const input: BuildInput = {
    metadata,
    tokens,
    entities: (results.entities ?? []).map(toDraftEntity),
    alternatives: (results.segments ?? []).map(toAlternativeSegment),
    warnings,
  };
  return buildTranscript(input);
}

/**
 * The zod check of a file the fast check refused: throws the TranscriptParseError naming the first bad
 * part (shell, then items, channel items, speaker segments). Returns zod's reading if zod accepts it.
 */
function explainRejection(json: unknown, options: BatchParseOptions): RawBatchTranscript {
  const checked = batchTranscriptShell.safeParse(json, REPORT_INPUT);
  if (!checked.success) {
    throw new TranscriptParseError('Transcribe transcript', fromZodIssues(checked.error.issues), {
      file: options.file,
    });
  }
  const shell = checked.data.results;
  const check = (
    list: readonly unknown[] | undefined,
    path: string,
    fast: (v: unknown) => boolean,
    schema: z.ZodType,
  ) => {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      if (fast(list[i])) continue;
      const issues = schema.safeParse(list[i], REPORT_INPUT).error?.issues ?? [];
      throw new TranscriptParseError('Transcribe transcript', fromZodIssues(issues, `${path}[${i}]`), {
        file: options.file,
      });
    }
  };
  check(shell.items, 'results.items', isBatchItem, batchItem);
  for (const [n, c] of (shell.channel_labels?.channels ?? []).entries()) {
    check(c.items, `results.channel_labels.channels[${n}].items`, isBatchItem, batchItem);
  }
  check(shell.speaker_labels?.segments, 'results.speaker_labels.segments', isSpeakerSegment, speakerSegment);
  return checked.data as RawBatchTranscript;
}

function toDraft(item: RawBatchItem, channel: string | null): DraftToken {
  const alt = item.alternatives[0]!;
  const word = item.type === 'pronunciation';
  const redaction = serviceRedactionOf(alt);
  let confidence = num(alt.confidence);
  if (!word && confidence === 0) confidence = null; // punctuation's "0.0" means "no score"
  if (confidence === null && redaction?.confidence != null) confidence = redaction.confidence;
  const draft: DraftToken = {
    kind: word ? 'word' : 'punctuation',
    text: alt.content,
    startMs: word ? ms(item.start_time) : null,
    endMs: word ? ms(item.end_time) : null,
    confidence,
    speaker: item.speaker_label ?? null,
    channel,
  };
  if (item.language_code) draft.language = item.language_code;
  if (redaction) draft.serviceRedaction = redaction;
  if (item.vocabulary_filter_match) draft.vocabularyFilterMatch = true;
  if (item.alternatives.length > 1) {
    draft.alternatives = item.alternatives.map((a) => ({ text: a.content, confidence: num(a.confidence) }));
  }
  return draft;
}

function serviceRedactionOf(alt: RawBatchItem['alternatives'][number]): ServiceRedaction | undefined {
  const first = alt.redactions?.[0];
  if (first || alt.content === '[PII]') {
    return { kind: 'pii', type: first?.type ?? null, confidence: num(first?.confidence) };
  }
  if (/^\*{3,}$/.test(alt.content)) return { kind: 'vocabulary-mask', type: null, confidence: null };
  return undefined;
}

/**
 * Channel files: every item is copied into `channel_labels.channels[].items`, which is the only place old
 * files say which channel an item is on. Each channel's items are merged by time into one reading order
 * (top-level items may be grouped per channel rather than sorted).
 */
function fromChannels(raw: RawBatchTranscript, warnings: string[]): DraftToken[] | null {
  const channels = raw.results.channel_labels?.channels ?? [];
  if (channels.length === 0) return null;
  const total = channels.reduce((n, c) => n + (c.items?.length ?? 0), 0);
  if (total !== raw.results.items.length) {
    warnings.push(
      `channel_labels holds ${total} items but results.items holds ${raw.results.items.length}; results.items was used`,
    );
    return null;
  }
  const streams = channels.map((c) =>
    groupUnits((c.items ?? []).map((item) => toDraft(item, item.channel_label ?? c.channel_label))),
  );
  const merged = mergeByTime(streams);
  // Speakers on channel files: labels on items were copied by toDraft; otherwise join by time.
  if (raw.results.speaker_labels && !channels.some((c) => c.items?.some((i) => i.speaker_label))) {
    assignSpeakersByTime(merged, raw, warnings);
  }
  return merged;
}

/** Groups a word with the punctuation that follows it, so sorting never detaches punctuation. */
function groupUnits(drafts: DraftToken[]): DraftToken[][] {
  const units: DraftToken[][] = [];
  for (const d of drafts) {
    const last = units[units.length - 1];
    if (last && d.kind === 'punctuation') last.push(d);
    else units.push([d]);
  }
  return units;
}

/** Stable k-way merge of per-channel unit streams by start time (ties: lower channel first). */
function mergeByTime(streams: DraftToken[][][]): DraftToken[] {
  const out: DraftToken[] = [];
  const pos = streams.map(() => 0);
  const last = streams.map(() => 0);
  for (;;) {
    let best = -1;
    let bestStart = Number.POSITIVE_INFINITY;
    for (let s = 0; s < streams.length; s++) {
      const unit = streams[s]![pos[s]!];
      if (!unit) continue;
      const start = unit[0]!.startMs ?? last[s]!;
      if (start < bestStart) {
        best = s;
        bestStart = start;
      }
    }
    if (best < 0) return out;
    const unit = streams[best]![pos[best]!]!;
    pos[best]!++;
    last[best] = unit[0]!.endMs ?? last[best]!;
    for (const d of unit) out.push(d);
  }
}

/**
 * Speakers for items that do not carry `speaker_label` (older files): join to
 * `speaker_labels.segments[].items` by start time, else by the segment whose span holds the word.
 * Punctuation takes the speaker of the word before it.
 */
function assignSpeakers(
  tokens: DraftToken[],
  items: readonly RawBatchItem[],
  raw: RawBatchTranscript,
  warnings: string[],
) {
  if (!raw.results.speaker_labels) return;
  if (items.some((i) => i.speaker_label)) {
    let prev: string | null = null;
    for (const t of tokens) {
      if (t.speaker === null) t.speaker = prev;
      prev = t.speaker;
    }
    return;
  }
  assignSpeakersByTime(tokens, raw, warnings);
}

function assignSpeakersByTime(tokens: DraftToken[], raw: RawBatchTranscript, warnings: string[]) {
  const segments = raw.results.speaker_labels?.segments ?? [];
  const byStart = new Map<number, string>();
  const spans: { start: number; end: number; speaker: string }[] = [];
  for (const seg of segments) {
    for (const it of seg.items ?? []) {
      const start = secondsToMs(it.start_time);
      if (!byStart.has(start)) byStart.set(start, it.speaker_label);
    }
    const speaker = seg.speaker_label ?? seg.items?.[0]?.speaker_label;
    if (speaker && seg.start_time != null && seg.end_time != null) {
      spans.push({ start: secondsToMs(seg.start_time), end: secondsToMs(seg.end_time), speaker });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let prev: string | null = null;
  let unmatched = 0;
  let span = 0;
  for (const t of tokens) {
    if (t.kind === 'word' && t.startMs !== null) {
      let speaker = byStart.get(t.startMs) ?? null;
      if (speaker === null) {
        while (span < spans.length && spans[span]!.end < t.startMs) span++;
        const s = spans[span];
        speaker = s && s.start <= t.startMs ? s.speaker : prev;
        unmatched++;
      }
      t.speaker = speaker;
    } else {
      t.speaker = prev;
    }
    prev = t.speaker;
  }
  if (unmatched > 0)
    warnings.push(`${unmatched} word(s) had no speaker segment item; the surrounding segment was used`);
}

function toDraftEntity(e: RawBatchTranscriptEntity): DraftEntity {
  const start = e.start_time ?? e.startTime ?? e.StartTime ?? 0;
  const end = e.end_time ?? e.endTime ?? e.EndTime ?? start;
  return {
    category: e.category ?? e.Category ?? 'PHI',
    type: e.type ?? e.Type ?? null,
    text: e.content ?? e.Content ?? '',
    startMs: secondsToMs(start),
    endMs: secondsToMs(end),
    confidence: num(e.confidence ?? e.Confidence),
  };
}
type RawBatchTranscriptEntity = NonNullable<RawBatchTranscript['results']['entities']>[number];

function toAlternativeSegment(
  seg: NonNullable<RawBatchTranscript['results']['segments']>[number],
): AlternativeSegment {
  return {
    startMs: secondsToMs(seg.start_time),
    endMs: secondsToMs(seg.end_time),
    alternatives: seg.alternatives.map((alt) => ({
      text: alt.transcript ?? '',
      tokens: (alt.items ?? []).map((it) => ({
        kind: it.type === 'pronunciation' ? 'word' : 'punctuation',
        text: it.content,
        startMs: ms(it.start_time),
        endMs: ms(it.end_time),
        confidence: it.type === 'pronunciation' ? num(it.confidence) : null,
      })),
    })),
  };
}

/** Language from the script of the words, when the file does not say: Hangul, kana, Han, else en-US. */
export function inferLanguage(tokens: readonly { text: string }[]): string {
  const sample = tokens
    .slice(0, 200)
    .map((t) => t.text)
    .join('');
  if (/[\uac00-\ud7af]/u.test(sample)) return 'ko-KR';
  if (/[\u3040-\u30ff]/u.test(sample)) return 'ja-JP';
  if (/[\u4e00-\u9fff]/u.test(sample)) return 'zh-CN';
  return 'en-US';
}
