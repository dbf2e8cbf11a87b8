// HealthScribe summary text shared by the plain-text, Markdown and HTML writers (the transcript's paragraphs
// come from the shared layout, layout/).

/** Title-case of a summary section name: `CHIEF_COMPLAINT` → `Chief complaint`. */
export function sectionTitle(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A summary bullet as one line: the service's own leading `-`/`•` dropped, line breaks folded. */
export function bulletText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/^\s*[-•*]\s+/, '')
    .trim();
}
