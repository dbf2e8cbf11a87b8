// Speaks a typed clinical report as Amazon Transcribe Medical DICTATION output (batch JSON), keeping the
// report's structure as the truth. Used by the dictation benchmark and conformance test, and to make the
// bundled example. A report is text whose headings end with a colon (`HISTORY OF PRESENT ILLNESS:`,
// `Neck:`), with numbered items (`1. …`) and sentences; the MTSamples CSV's `,` line breaks are read too.
//
// How it speaks (each choice drawn from a seeded RNG, so a seed gives the same file every time):
// - headings in lower case (sentence case after a period), followed by a period, a comma or only a pause;
// - list numbers as Transcribe Medical writes them: `one`…`ten` as words, 11 and up as digits, sometimes
//   `number one` or a bare digit, followed by a period, a comma or a pause;
// - punctuation only `.` `,` `?` (`;` `:` `!` and brackets become commas, periods or nothing), sentence case
//   after a period, small numbers as words (Transcribe Medical writes cardinals above 10 as digits);
// - word durations from their length, Transcribe-like gaps (mostly 0–20 ms), pauses at commas and sentence
//   ends, longer ones around headings, and occasional hesitations inside sentences.
// Models: `clinician` (the default) and `variant` — another speaker for robustness figures: other pause
// lengths (some heading pauses shorter than the detector's default), more pause-only headings and
// hesitations, capitalised words after pause-only headings, paraphrased headings ("history of the present
// illness", "exam", "a and p", "pre-op diagnosis"), and now and then no period before a heading.
//
// CLI: node bench/dictation/speak.mjs <report.txt> [--seed N] [--model clinician|variant] [--job NAME]
//        [--out FILE]…   (prints the JSON when no --out is given)

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** RFC 4180 CSV → array of records keyed by the header row (quoted fields, `""` escapes, newlines in quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const CAPS_HEADING = /^([A-Z][A-Z0-9 ,/&'()-]*[A-Z)])\s*:\s*(.*)$/s;
const MIXED_HEADING = /^([A-Z][A-Za-z'/&-]*(?:,? [A-Za-z/&'-]+){0,4})\s*:\s*(.*)$/s;
/** A line of capitals alone (`PHYSICAL EXAMINATION`), or capitals and a comma before the text. */
const CAPS_LINE = /^([A-Z][A-Z0-9 /&'-]*[A-Z])(?:,\s*(\p{Lu}.*))?$/su;

/**
 * A report → blocks: `{ type: 'heading', text }` and `{ type: 'text', text, item? }` (item = the list number
 * when the text starts a numbered item). The MTSamples CSV writes line breaks as `,` after `.` or `:`.
 */
export function parseReport(report) {
  const text = report
    .replace(/\r\n?/g, '\n')
    .replace(/,\s*:/g, ':')
    .replace(/([.:?!])[ \t]*,[ \t]*/g, '$1\n')
    .replace(/,(?=[A-Z][A-Z])/g, '\n')
    .replace(/[ \t]+,(?=\S)/g, ' ');
  const blocks = [];
  let expected = 1;
  const pushSentence = (s) => {
    let rest = s.trim();
    while (rest !== '') {
      const m = CAPS_HEADING.exec(rest) ?? MIXED_HEADING.exec(rest);
      if (!m || (/\d/.test(m[1].replace(/\(.*?\)/g, '')) && !CAPS_HEADING.test(rest))) break;
      blocks.push({ type: 'heading', text: m[1].trim() });
      expected = 1;
      rest = m[2].trim();
    }
    if (rest === '') return;
    const item = /^(\d{1,2})[.)]\s+(\S.*)$/s.exec(rest);
    if (item && Number(item[1]) === expected) {
      blocks.push({ type: 'text', text: item[2], item: expected });
      expected++;
    } else if (item && Number(item[1]) === 1) {
      expected = 2;
      blocks.push({ type: 'text', text: item[2], item: 1 });
    } else blocks.push({ type: 'text', text: rest });
  };
  for (let line of text.split('\n')) {
    const caps = CAPS_LINE.exec(line.trim());
    if (caps && /[A-Z]{2}/.test(caps[1])) {
      blocks.push({ type: 'heading', text: caps[1] });
      expected = 1;
      line = caps[2] ?? '';
    }
    // Sentences; a bare `1.` stays with the sentence after it.
    const pieces = line.split(/(?<=[.?!])\s+(?=\S)/);
    for (let i = 0; i < pieces.length; i++) {
      let piece = pieces[i];
      while (/^\d{1,2}[.)]$/.test(piece.trim()) && i + 1 < pieces.length) piece = `${piece} ${pieces[++i]}`;
      if (piece.trim() !== '') pushSentence(piece);
    }
  }
  return blocks;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const UNITS = /^(mg|mcg|g|kg|ml|cc|cm|mm|m|l|%|units?|mmhg|french|fr|hours?|days?|weeks?|months?|years?)$/i;
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'approx',
  'no',
]);

/** Typed text → spoken words with their punctuation: `[{ word, punct }]` (punct '', '.', ',' or '?'). */
function wordsOf(text) {
  const clean = text
    .replace(/[()[\]{}"“”*]/g, ' ')
    .replace(/(\d):(\d)/g, '$1\u0000$2')
    .replace(/[;:]/g, ',')
    .replace(/\u0000/g, ':')
    .replace(/!/g, '.')
    .replace(/,(?!\d)/g, ', ')
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    .replace(/(\p{L})\/(\p{L})/gu, '$1 $2')
    .replace(/\s[-–—]+\s/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const out = [];
  const parts = clean === '' ? [] : clean.split(' ');
  for (let n = 0; n < parts.length; n++) {
    const m = /^(.*?)([.,?]*)$/s.exec(parts[n]);
    let word = m[1].replace(/^[-–—',.]+|[-–—']+$/g, '');
    let punct = m[2].charAt(0);
    if (punct === '.' && ABBREVIATIONS.has(word.toLowerCase())) {
      word += '.';
      punct = '';
    }
    if (word === '') {
      if (punct && out.length > 0 && out[out.length - 1].punct === '') out[out.length - 1].punct = punct;
      continue;
    }
    const next = parts[n + 1]?.replace(/[.,?]+$/, '') ?? '';
    if (/^\d+$/.test(word) && Number(word) <= 10 && !UNITS.test(next)) word = NUMBER_WORDS[Number(word)];
    if (word.length > 4 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) word = word.toLowerCase();
    // A typed sentence's capital is the typist's: the speaker's sentence case is applied when spoken.
    const typedStart = out.length === 0 || /[.?]/.test(out[out.length - 1].punct);
    if (typedStart && /^\p{Lu}[^\p{Lu}]*$/u.test(word)) word = word.toLowerCase();
    out.push({ word, punct });
  }
  return out;
}

const PARAPHRASES = [
  [/^history of present illness$/, ['history of the present illness', 'history of present illness'], 0.5],
  [/^physical examination$/, ['exam', 'physical exam'], 0.6],
  [/^assessment and plan$/, ['a and p'], 0.4],
  [/^preoperative diagnos(is|es)$/, ['pre-op diagnosis', 'pre-operative diagnosis'], 0.4],
  [/^postoperative diagnos(is|es)$/, ['post-op diagnosis', 'post-operative diagnosis'], 0.4],
  [/^estimated blood loss$/, ['EBL'], 0.3],
  [/^laboratory data$/, ['labs'], 0.5],
  [/^review of systems$/, ['ROS'], 0.2],
  [/^plan$/, ['plan of care'], 0.2],
];

/** The spoken words of a heading as a clinician says it. */
function headingWords(text, model, random) {
  let spoken = text
    .replace(/\((?:ES|S|es|s)\)/g, '')
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s*[/&]\s*/g, ' and ')
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (model === 'variant') {
    for (const [pattern, forms, p] of PARAPHRASES) {
      if (pattern.test(spoken) && random() < p) spoken = forms[Math.floor(random() * forms.length)];
    }
  }
  return spoken.split(' ').filter(Boolean);
}

const MODELS = {
  clinician: {
    headingDelimiter: [
      [',', 0.4],
      ['.', 0.35],
      ['', 0.25],
    ],
    headingPause: [450, 1400],
    capitalAfterPause: 0.15,
    hesitation: 0.02,
    hesitationMs: [200, 700],
    missingPeriod: 0,
    beforeHeading: [500, 1500],
    stretch: [0, 0.5],
  },
  variant: {
    headingDelimiter: [
      [',', 0.3],
      ['.', 0.3],
      ['', 0.4],
    ],
    headingPause: [200, 1000],
    capitalAfterPause: 0.5,
    hesitation: 0.04,
    hesitationMs: [200, 900],
    missingPeriod: 0.08,
    beforeHeading: [700, 1800],
    stretch: [0.5, 1],
  },
};

const pick = (random, choices) => {
  let r = random();
  for (const [value, p] of choices) {
    r -= p;
    if (r < 0) return value;
  }
  return choices[choices.length - 1][0];
};
const between = (random, [lo, hi]) => Math.round(lo + random() * (hi - lo));
const capitalise = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Speaks a report (text or blocks from `parseReport`) as a Transcribe Medical DICTATION batch result.
 * Returns `{ json, truth }`: `truth.headings` = `[{ text, start, body }]` (item indexes of the heading's first
 * word and of the first word after it), `truth.items` = `[{ ordinal, marker, content, heading }]`.
 * Item indexes equal canonical token indexes (one token per item, in time order).
 */
export function speakReport(report, options = {}) {
  const { seed = 1, model: modelName = 'clinician', jobName = `dictation-${seed}` } = options;
  const model = MODELS[modelName];
  if (!model) throw new Error(`unknown model ${modelName}`);
  const random = rng(seed);
  const blocks = typeof report === 'string' ? parseReport(report) : report;
  const items = [];
  const truth = { headings: [], items: [] };
  let t = 400;
  let sentenceStart = true;
  let pendingHeading = null;

  const lastPunct = () => items[items.length - 1]?.type === 'punctuation';
  const punct = (content) =>
    items.push({ type: 'punctuation', alternatives: [{ confidence: '0.0', content }] });
  const endSentence = () => {
    const last = items[items.length - 1];
    if (!last) return;
    if (last.type === 'punctuation') {
      if (last.alternatives[0].content === ',') last.alternatives[0].content = '.';
    } else punct('.');
    sentenceStart = true;
  };
  let carry = 0;
  let lastWord = null;
  const say = (raw, gapBefore) => {
    let word = raw;
    if (sentenceStart) word = capitalise(word);
    sentenceStart = false;
    const pause = gapBefore + carry;
    carry = 0;
    // Transcribe stretches the word before a pause over part of it.
    if (lastWord && pause >= 120)
      lastWord.endMs += Math.round(
        pause * (model.stretch[0] + random() * (model.stretch[1] - model.stretch[0])),
      );
    t += pause;
    const dur = Math.min(1100, Math.max(90, Math.round((70 + 38 * word.length) * (0.8 + random() * 0.45))));
    const index = items.length;
    lastWord = {
      startMs: t,
      endMs: t + dur,
      alternatives: [{ confidence: (0.86 + random() * 0.14).toFixed(4), content: word }],
      type: 'pronunciation',
    };
    items.push(lastWord);
    t += dur;
    if (pendingHeading) {
      pendingHeading.body = index;
      pendingHeading = null;
    }
    return index;
  };
  const wordGap = () => {
    const r = random();
    if (r < model.hesitation) return between(random, model.hesitationMs);
    return r < 0.6 ? Math.floor(random() * 20) : between(random, [20, 120]);
  };
  /** Gap before the next word after the last token (a pause at punctuation). */
  const gapAfter = () => {
    const last = items[items.length - 1];
    if (last?.type !== 'punctuation') return wordGap();
    return last.alternatives[0].content === ',' ? between(random, [120, 500]) : between(random, [250, 900]);
  };

  let headingIndex = -1;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const words = headingWords(block.text, modelName, random);
      if (words.length === 0) continue;
      let gap = items.length === 0 ? 0 : between(random, model.beforeHeading);
      if (items.length > 0 && !(random() < model.missingPeriod && !lastPunct())) endSentence();
      if (items.length > 0 && !lastPunct()) sentenceStart = false;
      const entry = { text: block.text, start: items.length, body: -1 };
      if (pendingHeading) pendingHeading.body = items.length;
      for (const w of words) {
        say(w, gap);
        gap = wordGap() % 60;
      }
      truth.headings.push(entry);
      headingIndex = truth.headings.length - 1;
      pendingHeading = entry;
      const delimiter = pick(random, model.headingDelimiter);
      if (delimiter === '') {
        carry += between(random, model.headingPause);
        sentenceStart = random() < model.capitalAfterPause;
      } else {
        punct(delimiter);
        carry += delimiter === '.' ? between(random, [350, 1100]) : between(random, [200, 800]);
        sentenceStart = delimiter === '.';
      }
      continue;
    }
    const words = wordsOf(block.text);
    if (words.length === 0) continue;
    const afterHeading = pendingHeading !== null;
    let gap = afterHeading ? 0 : gapAfter();
    if (block.item !== undefined) {
      if (!afterHeading && !lastPunct()) endSentence();
      if (!afterHeading) gap = between(random, [300, 900]);
      const style = random();
      const form = block.item <= 10 ? NUMBER_WORDS[block.item] : String(block.item);
      const marker = style < 0.3 ? ['number', form] : style < 0.45 ? [String(block.item)] : [form];
      const entry = { ordinal: block.item, marker: -1, content: -1, heading: headingIndex };
      for (const w of marker) {
        const at = say(w, gap);
        if (entry.marker < 0) entry.marker = at;
        gap = wordGap() % 60;
      }
      const delimiter = pick(random, [
        [',', 0.45],
        ['.', 0.35],
        ['', 0.2],
      ]);
      if (delimiter === '') {
        gap = between(random, [450, 1000]);
      } else {
        punct(delimiter);
        sentenceStart = delimiter === '.';
        gap = between(random, [150, 600]);
      }
      entry.content = items.length;
      truth.items.push(entry);
    }
    for (let n = 0; n < words.length; n++) {
      const { word, punct: mark } = words[n];
      say(word, n === 0 ? gap : gapAfter());
      if (mark) {
        punct(mark);
        if (mark !== ',') sentenceStart = true;
      }
    }
    if (!lastPunct()) punct('.');
    else if (items[items.length - 1].alternatives[0].content === ',')
      items[items.length - 1].alternatives[0].content = '.';
    sentenceStart = true;
  }
  if (items.length > 0 && !lastPunct()) punct('.');
  if (pendingHeading) pendingHeading.body = items.length;

  items.forEach((item, i) => {
    if (item.type !== 'pronunciation') return;
    const { startMs, endMs, alternatives, type } = item;
    const seconds = (ms) => (ms / 1000).toFixed(3);
    items[i] = { start_time: seconds(startMs), end_time: seconds(endMs), alternatives, type };
  });
  let transcript = '';
  for (const item of items) {
    const c = item.alternatives[0].content;
    transcript += item.type === 'punctuation' || transcript === '' ? c : ` ${c}`;
  }
  const json = {
    jobName,
    accountId: '000000000000',
    results: { transcripts: [{ transcript }], items },
    status: 'COMPLETED',
  };
  return { json, truth };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const value = (name) => args[args.indexOf(name) + 1];
  if (!file) {
    console.error(
      'usage: node bench/dictation/speak.mjs <report.txt> [--seed N] [--model M] [--job NAME] [--out FILE]…',
    );
    process.exit(2);
  }
  const { json } = speakReport(readFileSync(file, 'utf8'), {
    seed: args.includes('--seed') ? Number(value('--seed')) : 1,
    model: args.includes('--model') ? value('--model') : 'clinician',
    jobName: args.includes('--job') ? value('--job') : 'example-dictation-report',
  });
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const outs = args.flatMap((a, i) => (a === '--out' ? [args[i + 1]] : []));
  if (outs.length === 0) process.stdout.write(text);
  for (const out of outs) writeFileSync(out, text);
}
