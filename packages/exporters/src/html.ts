// The review page: one self-contained HTML file (inline CSS and JS under a hash-based Content-Security-Policy,
// no network request, works from file://) to check, correct and sign off a transcript. The transcript view is
// the shared document layout (sections, speaker blocks, paragraphs, numbered items), every word an element;
// their token indexes, times, confidences and PHI types travel in one compact table the page script puts on
// the elements. Deterministic: the same input and options give the same bytes.
import { createHash } from 'node:crypto';
import { analyze, contentHash, formatClock, type Transcript } from '@scribekit/core';
import { displayName, redactionSummary } from './common.js';
import { type ConfidenceBin, confidenceChart, talkTimeChart } from './html/charts.js';
import { escapeHtml, jsonForScript } from './html/escape.js';
import { pageMedia } from './html/media.js';
import { type HtmlOptions, type ResolvedHtmlOptions, resolveHtmlOptions } from './html/options.js';
import { PAGE_SCRIPT } from './html/page-script.js';
import { PAGE_STYLE } from './html/page-style.js';
import type { DocumentLayout } from './layout/types.js';
import { phiTokenMask } from './phi-mask.js';
import { type RenderContext, renderContext } from './render/context.js';
import { bulletText, sectionTitle } from './text/paragraphs.js';

export type { HtmlOptions } from './html/options.js';

/** Renders the review page of a transcript (see `HtmlOptions`). */
export function toHtml(transcript: Transcript, options: HtmlOptions = {}): string {
  return writeHtml(renderContext(transcript, options));
}

const b36 = (n: number) => n.toString(36);
/** Non-final and final digits of the self-delimiting base-32 numbers of the word table. */
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ#$%*+/';
const LAST = '0123456789abcdefghijklmnopqrstuv';
/** `n` ≥ 0 in base 32, most significant digit first; every digit but the last from MORE. */
function varint(n: number): string {
  let out = LAST[n % 32]!;
  for (let v = Math.floor(n / 32); v > 0; v = Math.floor(v / 32)) out = MORE[v % 32]! + out;
  return out;
}
/** Signed → unsigned (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const NOT_RECORDED = 'not recorded';

/**
 * The word elements' table, compact (it is most of the page's data): per element its token index (the step from
 * the element before: one base-36 digit, or `(…)` for 36 and more), its start (the gap after the element before,
 * zigzag-signed) and duration in units of `q` ms (10 when every time is a multiple of 10), as self-delimiting
 * base-32 numbers (digits `A`–`/` but the last, `0`–`v`), and its confidence in thousandths (two base-36 digits;
 * `!` for 1, `_` for none).
 */
class WordTable {
  readonly i: string[] = [];
  readonly s: string[] = [];
  readonly d: string[] = [];
  readonly c: string[] = [];
  readonly phi: Record<number, string> = {};
  readonly alt: Record<number, string[]> = {};
  /** Element order by token index. */
  readonly order = new Map<number, number>();
  readonly q: number;
  #index = -1;
  #end = 0;

  constructor(t: Transcript) {
    this.q = t.tokens.every((k) => k.startMs % 10 === 0 && k.endMs % 10 === 0) ? 10 : 1;
  }

