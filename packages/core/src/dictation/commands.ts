// Spoken formatting commands in dictation ("new paragraph", "period" …), recognised only where unambiguous.
//
// Rules (a "boundary" is the range start/end, punctuation, or a pause of at least `pauseMs` — silence plus the
// stretch of the word before it, as for headings; a capitalised
// next word also closes a command, as Transcribe capitalises the sentence after it):
// - `new paragraph` / `next paragraph` → new-paragraph, `new line` / `next line` → new-line,
//   `next number` → next-number: a boundary or a capitalised word after; before, a boundary or a word that is
//   not a determiner or preposition ("a new line of treatment", "the next number" are speech).
// - `number <n>` (n = one…twenty, 1…99) → next-number with `number: n`: a boundary before (it starts a
//   sentence), and a boundary or a capitalised word after ("the number one cause" is speech).
// - `period` / `full stop` → period: after a word that is not a determiner, a number, a unit of time or a word
//   that names a kind of period ("postoperative period", "menstrual period", "a two week period"), and before
//   the range end, punctuation or a capitalised word ("the period of observation" is speech).
// - `comma` → comma: after a word that is not a determiner, a preposition or a word naming a kind of coma
//   (the recogniser may write "comma" for "coma": "in a comma", "diabetic comma" are speech).
// - `colon` → colon: at most six words into its sentence (a label: "blood pressure colon"), after a word
//   that is not a determiner, a preposition or a part of the bowel ("sigmoid colon"), and before the range
//   end, punctuation, a capitalised word or a number ("the colon was", "colon cancer" are speech).
// Each command's range covers its words and the punctuation right after them (the service's own mark for the
// pause the command made), so a writer replaces the whole range by the command's effect.
import type { CommandOptions, DictationToken, SpokenCommand, SpokenCommandKind } from './types.js';
import {
  afterPunctuation,
  checkRange,
  isCapitalised,
  isSentenceEnd,
  nextToken,
  nonNegative,
  numberValue,
  pauseMs as pauseBetween,
  prevToken,
  rateReader,
  wordReader,
} from './words.js';

/** Defaults of `spokenCommands`. */
export const commandDefaults = Object.freeze({ pauseMs: 300 });

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'each',
  'every',
  'any',
  'some',
  'no',
  'another',
  'same',
  'whole',
  'entire',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'one',
]);
const PREPOSITIONS = new Set([
  'of',
  'in',
  'into',
  'to',
  'from',
  'for',
  'with',
  'without',
  'on',
  'at',
  'by',
  'through',
  'throughout',
  'during',
  'over',
  'under',
  'out',
  'about',
]);
const PERIOD_MODIFIERS = new Set([
  'menstrual',
  'postoperative',
  'postop',
  'perioperative',
  'preoperative',
  'postpartum',
  'perinatal',
  'neonatal',
  'recovery',
  'observation',
  'waiting',
  'washout',
  'refractory',
  'incubation',
  'latent',
  'trial',
  'grace',
  'followup',
  'short',
  'long',
  'brief',
  'extended',
  'prolonged',
  'initial',
  'early',
  'late',
  'prior',
  'previous',
  'transition',
  'study',
  'treatment',
  'induction',
  'maintenance',
  'titration',
  'dosing',
  'interval',
  'time',
  'symptomfree',
  'asymptomatic',
  'critical',
  'quiet',
  'rest',
  'healing',
  'second',
  'seconds',
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'night',
  'nights',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
]);
const COMA_MODIFIERS = new Set([
  'diabetic',
  'hepatic',
  'uremic',
  'myxedema',
  'hyperosmolar',
  'hypoglycemic',
  'induced',
  'medically',
  'alcoholic',
  'barbiturate',
  'irreversible',
  'deep',
  'prolonged',
]);
const COLON_MODIFIERS = new Set([
  'ascending',
  'descending',
  'transverse',
  'sigmoid',
  'rectosigmoid',
  'right',
  'left',
  'distal',
  'proximal',
  'redundant',
  'spastic',
  'irritable',
  'mid',
  'midtransverse',
  'entire',
  'remaining',
  'residual',
  'normal',
  'dilated',
]);

const PHRASES: ReadonlyMap<string, SpokenCommandKind> = new Map([
  ['new paragraph', 'new-paragraph'],
  ['next paragraph', 'new-paragraph'],
  ['new line', 'new-line'],
  ['next line', 'new-line'],
  ['next number', 'next-number'],
  ['full stop', 'period'],
]);
const MARKS: ReadonlyMap<string, SpokenCommandKind> = new Map([
  ['period', 'period'],
  ['comma', 'comma'],
  ['colon', 'colon'],
]);

