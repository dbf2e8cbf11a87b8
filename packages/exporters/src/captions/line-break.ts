// Where a caption may break (between cues or between lines) and how a cue's words wrap into lines.

/** A word with its attached punctuation, as placed on a caption line. */
export interface LineUnit {
  readonly text: string;
  /** What goes before it when it follows another unit on a line: ' ' or '' (CJK, attached). */
  readonly sep: string;
}

const NO_BREAK_AFTER = new Set(
  'a an the this that these those my your his her its our their of to in on at by for with from into onto about as than and or but nor if is are was were be been being am have has had do does did will would shall can could should may might must not no very mr mrs ms dr'.split(
    ' ',
  ),
);
const BREAK_BEFORE = new Set(
  'and but or nor so because which who whom whose that when where while if then although though unless since after before until with without for to in on at from about into during between'.split(
    ' ',
  ),
);
/** Verbs whose `to` is an infinitive marker, not a preposition: `need / to refill` is a poor break. */
const BEFORE_INFINITIVE = new Set(
  'need needs needed want wants wanted have has had going trying try tries tried able like used ought supposed got'.split(
    ' ',
  ),
);
const SUBJECTS = new Set("i you he she we they it i'm you're he's she's we're they're it's".split(' '));
const NUMBER_WORDS = new Set(
  'zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million point'.split(
    ' ',
  ),
);
/** Abbreviations whose full stop does not end a sentence (and which belong to the next word). */
const ABBREVIATION = /^(mr|mrs|ms|dr|prof|st|sr|jr|vs|etc|approx|e\.g|i\.e)\.$/i;
const SENTENCE_END = /[.?!…。？！]["'”’)\]]*$/u;
const CLAUSE_END = /[,;:、，；：]["'”’)\]]*$/u;

/** Characters a sentence or clause end (and an abbreviation's full stop) can end with. */
const END_CHARS = new Set('.?!…。？！,;:、，；："\'”’)]');

/** `bare()` of recent texts: words repeat, and each is asked about as the text before and after a break. */
const bareCache = new Map<string, string>();

function bare(text: string): string {
  let b = bareCache.get(text);
  if (b === undefined) {
    b = text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
    if (bareCache.size >= 20_000) bareCache.clear();
    bareCache.set(text, b);
  }
  return b;
}

/**
 * Cost of a break after `prev` (and before `next`, null at the end of a run); lower is better:
 * sentence end 0, clause punctuation 1, before a conjunction/preposition 2, elsewhere 4, between
 * two capitalised words (names) 5, near or inside numbers 6, after a subject pronoun 7, after an
 * article, preposition, auxiliary or title (`Mr.`) 8.
 */
export function breakCost(prev: string, next: string | null): number {
  // Most words end in a letter: then none of the three end patterns can match.
  if (END_CHARS.has(prev.charAt(prev.length - 1))) {
    if (ABBREVIATION.test(prev)) return 8;
    if (SENTENCE_END.test(prev)) return 0;
    if (CLAUSE_END.test(prev)) return 1;
  }
  const p = bare(prev);
  if (NO_BREAK_AFTER.has(p)) return 8;
  if (next === null) return 4;
  const n = bare(next);
  if (n === 'to' && BEFORE_INFINITIVE.has(p)) return 5;
  if (BREAK_BEFORE.has(n)) return 2;
  if (SUBJECTS.has(p)) return 7;
  if (/^\d/.test(next) || /\d$/.test(prev) || (NUMBER_WORDS.has(p) && NUMBER_WORDS.has(n))) return 6;
  if (/^\p{Lu}/u.test(prev) && /^\p{Lu}/u.test(next)) return 5;
  return 4;
}

/** Width of units[a..b) on one line. */
function width(units: readonly LineUnit[], a: number, b: number): number {
  let w = 0;
  for (let k = a; k < b; k++) w += units[k]!.text.length + (k > a ? units[k]!.sep.length : 0);
  return w;
}

function join(units: readonly LineUnit[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) s += k > a ? units[k]!.sep + units[k]!.text : units[k]!.text;
  return s;
}

/**
 * Wraps a cue into the fewest lines of at most `maxLineChars` (up to `maxLines`), choosing breaks by
 * linguistic quality first and balance second (a slightly longer bottom line is preferred). When the
 * first unit is a speaker label it is never left alone on a line if anything else fits beside it.
 * When nothing fits (a single word longer than a line), lines are filled greedily.
 */
export function breakLines(
  units: readonly LineUnit[],
  maxLineChars: number,
  maxLines: number,
  labelFirst = false,
): string[] {
  const n = units.length;
  if (n === 0) return [];
  if (width(units, 0, n) <= maxLineChars || n === 1) return [join(units, 0, n)];
  const labelPenalty = (k: number) => (labelFirst && k === 1 ? 1000 : 0);
  if (maxLines >= 2) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let k = 1; k < n; k++) {
      const a = width(units, 0, k);
      if (a > maxLineChars) break;
      const b = width(units, k, n);
      if (b > maxLineChars) continue;
      const cost =
        breakCost(units[k - 1]!.text, units[k]!.text) * 10 +
        Math.abs(a - b) / 1.5 +
        (a > b ? 1 : 0) +
        labelPenalty(k);
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    }
    if (best > 0) return [join(units, 0, best), join(units, best, n)];
  }
  if (maxLines >= 3) {
    let best: [number, number] | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let k1 = 1; k1 < n - 1; k1++) {
      const a = width(units, 0, k1);
      if (a > maxLineChars) break;
      for (let k2 = k1 + 1; k2 < n; k2++) {
        const b = width(units, k1, k2);
        if (b > maxLineChars) break;
        const c = width(units, k2, n);
        if (c > maxLineChars) continue;
        const cost =
          (breakCost(units[k1 - 1]!.text, units[k1]!.text) +
            breakCost(units[k2 - 1]!.text, units[k2]!.text)) *
            10 +
          (Math.max(a, b, c) - Math.min(a, b, c)) / 1.5 +
          labelPenalty(k1);
        if (cost < bestCost) {
          bestCost = cost;
          best = [k1, k2];
        }
      }
    }
    if (best) return [join(units, 0, best[0]), join(units, best[0], best[1]), join(units, best[1], n)];
  }
  return greedy(units, maxLineChars, labelFirst);
}

/** Fills lines left to right; an overlong unit gets a line of its own. */
function greedy(units: readonly LineUnit[], maxLineChars: number, labelFirst: boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  let w = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    const keepWithLabel = labelFirst && start === 0 && k === 1;
    if (k > start && w + u.sep.length + u.text.length > maxLineChars && !keepWithLabel) {
      lines.push(join(units, start, k));
      start = k;
      w = u.text.length;
    } else w += (k > start ? u.sep.length : 0) + u.text.length;
  }
  lines.push(join(units, start, units.length));
  return lines;
}
