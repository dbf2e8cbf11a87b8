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
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]!);

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
  readonly w: { readonly i: string; readonly s: string; readonly d: string; readonly c: string };
  readonly phi: Record<string, string>;
}

/** The page's embedded data (the JSON script element). */
export function pageData(html: string): PageData {
  const m = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no page data');
  return JSON.parse(m[1]!) as PageData;
}

/** The word elements of the transcript section with their decoded token index, times and confidence. */
export function pageWords(html: string): PageWord[] {
  const start = html.indexOf('<section id="transcript"');
  const end = html.indexOf('</section>', start);
  const body = html.slice(start, end);
  const data = pageData(html);
  const list = (s: string) =>
    s === '' ? [] : s.split(',').map((x) => (x === '' ? null : Number.parseInt(x, 36)));
  const [di, ds, dd, dc] = [list(data.w.i), list(data.w.s), list(data.w.d), list(data.w.c)];
  const out: PageWord[] = [];
  let index = -1;
  let t = 0;
  for (const m of body.matchAll(/<i(?: class="([^"]*)")?(?: tabindex="0")?>([^<]*)<\/i>/g)) {
    const k = out.length;
    index += di[k]!;
    t += ds[k]!;
    out.push({
      text: unescape(m[2]!),
      index,
      startMs: t,
      endMs: t + dd[k]!,
      confidence: dc[k] === null || dc[k] === undefined ? null : dc[k]! / 1000,
      classes: m[1]?.split(' ') ?? [],
    });
  }
  if (out.length !== di.length) throw new Error(`${out.length} word elements, ${di.length} table entries`);
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

/** A silent 8 kHz mono 8-bit PCM WAV of `ms` milliseconds. */
export function silentWav(ms: number): Buffer {
  const samples = Math.ceil((ms / 1000) * 8000);
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples, 40);
  return b;
}
