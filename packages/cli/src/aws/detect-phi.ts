// PHI detection with Amazon Comprehend Medical DetectPHI: the transcript text (core's phiTextOf) is cut into
// chunks under the size limit, sent with at most `concurrency` calls in flight, and the entities found are
// filtered (category, score, type), mapped from code-point offsets back to whole tokens, de-duplicated
// across chunk overlaps and merged with the transcript's own entities (core's mergePhiEntities).
import {
  codePointLength,
  entitiesFromOffsets,
  mergePhiEntities,
  OptionsError,
  type PhiSpan,
  type PhiText,
  phiTextOf,
  type Transcript,
  utf16Offsets,
} from '@scribekit/core';
import type { ComprehendMedicalApi, DetectPhiOutput } from './comprehend.js';
import { type ChunkOptions, type PhiChunk, planChunks } from './phi-chunks.js';

/** The PHI types DetectPHI returns (API reference, `EntitySubType` for PROTECTED_HEALTH_INFORMATION). */
export const COMPREHEND_PHI_TYPES = [
  'ADDRESS',
  'AGE',
  'DATE',
  'EMAIL',
  'ID',
  'NAME',
  'PHONE_OR_FAX',
  'PROFESSION',
  'URL',
] as const;

/** DetectPHI types under the names scribekit's placeholders use (`PHONE_OR_FAX` → `PHONE`). */
const NORMALISED: Readonly<Record<string, string>> = {
  PHONE_OR_FAX: 'PHONE',
  IDENTIFIER: 'ID',
  CONTACT_POINT: 'PHONE',
};
const normalised = (type: string) => NORMALISED[type] ?? type;

export interface PhiDetectionOptions extends ChunkOptions {
  /** Entities scoring below this (0..1) are ignored. Default `phiDetectionDefaults.minScore`. */
  readonly minScore?: number;
  /**
   * Types kept, as DetectPHI names them (`PHONE_OR_FAX`) or as scribekit does (`PHONE`); default all.
   * Validated against `COMPREHEND_PHI_TYPES`.
   */
  readonly types?: readonly string[] | undefined;
  /** Calls in flight at once, 1 to 4. Default `phiDetectionDefaults.concurrency`. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal | undefined;
  /** Called after each call returns (in completion order). */
  readonly onChunk?: (progress: { done: number; count: number; characters: number }) => void;
}

export const phiDetectionDefaults = {
  // AWS advises a low threshold when identifying PHI, and true PHI can score low (a profession at 0.41
  // in a published DetectEntities answer). For redaction a missed name leaks while a false hit only hides
  // a word, so only the weakest detections are ignored.
  minScore: 0.3,
  // The default quota is 40,000 characters per second per account: two ~19,000-character calls in flight
  // already reach it (at ~1 s a call), more would only be throttled. Results merge in chunk order.
  concurrency: 2,
} as const;

/** What a detection run will send, known before sending anything. */
export interface PhiDetectionPlan {
  /** Characters (code points) sent over all calls, overlaps included: "N characters will be sent". */
  readonly characters: number;
  /** Characters of the transcript text itself (without the overlaps sent twice). */
  readonly textCharacters: number;
  readonly calls: number;
  /** UTF-8 bytes of the largest call (under 20,000). */
  readonly largestCallBytes: number;
  /** 100-character units AWS bills for these calls: each call rounded up, at least one unit a call. */
  readonly billedUnits: number;
}

export interface PhiDetectionStats extends PhiDetectionPlan {
  /** Entities DetectPHI returned over all calls. */
  readonly found: number;
  /** … of another category than PROTECTED_HEALTH_INFORMATION (ignored). */
  readonly notPhi: number;
  /** … scoring below `minScore` (ignored). */
  readonly belowScore: number;
  /** … of a type not asked for (ignored). */
  readonly otherType: number;
  /** … covering no word (only spaces or punctuation; ignored). */
  readonly unmapped: number;
  /** Entities mapped to tokens (one per turn an entity touches). */
  readonly kept: number;
  /** … of which: the same tokens were already covered (chunk overlaps, Transcribe's own entities). */
  readonly duplicates: number;
  /** … merged with overlapping entities of the same type. */
  readonly merged: number;
  /** … that overlapped an entity of another type and added only their other tokens. */
  readonly trimmed: number;
  /** … added as new entities. */
  readonly added: number;
  /** Entities whose `Text` did not match the text at their offsets (mapped by offset all the same). */
  readonly offsetMismatches: number;
  /** Entities whose `Text` matched only when read as UTF-16 offsets (so mapped that way). */
  readonly utf16Answers: number;
  /** Calls whose answer said the entity list was truncated (PaginationToken). */
  readonly truncatedAnswers: number;
  readonly modelVersions: readonly string[];
}

