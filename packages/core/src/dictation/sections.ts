// Spoken note section headings in dictation: "history of present illness, the patient is …" → a section.
//
// A heading is recognised where all of these hold:
// - it starts a sentence: the range start, after `.` `?` `!` (or `:`), right after another heading, or after a
//   long silence (`startPauseMs`; then the heading must be followed by punctuation or a capitalised word);
// - its words spell one of the vocabulary's spoken forms (case, hyphens, spaces inside words and a final
//   `s`/`es` ignored; the longest form wins, shorter ones are tried when the longest fails the next test);
// - it is followed by punctuation (`.` `,` `?` …: the colon-like mark or the sentence end), the range end, a
//   capitalised word (Transcribe capitalises sentence starts: "Plan Continue metformin"), or a pause of at
//   least `pauseMs` before a word that does not continue the sentence ("plan … to return" is a heading,
//   "history … is notable" is not). A pause is the silence plus the time the heading's last word lasts beyond
//   what its letters need at the speaker's median pace (Transcribe stretches words over pauses; see `pauseMs`
//   in words.ts), a word that opens a clause ("history the patient is …", "allergies none") or the start of
//   a numbered list ("diagnoses number one …") — these two not right after another heading;
//   With `spokenPunctuation` (for users who dictate punctuation) a spoken `colon`/`comma`/`period` right
//   after the heading words also closes it and is part of the heading's range;
// - level-2 headings (exam parts) only inside one of their parent sections (or, with `topLevel`, anywhere).
// So "Plan. We will …", "Plan, continue …" and "Assessment … one, …" are headings; "Plan to return in two weeks.",
// "the history is …" and "assessment of the wound" are speech.
import { OptionsError } from '../errors.js';
import { HEADINGS } from './headings.js';
import type { DetectedSection, DictationToken, HeadingSpec, SectionOptions } from './types.js';
import {
  afterPunctuation,
  BODY_OPENERS,
  CONTINUATION,
  checkRange,
  isCapitalised,
  isSentenceEnd,
  nextToken,
  nonNegative,
  normalizeWord,
  numberValue,
  pauseMs as pauseBetween,
  prevToken,
  rateReader,
  wordReader,
} from './words.js';

/** Defaults of `detectSections`. */
export const sectionDefaults = Object.freeze({
  /** A colon-like silence after a heading; see bench/results/dictation.md for how it was chosen. */
  pauseMs: 300,
  /** A silence before an unpunctuated heading long enough to stand for the missing sentence end. */
  startPauseMs: 1000,
});

/** Marks dictated as words that may close a heading (with `spokenPunctuation`). */
const SPOKEN_MARKS: ReadonlySet<string> = new Set(['colon', 'comma', 'period']);

/** Most words a heading may have (longer spoken forms are rejected). */
const MAX_WORDS = 10;

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  spec?: HeadingSpec;
  /** The form's last word is long enough to take a plural `s`/`es` (not `sh` + `es` = "she's"). */
  plural?: boolean;
}

const compiled = new WeakMap<readonly HeadingSpec[], TrieNode>();

/** One trie over the characters of every normalised spoken form (built once per vocabulary array). */
function compile(headings: readonly HeadingSpec[]): TrieNode {
  const cached = compiled.get(headings);
  if (cached) return cached;
  const root: TrieNode = { next: new Map() };
  headings.forEach((spec, n) => {
    if (!spec || typeof spec.id !== 'string' || spec.id === '' || typeof spec.title !== 'string') {
      throw new OptionsError(`headings[${n}] needs an \`id\` and a \`title\``);
    }
    if (!Array.isArray(spec.spoken) || spec.spoken.length === 0) {
      throw new OptionsError(`headings[${n}] (\`${spec.id}\`) needs at least one spoken form`);
    }
    if (spec.level === 2 && !(spec.parents?.length || spec.topLevel)) {
      throw new OptionsError(`headings[${n}] (\`${spec.id}\`) is level 2 but has no \`parents\``);
    }
    for (const form of spec.spoken) {
      const words = typeof form === 'string' ? form.split(/\s+/).map(normalizeWord).filter(Boolean) : [];
      if (words.length === 0 || words.length > MAX_WORDS) {
        throw new OptionsError(
          `headings[${n}] (\`${spec.id}\`) has a spoken form of 0 or over ${MAX_WORDS} words`,
        );
      }
      let node = root;
      for (const ch of words.join('')) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map() };
          node.next.set(ch, child);
        }
        node = child;
      }
      node.spec = spec;
      node.plural = words[words.length - 1]!.length >= 4;
    }
  });
  compiled.set(headings, root);
  return root;
}

interface Match {
  readonly spec: HeadingSpec;
  /** Index of the heading's last word. */
  readonly last: number;
}

/**
 * Finds the spoken section headings in `tokens[first, end)`, in order. The body of each runs to the next
 * heading (of any level) or the range end; tokens before the first heading belong to no section.
 * Linear in the tokens (each start position walks at most one heading's characters).
 */