/**
 * The spoken formatting commands in `tokens[first, end)`, in order and without overlaps. Only for
 * dictations whose user asked for them: the same words are ordinary speech elsewhere.
 */
export function spokenCommands(
  tokens: readonly DictationToken[],
  first: number,
  end: number,
  options: CommandOptions = {},
): SpokenCommand[] {
  checkRange(tokens, first, end);
  const pauseMs = nonNegative('pauseMs', options.pauseMs, commandDefaults.pauseMs);
  const word = wordReader(tokens, first, end);
  const isWord = (i: number) => i >= 0 && tokens[i]!.kind === 'word' && word(i) !== '';
  const rate = rateReader(tokens, first, end);
  const paused = (a: number, b: number) => pauseBetween(tokens[a]!, tokens[b]!, rate()) >= pauseMs;

  /** Left side of word `i`: 'start' (range start, punctuation, pause), else the previous word's index. */
  const before = (i: number): 'start' | number => {
    const p = prevToken(tokens, i, first);
    if (p < 0 || tokens[p]!.kind === 'punctuation' || paused(p, i)) return 'start';
    return isWord(p) ? p : 'start';
  };
  /** One past the command ending at word `last` when a boundary or a capitalised word follows, else -1. */
  const after = (last: number, alsoNumber = false): number => {
    const k = nextToken(tokens, last, end);
    if (k < 0) return end;
    const next = tokens[k]!;
    if (next.kind === 'punctuation') return afterPunctuation(tokens, k, end);
    if (isCapitalised(next.text) || paused(last, k)) return k;
    if (alsoNumber && /^\d/.test(next.text)) return k;
    return -1;
  };
  /** Words since the sentence start, up to and including `i`. */
  const sentenceWords = (i: number): number => {
    let n = 0;
    for (let k = i; k >= first; k--) {
      const t = tokens[k]!;
      if (t.kind === 'punctuation' && isSentenceEnd(t)) break;
      if (isWord(k)) n++;
    }
    return n;
  };

  const out: SpokenCommand[] = [];
  for (let i = first; i < end; i++) {
    // Every command word starts with one of these letters: skip the others before normalising them.
    if (tokens[i]!.kind !== 'word' || !/^[cfnp]/i.test(tokens[i]!.text) || !isWord(i)) continue;
    const w = word(i);
    const k = nextToken(tokens, i, end);
    const pair = isWord(k) ? PHRASES.get(`${w} ${word(k)}`) : undefined;
    let found: SpokenCommand | null = null;
    if (pair) {
      const left = before(i);
      const leftOk = left === 'start' || !(DETERMINERS.has(word(left)) || PREPOSITIONS.has(word(left)));
      const stop = after(k);
      if (leftOk && stop >= 0) found = { kind: pair, start: i, end: stop };
    } else if (w === 'number' && isWord(k)) {
      const n = numberValue(word(k));
      const stop = n === null ? -1 : after(k);
      if (n !== null && stop >= 0 && before(i) === 'start')
        found = { kind: 'next-number', start: i, end: stop, number: n };
    } else {
      const kind = MARKS.get(w);
      // A mark follows the word it punctuates, pause or not ("stable … period").
      const left = kind ? prevToken(tokens, i, first) : -1;
      if (kind && isWord(left)) {
        const lw = word(left);
        const guard = DETERMINERS.has(lw) || PREPOSITIONS.has(lw) || /^\d/.test(tokens[left]!.text);
        const numberWord = numberValue(lw) !== null;
        if (kind === 'period' && !guard && !numberWord && !PERIOD_MODIFIERS.has(lw)) {
          const stop = after(i);
          if (stop >= 0) found = { kind, start: i, end: stop };
        } else if (kind === 'comma' && !guard && !COMA_MODIFIERS.has(lw)) {
          const k2 = nextToken(tokens, i, end);
          found = {
            kind,
            start: i,
            end: k2 >= 0 && tokens[k2]!.kind === 'punctuation' ? afterPunctuation(tokens, k2, end) : i + 1,
          };
        } else if (kind === 'colon' && !guard && !COLON_MODIFIERS.has(lw) && sentenceWords(i) <= 7) {
          const stop = after(i, true);
          if (stop >= 0) found = { kind, start: i, end: stop };
        }
      }
    }
    if (found) {
      out.push(found);
      i = found.end - 1;
    }
  }
  return out;
}