export interface PhiDetection {
  /** The transcript with the detected entities merged into `entities`. */
  readonly transcript: Transcript;
  readonly stats: PhiDetectionStats;
}

interface Prepared {
  readonly map: PhiText;
  readonly chunks: readonly PhiChunk[];
  readonly plan: PhiDetectionPlan;
}

function prepare(t: Transcript, options: ChunkOptions): Prepared {
  if (t.redaction !== undefined) {
    throw new OptionsError(
      'The transcript is already redacted: detect PHI before redacting (DetectPHI would only see placeholders)',
    );
  }
  const map = phiTextOf(t);
  const chunks = planChunks(t, map, options).filter((c) => /\S/.test(c.text));
  let characters = 0;
  let billedUnits = 0;
  let largestCallBytes = 0;
  for (const c of chunks) {
    const n = codePointLength(c.text);
    characters += n;
    billedUnits += Math.max(1, Math.ceil(n / 100));
    largestCallBytes = Math.max(largestCallBytes, c.bytes);
  }
  return {
    map,
    chunks,
    plan: {
      characters,
      textCharacters: codePointLength(map.text),
      calls: chunks.length,
      largestCallBytes,
      billedUnits,
    },
  };
}

/** How much `detectPhiWithComprehend` would send, without sending anything (for the notice and dry runs). */
export function planPhiDetection(t: Transcript, options: ChunkOptions = {}): PhiDetectionPlan {
  return prepare(t, options).plan;
}

/**
 * Sends the transcript's text to DetectPHI and adds the PHI it finds as entities marked
 * `source: 'comprehend-medical'` (type normalised, `confidence` = Score). Throttling and 5xx answers are
 * retried by the SDK; a call that still fails stops the run (no partial result): the error is a FetchError.
 */
