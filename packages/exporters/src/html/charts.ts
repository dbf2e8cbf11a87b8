// Small inline SVG charts of the review page: talk time per speaker, and confidence along the recording with
// low-confidence stretches as links to their first low word. Text labels carry every value (colour is never the
// only cue), and each chart has a title and a description.
import { type Analysis, formatClock } from '@scribekit/core';
import { escapeHtml } from './escape.js';

const W = 640;

/** Horizontal bars, one per speaker (or channel): name, talk time and share written beside each. */
export function talkTimeChart(a: Analysis, nameOf: (id: string) => string): string {
  const people = a.speakers.length > 0 ? a.speakers : a.channels;
  if (people.length === 0) return '';
  const row = 26;
  const h = people.length * row + 8;
  const label = 170;
  const bars = people
    .map((p, i) => {
      const y = 4 + i * row;
      const w = Math.max(1, Math.round((W - label - 150) * p.share));
      return `<text x="0" y="${y + 16}" data-spk="${escapeHtml(p.id)}">${escapeHtml(nameOf(p.id))}</text><rect x="${label}" y="${y + 3}" width="${w}" height="16" fill="#3b6fd8"/><text x="${label + w + 6}" y="${y + 16}">${formatClock(p.talkTimeMs)} (${Math.round(p.share * 100)}%)</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-labelledby="talk-title"><title id="talk-title">Talk time per ${a.speakers.length > 0 ? 'speaker' : 'channel'}</title>${bars}</svg>`;
}

export interface ConfidenceBin {
  readonly fromMs: number;
  readonly toMs: number;
  readonly mean: number | null;
  /** Element order of the bin's first low-confidence word, or -1. */
  readonly firstLow: number;
  readonly low: number;
}

/**
 * Mean confidence per time bin as columns; a bin with low-confidence words is hatched, labelled with its count
 * and a link to its first low word.
 */
export function confidenceChart(bins: readonly ConfidenceBin[], threshold: number): string {
  if (bins.length === 0) return '';
  const h = 120;
  const top = 10;
  const plot = 80;
  const bw = W / bins.length;
  const yOf = (c: number) => top + plot - c * plot;
  const cols = bins
    .map((b, i) => {
      if (b.mean === null) return '';
      const x = (i * bw).toFixed(1);
      const y = yOf(b.mean).toFixed(1);
      const hgt = (b.mean * plot).toFixed(1);
      const bar = `<rect x="${x}" y="${y}" width="${(bw - 1).toFixed(1)}" height="${hgt}" fill="${b.low > 0 ? 'url(#hatch)' : '#8fb0ee'}"/>`;
      if (b.firstLow < 0) return bar;
      const what = `${b.low} low-confidence word${b.low === 1 ? '' : 's'} from ${formatClock(b.fromMs)}`;
      return `<a href="#transcript" data-jump="${b.firstLow}" aria-label="${what}"><title>${what}</title><rect x="${x}" y="${top}" width="${(bw - 1).toFixed(1)}" height="${plot}" fill="#fff" fill-opacity="0"/>${bar}</a>`;
    })
    .join('');
  const ty = yOf(threshold).toFixed(1);
  const end = bins[bins.length - 1]!.toMs;
  return `<svg viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" aria-labelledby="conf-title conf-desc"><title id="conf-title">Confidence along the recording</title><desc id="conf-desc">Mean word confidence per stretch of ${formatClock(bins[0]!.toMs - bins[0]!.fromMs)}; hatched stretches hold low-confidence words and link to them.</desc><defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2b8b5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a1261d" stroke-width="3"/></pattern></defs>${cols}<line x1="0" x2="${W}" y1="${ty}" y2="${ty}" stroke="#000" stroke-dasharray="4 3"/><text x="${W - 4}" y="${Number(ty) - 3}" text-anchor="end">threshold ${Math.round(threshold * 100)}%</text><text x="0" y="${h - 8}">00:00:00</text><text x="${W}" y="${h - 8}" text-anchor="end">${formatClock(end)}</text></svg>`;
}
