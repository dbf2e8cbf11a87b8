// Transcribe (Medical) streaming result events → canonical Transcript.
// Accepts an array of events or one event, where an event is a raw `Result`, a recorded `{t, data}`
// wrapper, a `TranscriptEvent` / `TranscriptResultStream` wrapper or a `Transcript.Results` list, in
// PascalCase (SDK) or camelCase (WebSocket). Only final results (`IsPartial: false`) are used; when one
// `ResultId` has several final versions the last one wins. Results are merged in time order, so
// channels (`ChannelId`) interleave word by word.
import { buildTranscript, type DraftEntity, type DraftToken } from './build.js';
import { TranscriptParseError } from './errors.js';
import type { ServiceRedaction, Transcript, TranscriptMetadata } from './model.js';
import { inferLanguage } from './parse-batch.js';
import { type RawStreamingItem, type RawStreamingResult, streamingResult } from './schema/streaming.js';
import { secondsToMs } from './time.js';
import { fromZodIssues, REPORT_INPUT } from './zod-issues.js';

export interface StreamingParseOptions {
  readonly file?: string | undefined;
  readonly job?: Partial<TranscriptMetadata> | undefined;
}

interface Located {
  readonly value: unknown;
  readonly path: string;
}

const WHAT = 'streaming result events';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses streaming result events (see the module comment for the accepted shapes). */
export function parseStreamingEvents(json: unknown, options: StreamingParseOptions = {}): Transcript {
  const located: Located[] = [];
  collectResults(json, '', located, options.file);
  const finals = new Map<string, { result: RawStreamingResult; order: number }>();
  const seenIds = new Set<string>();
  let replacedFinals = 0;
  located.forEach(({ value, path }, order) => {
    const result = checkResult(value, path, options.file);
    seenIds.add(result.ResultId);
    if (result.IsPartial === true) return;
    if (finals.has(result.ResultId)) replacedFinals++;
    finals.set(result.ResultId, { result, order });
  });

  const warnings: string[] = [];
  const neverFinal = seenIds.size - finals.size;
  if (neverFinal > 0) warnings.push(`${neverFinal} result(s) had only partial versions and were left out`);
  if (replacedFinals > 0)
    warnings.push(`${replacedFinals} final result(s) were sent again; the last version of each was kept`);

  const keyed: { draft: DraftToken; key: number; seq: number }[] = [];
  const entities: DraftEntity[] = [];
  let audioEndMs = 0;
  let languageCode: string | null = null;
  let speakerChanges = 0;
  // Results carry `Entities` (possibly empty) when the session asked for PHI identification.
  let phiIdentified = false;
  const ordered = [...finals.values()].sort(
    (a, b) => (a.result.StartTime ?? 0) - (b.result.StartTime ?? 0) || a.order - b.order,
  );
  for (const { result } of ordered) {
    if (result.EndTime != null) audioEndMs = Math.max(audioEndMs, secondsToMs(result.EndTime));
    languageCode ??= result.LanguageCode ?? null;
    const alt = result.Alternatives[0];
    if (!alt) continue;
    const channel = result.ChannelId ?? null;
    // Punctuation sorts with the word before it, so a word and its punctuation never separate.
    let key = result.StartTime != null ? secondsToMs(result.StartTime) : 0;
    for (const item of alt.Items) {
      const type = item.Type.toLowerCase();
      if (type === 'speaker-change') {
        speakerChanges++;
        continue;
      }
      const draft = itemDraft(item, type === 'pronunciation', channel);
      if (draft.kind === 'word' && draft.startMs !== null) key = draft.startMs;
      keyed.push({ draft, key, seq: keyed.length });
    }
    if (alt.Entities != null) phiIdentified = true;
    for (const e of alt.Entities ?? []) {
      entities.push({
        ...(channel !== null ? { channel } : {}),
        category: e.Category ?? 'PHI',
        type: e.Type ?? null,
        text: e.Content ?? '',
        startMs: secondsToMs(e.StartTime),
        endMs: secondsToMs(e.EndTime),
        confidence: e.Confidence ?? null,
      });
    }
  }
  keyed.sort((a, b) => a.key - b.key || a.seq - b.seq);
  const tokens = keyed.map((k) => k.draft);
  if (speakerChanges > 0 && !tokens.some((t) => t.speaker !== null)) {
    warnings.push(`${speakerChanges} speaker change(s) were marked but no item names its speaker`);
  }
  return buildTranscript({
    metadata: {
      source: 'medical-streaming',
      jobName: null,
      accountId: null,
      status: null,
      languageCode: languageCode ?? inferLanguage(tokens),
      serviceRedacted: null,
      ...(phiIdentified ? { phiIdentified } : {}),
      ...options.job,
    },
    tokens,
    entities,
    audioEndMs,
    warnings,
  });
}