export async function detectPhiWithComprehend(
  t: Transcript,
  api: ComprehendMedicalApi,
  options: PhiDetectionOptions = {},
): Promise<PhiDetection> {
  const minScore = options.minScore ?? phiDetectionDefaults.minScore;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    throw new OptionsError(
      `Expected the minimum PHI score to be a number from 0 to 1, got ${String(minScore)}`,
    );
  }
  const concurrency = options.concurrency ?? phiDetectionDefaults.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 4) {
    throw new OptionsError(`Expected DetectPHI concurrency to be an integer from 1 to 4, got ${concurrency}`);
  }
  const types = typeFilter(options.types);
  const { map, chunks, plan } = prepare(t, options);
  const answers = await callAll(chunks, api, concurrency, options);

  const spans: PhiSpan[] = [];
  let found = 0;
  let notPhi = 0;
  let belowScore = 0;
  let otherType = 0;
  let unmapped = 0;
  let offsetMismatches = 0;
  let utf16Answers = 0;
  let truncatedAnswers = 0;
  const modelVersions = new Set<string>();
  chunks.forEach((chunk, k) => {
    const answer = answers[k]!;
    if (answer.modelVersion) modelVersions.add(answer.modelVersion);
    if (answer.paginationToken) truncatedAnswers++;
    const to16 = utf16Offsets(chunk.text);
    for (const e of answer.entities) {
      found++;
      const category = e.Category ?? 'PROTECTED_HEALTH_INFORMATION';
      if (category !== 'PROTECTED_HEALTH_INFORMATION') {
        notPhi++;
        continue;
      }
      const score = typeof e.Score === 'number' ? e.Score : null;
      if (score !== null && score < minScore) {
        belowScore++;
        continue;
      }
      const type = e.Type ?? 'PHI';
      if (types && !types.has(type) && !types.has(normalised(type))) {
        otherType++;
        continue;
      }
      if (typeof e.BeginOffset !== 'number' || typeof e.EndOffset !== 'number') {
        unmapped++;
        continue;
      }
      // DetectPHI counts code points. The entity's Text checks that reading (in memory; never logged).
      let begin = to16(e.BeginOffset);
      let end = to16(e.EndOffset);
      if (typeof e.Text === 'string' && chunk.text.slice(begin, end) !== e.Text) {
        if (chunk.text.slice(e.BeginOffset, e.EndOffset) === e.Text) {
          begin = e.BeginOffset;
          end = e.EndOffset;
          utf16Answers++;
        } else {
          offsetMismatches++;
        }
      }
      spans.push({ begin: chunk.start + begin, end: chunk.start + end, type, category, score });
    }
  });

  const mapping = entitiesFromOffsets(t, map, spans, { source: 'comprehend-medical' });
  unmapped += mapping.dropped;
  const merge = mergePhiEntities(t, mapping.entities);
  const warnings = [...t.warnings];
  if (offsetMismatches > 0) {
    warnings.push(
      `${offsetMismatches} DetectPHI entit${offsetMismatches === 1 ? 'y' : 'ies'} did not match the text at their offsets; mapped by offset`,
    );
  }
  if (truncatedAnswers > 0) {
    warnings.push(`${truncatedAnswers} DetectPHI answer(s) said their entity list was truncated`);
  }
  return {
    // A detector looked for PHI: "no entities" now means "none found", so redaction may proceed.
    transcript: {
      ...t,
      entities: merge.entities,
      warnings,
      metadata: { ...t.metadata, phiIdentified: true },
    },
    stats: {
      ...plan,
      found,
      notPhi,
      belowScore,
      otherType,
      unmapped,
      kept: mapping.entities.length,
      duplicates: merge.duplicates,
      merged: merge.merged,
      trimmed: merge.trimmed,
      added: merge.added,
      offsetMismatches,
      utf16Answers,
      truncatedAnswers,
      modelVersions: [...modelVersions].sort(),
    },
  };
}

function typeFilter(types: readonly string[] | undefined): ReadonlySet<string> | null {
  if (types === undefined) return null;
  const known = new Set<string>([...COMPREHEND_PHI_TYPES, ...COMPREHEND_PHI_TYPES.map(normalised)]);
  const wanted = new Set<string>();
  for (const raw of types) {
    const type = raw.trim().toUpperCase();
    if (!known.has(type)) {
      throw new OptionsError(
        `Unknown PHI type \`${raw}\`, expected one of ${[...known]
          .sort()
          .map((k) => `\`${k}\``)
          .join(', ')}`,
      );
    }
    wanted.add(type);
  }
  if (wanted.size === 0) throw new OptionsError('Expected at least one PHI type to keep');
  return wanted;
}

/**
 * Calls DetectPHI for every chunk with at most `concurrency` in flight; answers in chunk order. The first
 * failure aborts the calls still running and is thrown once they have settled; an abort of
 * `options.signal` throws its reason.
 */
async function callAll(
  chunks: readonly PhiChunk[],
  api: ComprehendMedicalApi,
  concurrency: number,
  options: PhiDetectionOptions,
): Promise<DetectPhiOutput[]> {
  const answers: DetectPhiOutput[] = new Array(chunks.length);
  const inner = new AbortController();
  const outer = options.signal;
  const onAbort = () => inner.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < chunks.length) {
      const k = next++;
      const chunk = chunks[k]!;
      try {
        outer?.throwIfAborted();
        answers[k] = await api.detectPhi(chunk.text, { signal: inner.signal });
        done++;
        options.onChunk?.({ done, count: chunks.length, characters: codePointLength(chunk.text) });
      } catch (error) {
        failure ??= { error };
        inner.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
  if (outer?.aborted) throw outer.reason;
  if (failure !== null) throw (failure as { error: unknown }).error;
  return answers;
}
