// Text that is safe inside WordprocessingML: characters XML 1.0 forbids become U+FFFD (visible, never dropped).
// `<`, `&` and quotes are escaped by the docx package itself.

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WHITESPACE = /[\t\n\r]+/g;

/** Replaces XML-forbidden characters (controls, lone surrogates, U+FFFE/U+FFFF) by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

/** A one-line label (names, metadata): XML-safe, with tabs and line breaks turned into single spaces. */
export function xmlSafeLine(text: string): string {
  return xmlSafe(text).replace(WHITESPACE, ' ');
}
