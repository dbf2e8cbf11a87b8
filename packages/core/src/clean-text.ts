// Text that every output can carry safely: no control characters, no bidirectional overrides (which can
// make a line read differently from what it holds), no lone surrogates, and no line breaks inside a word.
// Nothing is dropped: whitespace runs become one space, everything else unsafe becomes U+FFFD.

/**
 * C0 and C1 controls (tab, CR, LF and other whitespace are folded into spaces first), DEL, the bidi embedding,
 * override and isolate controls (U+202A–U+202E, U+2066–U+2069) and lone surrogates.
 */
const SURROGATES = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSAFE = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]|${SURROGATES}`,
  'g',
);
/** The same, for multi-line text (summary bullets), which keeps its tabs and line breaks. */
const UNSAFE_MULTILINE = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]|${SURROGATES}`,
  'g',
);
/** Whitespace other than a plain space: line and paragraph breaks, tabs, form feeds, NEL, U+2028/U+2029. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** What `cleanText` changed. */
export interface CleanedText {
  readonly text: string;
  /** Line breaks or tabs became spaces. */
  readonly spaces: boolean;
  /** Control, bidi-override or broken characters became U+FFFD. */
  readonly replaced: boolean;
}

const has = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
};

/** Cleans one piece of text (a token, a label); `inline: false` keeps line breaks (summary bullets). */
export function cleanText(text: string, inline = true): CleanedText {
  let out = text;
  const spaces = inline && has(BREAKS, out);
  if (spaces) out = out.replace(BREAKS, ' ');
  const unsafe = inline ? UNSAFE : UNSAFE_MULTILINE;
  const replaced = has(unsafe, out);
  if (replaced) out = out.replace(unsafe, '\ufffd');
  return { text: out, spaces, replaced };
}

/** Counts changes over many texts, for one warning per kind. */
export class TextCleaner {
  spaces = 0;
  replaced = 0;

  /** The cleaned text (and the change counted). */
  clean(text: string, inline = true): string {
    const c = cleanText(text, inline);
    if (c.spaces) this.spaces++;
    if (c.replaced) this.replaced++;
    return c.text;
  }

  /** Warnings (counts only, never the text) for what was changed. */
  warnings(what: string): string[] {
    const out: string[] = [];
    if (this.spaces > 0)
      out.push(`${this.spaces} ${what} held line breaks or tabs; they were replaced with spaces`);
    if (this.replaced > 0)
      out.push(
        `${this.replaced} ${what} held control, bidirectional-override or broken characters; they were replaced with U+FFFD`,
      );
    return out;
  }
}

/**
 * A value from the input (a job status, a service's failure reason) made fit for a one-line message: control,
 * bidi and line-break characters escaped as `\n`, `\u202e`…, and cut to `max` characters with `…`.
 */
export function messageValue(value: string, max = 160): string {
  const escaped = value.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) =>
      ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}