/** Finds every result in the accepted wrappers, with its JSON path for messages. */
function collectResults(v: unknown, path: string, out: Located[], file: string | undefined): void {
  let value = v;
  let at = path;
  for (;;) {
    const inner = unwrap(value);
    if (!inner) break;
    value = inner.value;
    at = at === '' ? inner.key : `${at}.${inner.key}`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collectResults(value[i], `${at}[${i}]`, out, file);
  } else if (isObject(value)) {
    out.push({ value, path: at });
  } else {
    throw new TranscriptParseError(
      WHAT,
      [{ path: at, message: 'Expected a streaming result event (an object)' }],
      { file },
    );
  }
}

const WRAPPERS = ['TranscriptResultStream', 'transcriptResultStream', 'TranscriptEvent', 'transcriptEvent'];

/** The content of a wrapper object (`{t, data}`, event stream, `Transcript.Results`, `events`), if it is one. */
function unwrap(v: unknown): { key: string; value: unknown } | undefined {
  if (!isObject(v)) return undefined;
  if ('data' in v && isObject(v.data)) return { key: 'data', value: v.data };
  for (const key of WRAPPERS) if (isObject(v[key])) return { key, value: v[key] };
  for (const key of ['Transcript', 'transcript']) {
    const t = v[key];
    if (isObject(t) && Array.isArray(t.Results)) return { key: `${key}.Results`, value: t.Results };
    if (isObject(t) && Array.isArray(t.results)) return { key: `${key}.results`, value: t.results };
  }
  if (Array.isArray(v.events)) return { key: 'events', value: v.events };
  return undefined;
}

/** Checks one result; camelCase keys are renamed, and named back in messages. */
function checkResult(value: unknown, path: string, file: string | undefined): RawStreamingResult {
  const camel = isObject(value) && ('resultId' in value || 'alternatives' in value || 'isPartial' in value);
  const checked = streamingResult.safeParse(camel ? pascalKeys(value) : value, REPORT_INPUT);
  if (checked.success) return checked.data;
  const issues = camel
    ? checked.error.issues.map((i) => ({
        ...i,
        path: i.path.map((k) => (typeof k === 'string' ? k.charAt(0).toLowerCase() + k.slice(1) : k)),
      }))
    : checked.error.issues;
  throw new TranscriptParseError(WHAT, fromZodIssues(issues, path), { file });
}

function pascalKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascalKeys);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, inner] of Object.entries(v)) out[k.charAt(0).toUpperCase() + k.slice(1)] = pascalKeys(inner);
  return out;
}

function itemDraft(item: RawStreamingItem, word: boolean, channel: string | null): DraftToken {
  const text = item.Content ?? '';
  let confidence = item.Confidence ?? null;
  if (!word && confidence === 0) confidence = null; // punctuation's 0 means "no score"
  const timed = word && item.StartTime != null && item.EndTime != null;
  const d: DraftToken = {
    kind: word ? 'word' : 'punctuation',
    text,
    // Punctuation has StartTime == EndTime at the end of its word; the model places it there anyway.
    startMs: timed ? secondsToMs(item.StartTime!) : null,
    endMs: timed ? secondsToMs(item.EndTime!) : null,
    confidence,
    speaker: speakerId(item.Speaker),
    channel,
  };
  const redaction = serviceRedactionOf(text);
  if (redaction) d.serviceRedaction = redaction;
  if (item.VocabularyFilterMatch) d.vocabularyFilterMatch = true;
  return d;
}

/** `"0"` → `spk_0`; ids already written as `spk_N` are kept. */
function speakerId(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const s = String(raw);
  return /^\d+$/.test(s) ? `spk_${s}` : s;
}

/** `[PII]` and typed placeholders such as `[NAME]` (standard streaming redaction), and `***` masks. */
function serviceRedactionOf(text: string): ServiceRedaction | undefined {
  const placeholder = /^\[([A-Z][A-Z_]*)\]$/.exec(text);
  if (placeholder)
    return { kind: 'pii', type: placeholder[1] === 'PII' ? null : placeholder[1]!, confidence: null };
  if (/^\*{3,}$/.test(text)) return { kind: 'vocabulary-mask', type: null, confidence: null };
  return undefined;
}
