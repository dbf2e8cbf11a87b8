// AWS HealthScribe transcript.json (and its summary.json) → canonical Transcript.
// Tokens are the TranscriptItems; each is placed in the TranscriptSegment whose time it falls in, so
// turns follow segments (id = SegmentId, speaker = ParticipantRole, section = SectionName).
// A segment without items of its own (the documentation example lists items for only the first
// segments) is tokenised from its `Content`, timed evenly across the segment (`timed: false`), with a
// warning.
import { type BuildInput, buildTranscript, type DraftSpeaker, type DraftToken } from './build.js';
import { TranscriptParseError } from './errors.js';
import type {
  ClinicalInsight,
  ClinicalSummary,
  InsightSpan,
  Transcript,
  TranscriptMetadata,
} from './model.js';
import { inferLanguage } from './parse-batch.js';
import {
  healthScribeTranscript,
  type RawHealthScribeInsight,
  type RawHealthScribeItem,
  type RawHealthScribeSegment,
  type RawHealthScribeSpan,
} from './schema/healthscribe.js';
import { healthScribeSummary } from './schema/healthscribe-summary.js';
import { splitSegmentText, timeEvenly } from './segment-text.js';
import { secondsToMs } from './time.js';
import { fromZodIssues, REPORT_INPUT } from './zod-issues.js';

export interface HealthScribeParseOptions {
  readonly file?: string | undefined;
  readonly job?: Partial<TranscriptMetadata> | undefined;
  /** The parsed JSON of the matching `summary.json`. */
  readonly summary?: unknown;
  /** File name of the summary, for error messages. */
  readonly summaryFile?: string | undefined;
}

/** Parses a HealthScribe `transcript.json` value, with its summary when given. */
export function parseHealthScribeTranscript(
  json: unknown,
  options: HealthScribeParseOptions = {},
): Transcript {
  const checked = healthScribeTranscript.safeParse(json, REPORT_INPUT);
  if (!checked.success) {
    throw new TranscriptParseError('HealthScribe transcript', fromZodIssues(checked.error.issues), {
      file: options.file,
    });
  }
  const conversation = checked.data.Conversation;
  const warnings: string[] = [];
  const segments = [...conversation.TranscriptSegments].sort((a, b) => a.BeginAudioTime - b.BeginAudioTime);
  const tokens = draftTokens(conversation.TranscriptItems ?? [], segments, warnings);

  const turnIds = new Set<string>();
  for (const d of tokens) if (d.segmentId !== undefined) turnIds.add(d.segmentId);
  const speakers = new Map<string, DraftSpeaker>();
  for (const s of segments) {
    const role = s.ParticipantDetails?.ParticipantRole;
    if (role && !speakers.has(role)) speakers.set(role, speakerOf(role));
  }
  const input: BuildInput = {
    metadata: {
      source: 'healthscribe',
      jobName: conversation.JobName ?? null,
      accountId: null,
      status: null,
      languageCode: conversation.LanguageCode ?? inferLanguage(tokens),
      serviceRedacted: null,
      ...options.job,
    },
    tokens,
    speakers: [...speakers.values()],
    audioEndMs: segments.reduce((end, s) => Math.max(end, secondsToMs(s.EndAudioTime)), 0),
    warnings,
  };
  if (conversation.ClinicalInsights)
    input.insights = toInsights(conversation.ClinicalInsights, turnIds, warnings);
  if (options.summary !== undefined) {
    input.summary = toClinicalSummary(options.summary, turnIds, warnings, options.summaryFile);
  }
  return buildTranscript(input);
}

/** Parses a HealthScribe `summary.json` alone: a transcript with no tokens that carries the summary. */
export function parseHealthScribeSummary(
  json: unknown,
  options: { readonly file?: string | undefined } = {},
): Transcript {
  const warnings: string[] = [];
  const summary = toClinicalSummary(json, new Set(), warnings, options.file);
  const texts = summary.sections.flatMap((s) => s.bullets);
  return buildTranscript({
    metadata: {
      source: 'healthscribe',
      jobName: null,
      accountId: null,
      status: null,
      languageCode: texts.length > 0 ? inferLanguage(texts) : null,
      serviceRedacted: null,
    },
    tokens: [],
    summary,
    warnings: ['The summary was loaded without its transcript', ...warnings],
  });
}

/**
 * Validates a `summary.json` value and links its evidence to turns: `turnIds` keeps only the ids in
 * `knownTurnIds`, `evidenceIds` keeps all. Dangling links are counted in one warning (no text).
 */
export function toClinicalSummary(
  json: unknown,
  knownTurnIds: ReadonlySet<string>,
  warnings: string[],
  file?: string,
): ClinicalSummary {
  const checked = healthScribeSummary.safeParse(json, REPORT_INPUT);
  if (!checked.success) {
    throw new TranscriptParseError('HealthScribe summary', fromZodIssues(checked.error.issues), { file });
  }
  let dangling = 0;
  const sections = checked.data.ClinicalDocumentation.Sections.map((section) => ({
    name: sectionName(section.SectionName),
    bullets: section.Summary.map((item) => {
      const evidenceIds = item.EvidenceLinks.map((l) => l.SegmentId);
      const turnIds = evidenceIds.filter((id) => knownTurnIds.has(id));
      dangling += evidenceIds.length - turnIds.length;
      return { text: item.SummarizedSegment, turnIds, evidenceIds };
    }),
  }));
  if (dangling > 0) {
    warnings.push(
      `${dangling} summary evidence link(s) point to segments not in the transcript; the bullets are kept without those links`,
    );
  }
  return { sections };
}

