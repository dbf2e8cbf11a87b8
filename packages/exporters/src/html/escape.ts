// Escaping for the review page: element text, attribute values, and JSON inside a <script> element.

const TEXT: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe as element content (and, as every quote is escaped too, as a quoted attribute value). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT[c]!);
}

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes (so neither
 * `</script>` nor `<!--` can appear), and U+2028/U+2029 escaped as well.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
