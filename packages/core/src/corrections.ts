// A reviewer's corrections (from the HTML review page) applied to a transcript: word edits by token index, with
// the original text to catch a stale file, speaker names, and the sign-off. A file made for another transcript
// (content hash mismatch) or for another version of this one (an original that differs) is refused whole — never
// a partial apply. Errors name token indexes and speaker ids, never words or names.
import type { z } from 'zod';
import { type ErrorCode, TranscriptError, type TranscriptErrorOptions } from './errors.js';
import type { Token, Transcript } from './model.js';
import { lazySchemas } from './schema/lazy-zod.js';
import { sha256Hex } from './sha256.js';
import { fromZodIssues } from './zod-issues.js';

/** The `format` field of a corrections file. */
export const CORRECTIONS_FORMAT = 'scribekit-corrections';
/** The version this code writes and reads. */
export const CORRECTIONS_VERSION = 1;

/**
 * The content hash of a transcript: SHA-256 over its tokens (kind, text, times, speaker, channel), written
 * `sha256:<hex>`. Names, summary, metadata and options do not enter it, so a page made with `--speaker` or
 * `--summary` still matches the bare transcript.
 */
export function contentHash(t: Transcript): string {
  const rows = t.tokens.map((k) => [
    k.kind === 'word' ? 'w' : 'p',
    k.text,
    k.startMs,
    k.endMs,
    k.speaker,
    k.channel,
  ]);
  return `sha256:${sha256Hex(JSON.stringify(rows))}`;
}

// zod loads only when a corrections file is read (never on a plain convert).
const schemas = lazySchemas((z) => {
  const text = z.string().min(1).max(10_000);
  return {
    schema: z.object({
      format: z.literal(CORRECTIONS_FORMAT),
      version: z.literal(CORRECTIONS_VERSION),
      contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      tokens: z.number().int().min(0).optional(),
      words: z.array(z.object({ index: z.number().int().min(0), original: z.string(), text })).max(1_000_000),
      speakers: z.record(z.string().min(1), text).optional(),
      reviewed: z.boolean().optional(),
      reviewer: z.string().max(500).nullable().optional(),
      savedAt: z.string().max(64).nullable().optional(),
    }),
  };
});

/** A corrections file, as the review page saves it. */
export type Corrections = z.infer<ReturnType<typeof schemas>['schema']>;

export type CorrectionsProblem = 'invalid' | 'hash' | 'index' | 'kind' | 'stale' | 'duplicate' | 'speaker';

/** A corrections file that does not fit the transcript (or is not a corrections file). */
export class CorrectionsError extends TranscriptError {
  override name = 'CorrectionsError';
  readonly problem: CorrectionsProblem;
  /** The token index at fault, when one is. */
  readonly token: number | undefined;

  constructor(
    problem: CorrectionsProblem,
    message: string,
    options: TranscriptErrorOptions & { readonly token?: number | undefined } = {},
  ) {
    super('E_CORRECTIONS' satisfies ErrorCode, message, options);
    this.problem = problem;
    this.token = options.token;
  }
}

/** Checks that `value` is a corrections file (JSON already parsed); throws CorrectionsError. */
export function parseCorrections(value: unknown, options: { readonly file?: string } = {}): Corrections {
  const r = schemas().schema.safeParse(value);
  if (!r.success) {
    const first = fromZodIssues(r.error.issues)[0];
    throw new CorrectionsError(
      'invalid',
      `Not a scribekit corrections file (version ${CORRECTIONS_VERSION})${first ? `: ${first.message} at \`${first.path || '(root)'}\`` : ''}`,
      { file: options.file },
    );
  }
  return r.data;
}

/**
 * The transcript with `corrections` applied: corrected words get the new text (times kept, confidence 1, no
 * alternatives, `corrected: true`), renamed speakers and channels their new label, and `review` the counts.
 * Throws CorrectionsError, naming the token, when the file was made for another transcript or another version.
 */
export function applyCorrections(
  t: Transcript,
  given: unknown,
  options: { readonly file?: string } = {},
): Transcript {
  const file = options.file;
  const c = parseCorrections(given, options);
  if (c.contentHash !== contentHash(t)) {
    throw new CorrectionsError(
      'hash',
      `The corrections were made for another transcript (content hash mismatch${c.tokens !== undefined && c.tokens !== t.tokens.length ? `: ${c.tokens} tokens, this one has ${t.tokens.length}` : ''})`,
      { file },
    );
  }
  const tokens = t.tokens.slice();
  const seen = new Set<number>();
  for (const edit of c.words) {
    const at = edit.index;
    const tok = tokens[at];
    if (tok === undefined) {
      throw new CorrectionsError(
        'index',
        `Correction of token ${at}: the transcript has ${t.tokens.length} tokens`,
        {
          file,
          token: at,
        },
      );
    }
    if (seen.has(at))
      throw new CorrectionsError('duplicate', `Token ${at} is corrected twice`, { file, token: at });
    seen.add(at);
    if (tok.kind !== 'word') {
      throw new CorrectionsError('kind', `Correction of token ${at}: it is punctuation, not a word`, {
        file,
        token: at,
      });
    }
    if (tok.text !== edit.original) {
      throw new CorrectionsError(
        'stale',
        `Correction of token ${at}: its original text does not match the transcript (a stale corrections file)`,
        { file, token: at },
      );
    }
    if (edit.text === tok.text) continue;
    const { alternatives: _, ...rest } = tok;
    tokens[at] = { ...rest, text: edit.text, confidence: 1, corrected: true } satisfies Token;
  }
  const names = c.speakers ?? {};
  for (const id of Object.keys(names)) {
    if (!t.speakers.some((s) => s.id === id) && !t.channels.some((ch) => ch.id === id)) {
      throw new CorrectionsError(
        'speaker',
        `The corrections rename \`${id}\`, which is no speaker or channel of the transcript`,
        {
          file,
        },
      );
    }
  }
  const rename = <T extends { readonly id: string; readonly label: string }>(p: T): T =>
    names[p.id] !== undefined ? { ...p, label: names[p.id]! } : p;
  const corrected = tokens.filter((k, i) => k !== t.tokens[i]).length;
  return {
    ...t,
    tokens,
    speakers: t.speakers.map(rename),
    channels: t.channels.map(rename),
    review: {
      corrected,
      renamed: Object.keys(names).length,
      reviewed: c.reviewed === true,
      reviewer: c.reviewer ?? null,
      at: c.savedAt ?? null,
    },
  };
}