  add(t: Transcript, k: number, phiType: string | undefined): number {
    const tok = t.tokens[k]!;
    const n = this.i.length;
    const step = k - this.#index;
    this.i.push(step < 36 ? b36(step) : `(${b36(step)})`);
    this.s.push(varint(zigzag((tok.startMs - this.#end) / this.q)));
    this.d.push(varint((tok.endMs - tok.startMs) / this.q));
    const c = tok.confidence === null ? null : Math.round(tok.confidence * 1000);
    this.c.push(c === null ? '_' : c >= 1000 ? '!' : b36(c).padStart(2, '0'));
    if (phiType !== undefined) this.phi[n] = phiType;
    if (tok.alternatives && tok.alternatives.length > 0) this.alt[n] = tok.alternatives.map((a) => a.text);
    this.order.set(k, n);
    this.#index = k;
    this.#end = tok.endMs;
    return n;
  }
}

interface Body {
  readonly html: string;
  readonly words: WordTable;
}

/** The transcript view from the layout: headings, speaker blocks, paragraphs with times, word elements. */
function transcriptBody(
  t: Transcript,
  layout: DocumentLayout,
  o: ResolvedHtmlOptions,
  nameOf: (id: string | null, label: string) => string,
): Body {
  const words = new WordTable(t);
  const phi = o.highlightPhi && !t.redaction ? phiTokenMask(t) : null;
  const out: string[] = [];
  const range = (first: number, end: number, cap: boolean) => {
    let html = '';
    let leading = true;
    for (let k = first; k < end; k++) {
      const tok = t.tokens[k]!;
      const replaced = layout.consumed.get(k);
      const text = replaced ?? tok.text;
      if (text === '') continue;
      const space = html !== '' && tok.spaceBefore && replaced === undefined ? ' ' : '';
      if (tok.kind !== 'word' || replaced !== undefined) {
        html += space + escapeHtml(text);
        continue;
      }
      const entity = phi?.[k] ?? 0;
      const redacted =
        tok.redactedAs ?? tok.serviceRedaction?.type ?? (tok.serviceRedaction ? 'PII' : undefined);
      const phiType = redacted ?? (entity > 0 ? t.entities[entity - 1]!.type : undefined);
      const n = words.add(t, k, phiType);
      const classes: string[] = [];
      const low = tok.confidence !== null && tok.confidence < o.threshold && redacted === undefined;
      if (low) classes.push('l');
      if (redacted !== undefined) classes.push('r');
      else if (entity > 0) classes.push('p');
      if (leading && cap) classes.push('cap');
      leading = false;
      const focusable = low || words.alt[n] !== undefined;
      html += `${space}<i${classes.length === 0 ? '' : classes.length === 1 ? ` class=${classes[0]}` : ` class="${classes.join(' ')}"`}${focusable ? ' tabindex=0' : ''}>${escapeHtml(text)}</i>`;
    }
    return html;
  };
  if (t.tokens.length === 0) out.push('<p class="note">This transcript contains no words.</p>');
  for (const section of layout.sections) {
    const h = section.heading;
    if (h) {
      const tag = h.level === 1 ? 'h3' : 'h4';
      out.push(`<${tag} id="s-${escapeHtml(h.id)}">${range(h.first, h.end, true)}</${tag}>`);
    }
    for (const block of section.blocks) {
      block.paragraphs.forEach((p, i) => {
        const who =
          i === 0 && block.label !== null
            ? `<span class="who" data-spk="${escapeHtml(block.speaker ?? '')}">${escapeHtml(nameOf(block.speaker, block.label))}</span> `
            : '';
        const num = p.item ? `<span class="num">${p.item.ordinal}.</span> ` : '';
        const text = range(p.item ? p.item.markerEnd : p.first, p.end, p.opens === true);
        out.push(
          `<p data-s="${p.startMs}">${who}<span class="ts">[${formatClock(p.startMs)}]</span> ${num}${text}</p>`,
        );
      });
    }
  }
  return { html: out.join('\n'), words };
}

/** Confidence along the recording: up to 120 equal time bins of the word elements. */
function confidenceBins(t: Transcript, words: WordTable, threshold: number): ConfidenceBin[] {
  const duration = Math.max(t.durationMs, 1);
  const count = Math.min(120, Math.max(1, Math.ceil(duration / 5000)));
  const size = duration / count;
  const sum = new Float64Array(count);
  const scored = new Int32Array(count);
  const low = new Int32Array(count);
  const firstLow = new Int32Array(count).fill(-1);
  for (const [k, n] of words.order) {
    const tok = t.tokens[k]!;
    if (tok.confidence === null || tok.redactedAs !== undefined || tok.serviceRedaction !== undefined)
      continue;
    const b = Math.min(count - 1, Math.floor(tok.startMs / size));
    sum[b]! += tok.confidence;
    scored[b]!++;
    if (tok.confidence < threshold) {
      low[b]!++;
      if (firstLow[b] === -1) firstLow[b] = n;
    }
  }
  return Array.from({ length: count }, (_, b) => ({
    fromMs: Math.round(b * size),
    toMs: Math.round((b + 1) * size),
    mean: scored[b]! > 0 ? sum[b]! / scored[b]! : null,
    firstLow: firstLow[b]!,
    low: low[b]!,
  }));
}

function instant(iso: string | undefined): string {
  if (!iso) return NOT_RECORDED;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const humanize = (name: string) => sectionTitle(name);
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The review page writer of the registry. */
export function writeHtml(ctx: RenderContext): string {
  const { t, options } = ctx;
  const o = ctx.once('options:html', () => resolveHtmlOptions(options));
  const layout = ctx.layout();
  const media = pageMedia(o);
  const a = analyze(t, { lowConfidenceThreshold: o.threshold });
  const label = (id: string) => displayName(t, id, options) ?? id;
  const body = transcriptBody(t, layout, o, (id, l) => (id === null ? l : label(id)));
  const m = t.metadata;
  const title = options.title ?? (m.jobName ? `Transcript: ${m.jobName}` : 'Transcript');
  const people = t.speakers.length > 0 ? t.speakers : t.channels;

  const facts: [string, string][] = [
    ['Job name', m.jobName ?? NOT_RECORDED],
    ['Source', m.source],
    ['Created', instant(m.createdAt)],
    ['Completed', instant(m.completedAt)],
    ['Specialty', m.specialty ? humanize(m.specialty) : NOT_RECORDED],
    ['Type', m.type ? humanize(m.type) : NOT_RECORDED],
    ['Language', m.languageCode ?? NOT_RECORDED],
    ['Duration', formatClock(t.durationMs)],
    [
      'Redacted',
      t.redaction
        ? `Yes, by scribekit: ${redactionSummary(t.redaction)}`
        : m.serviceRedacted
          ? 'Yes: redacted by Amazon Transcribe'
          : 'No: contains patient data (PHI)',
    ],
  ];
  if (t.review) {
    facts.push([
      'Review',
      `${plural(t.review.corrected, 'word')} corrected${t.review.reviewed ? `; reviewed${t.review.reviewer ? ` by ${t.review.reviewer}` : ''}${t.review.at ? ` at ${instant(t.review.at)}` : ''}` : ''}`,
    ]);
  }
  const dl = (rows: [string, string][]) =>
    `<dl class="facts">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;

  const lowCount = a.lowConfidence.tokens.length;
  const figures: [string, string][] = [
    ['Words', `${a.words} (+ ${a.punctuation} punctuation)`],
    [
      'Confidence',
      a.confidence.mean === null
        ? 'not given by the service'
        : `mean ${pct(a.confidence.mean)}, lowest ${pct(a.confidence.min)}; ${plural(lowCount, 'word')} below ${Math.round(o.threshold * 100)}%`,
    ],
    [
      'PHI entities',
      a.phi.total === 0
        ? 'none found'
        : `${a.phi.total} (${Object.entries(a.phi.byType)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`,
    ],
    ['Silences', `${a.silences.length} (gaps of 2 s or more)`],
    ['Overlaps', String(a.overlaps.length)],
  ];
  const participants = a.speakers.length > 0 ? a.speakers : a.channels;
  const table =
    participants.length === 0
      ? ''
      : `<table><caption class="sr">Figures per ${a.speakers.length > 0 ? 'speaker' : 'channel'}</caption><thead><tr><th scope="col">${a.speakers.length > 0 ? 'Speaker' : 'Channel'}</th><th scope="col">Talk time</th><th scope="col">Share</th><th scope="col">Words</th><th scope="col">Words/min</th><th scope="col">Mean confidence</th></tr></thead><tbody>${participants
          .map(
            (p) =>
              `<tr><th scope="row" data-spk="${escapeHtml(p.id)}">${escapeHtml(label(p.id))}</th><td>${formatClock(p.talkTimeMs)}</td><td>${pct(p.share)}</td><td>${p.words}</td><td>${Math.round(p.wordsPerMinute)}</td><td>${pct(p.meanConfidence)}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  // HealthScribe summary: each sentence a button that highlights its evidence.
  const turns = new Map(t.turns.map((u) => [u.id, u]));
  const evidence: [number, number][][] = [];
  const summarySections = t.summary?.sections.filter((s) => s.bullets.length > 0) ?? [];
  const summary =
    summarySections.length === 0
      ? ''
      : `<section class="summary" aria-labelledby="h-summary"><h2 id="h-summary">Clinical summary</h2>${summarySections
          .map(
            (s) =>
              `<h3>${escapeHtml(sectionTitle(s.name))}</h3><ul>${s.bullets
                .map((b) => {
                  const ranges = b.turnIds
                    .map((id) => turns.get(id))
                    .filter((u) => u !== undefined)
                    .map((u) => [u.firstToken, u.endToken] as [number, number]);
                  const text = escapeHtml(bulletText(b.text));
                  if (ranges.length === 0) return `<li>${text}</li>`;
                  evidence.push(ranges);
                  return `<li><button type="button" data-ev="${evidence.length - 1}">${text}</button></li>`;
                })
                .join('')}</ul>`,
          )
          .join('')}<p class="note">Select a sentence to highlight the words it is based on.</p></section>`;

  // Segment alternatives (n-best): the element range of each stretch, and its texts.
  const wordEls = [...body.words.order.entries()];
  const seg: [number, number, string[]][] = [];
  for (const s of t.alternatives) {
    if (s.alternatives.length < 2) continue;
    let first = -1;
    let last = -1;
    for (const [k, n] of wordEls) {
      const tok = t.tokens[k]!;
      if (tok.startMs >= s.startMs && tok.startMs < Math.max(s.endMs, s.startMs + 1)) {
        if (first < 0) first = n;
        last = n;
      }
    }
    if (first >= 0) seg.push([first, last, s.alternatives.map((x) => x.text)]);
  }

  const base = (m.jobName ?? 'transcript').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'transcript';
  const data = {
    v: 1,
    hash: contentHash(ctx.source),
    tokens: t.tokens.length,
    threshold: o.threshold,
    redacted: t.redaction !== undefined,
    base,
    w: {
      n: body.words.i.length,
      q: body.words.q,
      i: body.words.i.join(''),
      s: body.words.s.join(''),
      d: body.words.d.join(''),
      c: body.words.c.join(''),
    },
    phi: body.words.phi,
    alt: body.words.alt,
    seg,
    ev: evidence,
  };

  const bins = confidenceBins(t, body.words, o.threshold);
  const speakerInputs = people
    .map(
      (p, i) =>
        `<label for="spk-${i}">${escapeHtml(p.id)}</label> <input id="spk-${i}" type="text" data-rename="${escapeHtml(p.id)}" data-label="${escapeHtml(label(p.id))}" value="${escapeHtml(label(p.id))}" size="14">`,
    )
    .join(' ');
  const audio = media
    ? `<audio id="audio" controls preload="metadata" src="${escapeHtml(media.src)}"></audio><label for="speed">Speed</label> <select id="speed">${[
        0.5, 0.75, 1, 1.25, 1.5, 2,
      ]
        .map((s) => `<option value="${s}"${s === 1 ? ' selected' : ''}>${s}×</option>`)
        .join('')}</select><label><input type="checkbox" id="follow" checked> Follow</label>`
    : '<span class="note">No recording linked (convert with --media to play it here).</span>';
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(PAGE_SCRIPT)}`,
    `style-src ${sha256(PAGE_STYLE)}`,
    'img-src data:',
    ...(media ? [`media-src ${media.sources}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!doctype html>
<html lang="${escapeHtml(m.languageCode?.split('-')[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="scribekit">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#transcript">Skip to the transcript</a>
<div class="review" role="region" aria-label="Review controls">
<div class="row">${audio}</div>
<div class="row"><span id="queue-label">Low-confidence words:</span> <button type="button" id="queue-prev" aria-describedby="queue-label">Previous</button> <span id="queue-pos" aria-live="polite">${lowCount === 0 ? 'none' : `${lowCount} to check`}</span> <button type="button" id="queue-next" aria-describedby="queue-label">Next</button> <button type="button" id="queue-edit">Correct word</button> <span>Corrected: <span id="edit-count">0</span></span> <button type="button" id="download">Download corrections</button></div>
<p class="row keys">Keys: <kbd>n</kbd>/<kbd>j</kbd> next and <kbd>p</kbd>/<kbd>k</kbd> previous low-confidence word · <kbd>Enter</kbd> or double-click corrects a word (<kbd>Enter</kbd> keeps, <kbd>Esc</kbd> cancels)${media ? ' · <kbd>Space</kbd> play/pause · <kbd>←</kbd>/<kbd>→</kbd> 5 s · <kbd>[</kbd>/<kbd>]</kbd> speed · click a word to hear it' : ''}</p>
</div>
<header><h1>${escapeHtml(title)}</h1><p class="sub">Review page: everything stays in this file; corrections are saved with “Download corrections”.</p></header>
<main>
<section aria-labelledby="h-details"><h2 id="h-details">Details</h2>${dl(facts)}</section>
<section aria-labelledby="h-analysis"><h2 id="h-analysis">Analysis</h2>${dl(figures)}${table}<div class="charts">${talkTimeChart(a, label)}${confidenceChart(bins, o.threshold)}</div></section>
<section class="no-print" aria-labelledby="h-sign"><h2 id="h-sign">Sign-off</h2>${people.length > 0 ? `<p>Speaker names (a new name shows everywhere): ${speakerInputs}</p>` : ''}<p><label for="reviewer">Reviewer</label> <input id="reviewer" type="text" autocomplete="name" value="${escapeHtml(o.reviewer ?? '')}"> <label><input type="checkbox" id="reviewed"> I have reviewed this transcript</label></p></section>
${summary}
<section aria-labelledby="h-legend"><h2 id="h-legend">Legend</h2><ul class="legend"><li><i class="l">word</i> confidence below ${Math.round(o.threshold * 100)}% (shaded, dotted underline, “?”)</li><li><i class="p">word</i> PHI (shaded, dashed box; its type on hover or focus)</li><li><i class="r">[NAME]</i> redacted (bold placeholder)</li><li><i class="e">word</i> corrected here (solid underline, “✎”)</li><li>Hover or focus a word for its time, confidence and alternatives.</li></ul></section>
<section id="transcript" aria-labelledby="h-transcript"><h2 id="h-transcript">Transcript</h2>
${body.html}
</section>
</main>
<div id="tip" role="tooltip" hidden></div>
<div id="status" class="sr" role="status" aria-live="polite"></div>
<script type="application/json" id="page-data">${jsonForScript(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