export function detectSections(
  tokens: readonly DictationToken[],
  first: number,
  end: number,
  options: SectionOptions = {},
): DetectedSection[] {
  checkRange(tokens, first, end);
  const pauseMs = nonNegative('pauseMs', options.pauseMs, sectionDefaults.pauseMs);
  const startPauseMs = nonNegative('startPauseMs', options.startPauseMs, sectionDefaults.startPauseMs);
  const spokenPunctuation = options.spokenPunctuation === true;
  const headings = options.headings ?? HEADINGS;
  if (headings.length === 0 || first === end) return [];
  const root = compile(headings);
  const word = wordReader(tokens, first, end);
  const rate = rateReader(tokens, first, end);

  /** Longest-first heading matches whose first word is `i`. */
  const matchesAt = (i: number): Match[] => {
    const found: Match[] = [];
    let node: TrieNode | undefined = root;
    let j = i;
    for (let n = 0; n < MAX_WORDS; n++) {
      const w = word(j);
      let p = 0;
      for (; p < w.length; p++) {
        const child: TrieNode | undefined = node.next.get(w[p]!);
        if (!child) break;
        node = child;
      }
      if (p < w.length) {
        // A plural of a spoken form: "diagnoses" is listed, "plans"/"exams"/"findings" are not needed.
        const rest = w.slice(p);
        const plural = node.plural && (rest === 's' || rest === 'es') && !/['’]/.test(tokens[j]!.text);
        if (node.spec && plural) found.push({ spec: node.spec, last: j });
        break;
      }
      if (node.spec) found.push({ spec: node.spec, last: j });
      if (node.next.size === 0) break;
      const k = nextToken(tokens, j, end);
      if (k < 0 || tokens[k]!.kind !== 'word' || word(k) === '') break;
      j = k;
    }
    return found.reverse();
  };

  /** Whether a numbered list starts at word `k`: `one`, `1`, `number one` ("diagnoses number one, …"). */
  const startsList = (k: number): boolean => {
    if (numberValue(word(k)) === 1) return true;
    const n = nextToken(tokens, k, end);
    return word(k) === 'number' && n >= 0 && tokens[n]!.kind === 'word' && numberValue(word(n)) === 1;
  };

  /** One past the heading ending at word `last`, or -1 when what follows does not close a heading. */
  const headingEndAfter = (last: number, explicitOnly: boolean, chained: boolean): number => {
    const k = nextToken(tokens, last, end);
    if (k < 0) return explicitOnly ? -1 : end;
    const next = tokens[k]!;
    if (next.kind === 'punctuation') return afterPunctuation(tokens, k, end);
    // A dictated mark ("plan colon continue …") belongs to the heading, when spoken commands are on.
    if (spokenPunctuation && SPOKEN_MARKS.has(word(k))) return afterPunctuation(tokens, k + 1, end);
    if (isCapitalised(next.text)) return k;
    if (explicitOnly) return -1;
    // Not right after another heading: "heent, examination unremarkable" is one heading and its body.
    if (!chained && (BODY_OPENERS.has(word(k)) || startsList(k))) return k;
    if (pauseBetween(tokens[last]!, next, rate()) >= pauseMs && !CONTINUATION.has(word(k))) return k;
    return -1;
  };

  const out: Omit<DetectedSection, 'bodyEnd'>[] = [];
  let parent: string | null = null;
  let chainStart = -1;
  let i = first;
  while (i < end) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || t.text === '') {
      i++;
      continue;
    }
    const p = prevToken(tokens, i, first);
    const prev = p < 0 ? null : tokens[p]!;
    const chained = chainStart >= 0 && p < chainStart;
    const sentenceStart =
      prev === null || chained || (prev.kind === 'punctuation' && (isSentenceEnd(prev) || prev.text === ':'));
    const pauseStart =
      !sentenceStart &&
      prev !== null &&
      prev.kind === 'word' &&
      t.startMs - prev.startMs >= startPauseMs && // the pause cannot be longer than this
      pauseBetween(prev, t, rate()) >= startPauseMs;
    if ((!sentenceStart && !pauseStart) || word(i) === '') {
      i++;
      continue;
    }
    let accepted = false;
    for (const m of matchesAt(i)) {
      const headingEnd = headingEndAfter(m.last, pauseStart, chained);
      if (headingEnd < 0) continue;
      const level2 = m.spec.level === 2 && parent !== null && (m.spec.parents ?? []).includes(parent);
      if (m.spec.level === 2 && !level2 && !m.spec.topLevel) continue;
      if (!level2) parent = m.spec.id;
      out.push({
        id: m.spec.id,
        title: m.spec.title,
        level: level2 ? 2 : 1,
        ...(m.spec.code ? { code: m.spec.code } : {}),
        lists: m.spec.lists === true,
        headingStart: i,
        headingEnd,
      });
      chainStart = headingEnd;
      i = headingEnd;
      accepted = true;
      break;
    }
    if (!accepted) i++;
  }
  return out.map((s, n) => ({ ...s, bodyEnd: out[n + 1]?.headingStart ?? end }));
}
