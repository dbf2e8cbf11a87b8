// HL7 v2 text escaping (v2.5.1 §2.7) for the standard delimiters `|^~\&`, and its inverse for tests.
// Characters an HL7 message over MLLP cannot carry (C0/C1 controls — CR ends a segment, VT and FS frame
// MLLP — lone surrogates, U+FFFE/U+FFFF) become U+FFFD: visible, never dropped. `\Xhh\` is not used for
// them: it stands for raw bytes the receiver re-inserts (bringing the control back) and many receivers
// show it literally. Line breaks are the caller's: one value per line (TX repetitions) or `\.br\` (FT).

/** The five delimiters of a message (MSH-1 and MSH-2). */
export interface Hl7Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
}

/** `|^~\&`: the delimiters scribekit writes (anything else is legal but breaks receivers). */
export const HL7_DELIMITERS: Hl7Delimiters = Object.freeze({
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
});

const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;
const UNREPRESENTABLE =
  /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Splits text at line breaks (CRLF, CR, LF, NEL, U+2028, U+2029). */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** How many characters `escapeHl7` replaces by U+FFFD (for a warning; never the characters themselves). */
export function countUnrepresentable(text: string): number {
  return text.match(UNREPRESENTABLE)?.length ?? 0;
}

/**
 * One line of text as an HL7 value: delimiters escaped (`\F\ \S\ \R\ \E\ \T\`), tabs and line breaks as
 * single spaces, unrepresentable characters as U+FFFD. Use for every field, component and TX line.
 */
export function escapeHl7(text: string, delimiters: Hl7Delimiters = HL7_DELIMITERS): string {
  const d = delimiters;
  const safe = text.replace(UNREPRESENTABLE, '\uFFFD').replace(/\r\n|[\t\n\r\u0085\u2028\u2029]/g, ' ');
  let out = '';
  for (const ch of safe) {
    if (ch === d.escape) out += `${d.escape}E${d.escape}`;
    else if (ch === d.field) out += `${d.escape}F${d.escape}`;
    else if (ch === d.component) out += `${d.escape}S${d.escape}`;
    else if (ch === d.subcomponent) out += `${d.escape}T${d.escape}`;
    else if (ch === d.repetition) out += `${d.escape}R${d.escape}`;
    else out += ch;
  }
  return out;
}

/** Text as an FT (formatted text) value: each line escaped, line breaks as `\.br\`. */
export function escapeFormattedText(text: string, delimiters: Hl7Delimiters = HL7_DELIMITERS): string {
  return splitLines(text)
    .map((line) => escapeHl7(line, delimiters))
    .join(`${delimiters.escape}.br${delimiters.escape}`);
}

/**
 * The inverse, for reading values back: the delimiter escapes, `\.br\` and `\.sp\` as `\n`, `\Xhh…\` as
 * UTF-8 bytes, highlighting (`\H\`, `\N\`) and other formatting commands removed; an unterminated or
 * unknown sequence is kept as written.
 */
export function unescapeHl7(value: string, delimiters: Hl7Delimiters = HL7_DELIMITERS): string {
  const e = delimiters.escape;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (ch !== e) {
      out += ch;
      i++;
      continue;
    }
    const end = value.indexOf(e, i + 1);
    if (end < 0) {
      out += value.slice(i);
      break;
    }
    const seq = value.slice(i + 1, end);
    const decoded = decodeSequence(seq, delimiters);
    out += decoded ?? value.slice(i, end + 1);
    i = end + 1;
  }
  return out;
}

function decodeSequence(seq: string, d: Hl7Delimiters): string | null {
  switch (seq) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'H':
    case 'N':
      return '';
  }
  if (seq === '.br' || /^\.sp\d*$/.test(seq)) return '\n';
  if (/^\.(fi|nf|in[+-]?\d*|ti[+-]?\d*|sk\d*|ce)$/.test(seq)) return '';
  if (/^X([0-9A-Fa-f]{2})+$/.test(seq)) {
    const bytes = new Uint8Array((seq.length - 1) / 2);
    for (let k = 0; k < bytes.length; k++) bytes[k] = Number.parseInt(seq.slice(1 + 2 * k, 3 + 2 * k), 16);
    return new TextDecoder().decode(bytes);
  }
  return null;
}
