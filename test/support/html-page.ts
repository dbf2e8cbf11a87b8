// Reading a review page back in Node: its word elements (in the transcript section), the page data, the decoded
// word table, and the words the shared layout says the page must show.
import type { Transcript } from '@scribekit/core';
import { documentLayout, type ExportOptions } from '@scribekit/exporters';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]!);

export interface PageWord {
  readonly text: string;
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly confidence: number | null;
  readonly classes: readonly string[];
}

export interface PageData {
  readonly hash: string;
  readonly tokens: number;
  readonly threshold: number;
  readonly w: {
    readonly n: number;
    readonly q: number;
    readonly i: string;
    readonly s: string;
    readonly d: string;
    readonly c: string;
  };
  readonly phi: Record<string, string>;
}

/** The page's embedded data (the JSON script element). */
export function pageData(html: string): PageData {
  const m = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no page data');
  return JSON.parse(m[1]!) as PageData;
}

/** The word table decoded: token index, start, end and confidence of each word element. */
export function decodeWordTable(
  w: PageData['w'],
): { index: number; startMs: number; endMs: number; confidence: number | null }[] {
  const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ#$%*+/';
  const LAST = '0123456789abcdefghijklmnopqrstuv';
  let si = 0;
  let di = 0;
  const next = (str: string, at: number): [number, number] => {
    let v = 0;
    for (let p = at; p < str.length; p++) {
      const m = MORE.indexOf(str[p]!);
      if (m < 0) return [v * 32 + LAST.indexOf(str[p]!), p + 1];
      v = v * 32 + m;
    }
    throw new Error('word table: a number runs off the end');
  };
  const out = [];
  let index = -1;
  let t = 0;
  let ii = 0;
  let ci = 0;
  for (let k = 0; k < w.n; k++) {
    if (w.i[ii] === '(') {
      const close = w.i.indexOf(')', ii);
      index += Number.parseInt(w.i.slice(ii + 1, close), 36);
      ii = close + 1;
    } else index += Number.parseInt(w.i[ii++]!, 36);
    let confidence: number | null;
    if (w.c[ci] === '_') {
      confidence = null;
      ci++;
    } else if (w.c[ci] === '!') {
      confidence = 1;
      ci++;
    } else {
      confidence = Number.parseInt(w.c.slice(ci, ci + 2), 36) / 1000;
      ci += 2;
    }
    const [g, s1] = next(w.s, si);
    si = s1;
    t += (g % 2 === 1 ? -(g + 1) / 2 : g / 2) * w.q;
    const startMs = t;
    const [d, d1] = next(w.d, di);
    di = d1;
    t += d * w.q;
    out.push({ index, startMs, endMs: t, confidence });
  }
  if (ii !== w.i.length || ci !== w.c.length || si !== w.s.length || di !== w.d.length)
    throw new Error('word table: trailing data');
  return out;
}

/** The word elements of the transcript section with their decoded token index, times and confidence. */
export function pageWords(html: string): PageWord[] {
  const start = html.indexOf('<section id="transcript"');
  const end = html.indexOf('</section>', start);
  const body = html.slice(start, end);
  const table = decodeWordTable(pageData(html).w);
  const out: PageWord[] = [];
  for (const m of body.matchAll(/<i(?: class=(?:"([^"]*)"|(\w+)))?(?: tabindex=0)?>([^<]*)<\/i>/g)) {
    const entry = table[out.length];
    if (entry === undefined) throw new Error('more word elements than table entries');
    out.push({ ...entry, text: unescapeHtml(m[3]!), classes: (m[1] ?? m[2])?.split(' ') ?? [] });
  }
  if (out.length !== table.length)
    throw new Error(`${out.length} word elements, ${table.length} table entries`);
  return out;
}

/** The token indexes the page must show as words: the layout's headings and paragraphs, item markers left out. */
export function expectedWordIndexes(t: Transcript, options: ExportOptions = {}): number[] {
  const { t: shown, layout } = documentLayout(t, options);
  const out: number[] = [];
  const range = (first: number, end: number) => {
    for (let k = first; k < end; k++) {
      const tok = shown.tokens[k]!;
      if (tok.kind === 'word' && tok.text !== '' && !layout.consumed.has(k)) out.push(k);
    }
  };
  for (const s of layout.sections) {
    if (s.heading) range(s.heading.first, s.heading.end);
    for (const b of s.blocks) for (const p of b.paragraphs) range(p.item ? p.item.markerEnd : p.first, p.end);
  }
  return out;
}