/** `CHIEF_COMPLIANT` is a spelling the service has used for `CHIEF_COMPLAINT`. */
function sectionName(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper === 'CHIEF_COMPLIANT' ? 'CHIEF_COMPLAINT' : upper;
}

/** `CLINICIAN_0` → role `CLINICIAN`, label `Clinician`; `PATIENT_1` → `Patient 2`. */
function speakerOf(id: string): DraftSpeaker {
  const m = /^(.*?)_(\d+)$/.exec(id);
  const role = m ? m[1]! : id;
  const n = m ? Number(m[2]) : 0;
  const name = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase().replace(/_/g, ' ');
  return { id, role, label: n > 0 ? `${name} ${n + 1}` : name };
}

function draftTokens(
  items: readonly RawHealthScribeItem[],
  segments: readonly RawHealthScribeSegment[],
  warnings: string[],
): DraftToken[] {
  const begins = segments.map((s) => secondsToMs(s.BeginAudioTime));
  const bySegment: DraftToken[][] = segments.map(() => []);
  const loose: DraftToken[] = [];
  let current = 0;
  for (const item of items) {
    const d = itemDraft(item);
    // Words go to the last segment that began at or before them; punctuation follows its word.
    if (d.kind === 'word' && d.startMs !== null) current = Math.max(0, lastAtOrBefore(begins, d.startMs));
    const segment = segments[current];
    if (!segment) {
      loose.push(d);
      continue;
    }
    Object.assign(d, segmentFields(segment));
    bySegment[current]!.push(d);
  }
  const out: DraftToken[] = [...loose];
  let fromText = 0;
  segments.forEach((segment, k) => {
    const own = bySegment[k]!;
    if (own.length > 0) {
      out.push(...own);
      return;
    }
    const pieces = splitSegmentText(segment.Content ?? '');
    if (pieces.length === 0) return;
    fromText++;
    const times = timeEvenly(pieces, begins[k]!, secondsToMs(segment.EndAudioTime));
    pieces.forEach((p, i) => {
      const word = p.kind === 'word';
      out.push({
        kind: p.kind,
        text: p.text,
        startMs: word ? times[i]!.startMs : null,
        endMs: word ? times[i]!.endMs : null,
        confidence: null,
        ...(word ? { timesEstimated: true } : {}),
        ...segmentFields(segment),
      });
    });
  });
  if (fromText > 0) {
    warnings.push(
      `${fromText} segment(s) had no transcript items; their words were taken from the segment text and timed evenly within the segment`,
    );
  }
  return out;
}

function segmentFields(
  segment: RawHealthScribeSegment,
): Pick<DraftToken, 'speaker' | 'channel' | 'segmentId' | 'section'> {
  return {
    speaker: segment.ParticipantDetails?.ParticipantRole ?? null,
    channel: null,
    segmentId: segment.SegmentId,
    section: segment.SectionDetails?.SectionName ?? undefined,
  };
}

function itemDraft(item: RawHealthScribeItem): DraftToken {
  const word = item.Type.toLowerCase() === 'pronunciation';
  const best = item.Alternatives?.[0];
  let confidence = best ? (best.Confidence ?? null) : (item.Confidence ?? null);
  if (!word && confidence === 0) confidence = null; // punctuation's 0 means "no score"
  const timed = word && item.BeginAudioTime != null && item.EndAudioTime != null;
  const d: DraftToken = {
    kind: word ? 'word' : 'punctuation',
    text: best?.Content ?? item.Content ?? '',
    // Punctuation times are unreliable (the documentation example has `0–0`): punctuation follows its word.
    startMs: timed ? secondsToMs(item.BeginAudioTime!) : null,
    endMs: timed ? secondsToMs(item.EndAudioTime!) : null,
    confidence,
    speaker: null,
    channel: null,
  };
  if (item.Alternatives && item.Alternatives.length > 1) {
    d.alternatives = item.Alternatives.map((a) => ({ text: a.Content, confidence: a.Confidence ?? null }));
  }
  return d;
}

/** Index of the last sorted value ≤ `x`, or -1. */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function toInsights(
  raw: readonly RawHealthScribeInsight[],
  turnIds: ReadonlySet<string>,
  warnings: string[],
): ClinicalInsight[] {
  let dangling = 0;
  const spans = (list: readonly RawHealthScribeSpan[]): InsightSpan[] =>
    list.map((s) => {
      const known = turnIds.has(s.SegmentId);
      if (!known) dangling++;
      return {
        segmentId: s.SegmentId,
        turnId: known ? s.SegmentId : null,
        beginChar: s.BeginCharacterOffset,
        // The service's end offset is inclusive ("pain" 12→15); the model's is exclusive.
        endChar: s.EndCharacterOffset + 1,
        text: s.Content,
      };
    });
  const insights = raw.map((i) => ({
    id: i.InsightId ?? null,
    kind: i.InsightType ?? null,
    category: i.Category ?? null,
    type: i.Type ?? null,
    spans: spans(i.Spans),
    attributes: i.Attributes.map((a) => ({
      id: a.AttributeId ?? null,
      type: a.Type ?? null,
      spans: spans(a.Spans),
    })),
  }));
  if (dangling > 0)
    warnings.push(`${dangling} clinical insight span(s) point to segments not in the transcript`);
  return insights;
}
