// Text and time as each caption format needs them. `subtitle` 4.2.2 does neither safely (no escaping,
// truncated float ms, hours wrapping at 24 h), so these are written here.
import { ExportError } from '@scribekit/core';

/** `HH:MM:SS<sep>mmm` for integer ms ≥ 0; hours are not capped at 24 (two digits at least). */
export function formatTimestamp(ms: number, separator: ',' | '.'): string {
  if (!Number.isInteger(ms) || ms < 0)
    throw new ExportError('Caption times must be non-negative integer milliseconds');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const f = ms % 1000;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}${separator}${f < 100 ? (f < 10 ? '00' : '0') : ''}${f}`;
}

/**
 * One caption line for SRT, which has no escaping: no line breaks, no `-->` (it would read as a timing
 * line), and no `<` that starts a tag (`<v`, `<b>`, `</i>`): that one becomes `‹` so players show it.
 */
export function srtLine(text: string): string {
  let flat = /[\r\n]/.test(text) ? text.replace(/[\r\n]+/g, ' ') : text;
  if (flat.includes('-->')) flat = flat.replace(/-->/g, '->');
  return flat.includes('<') ? flat.replace(/<(?=[\p{L}/])/gu, '‹') : flat;
}

/** One caption line for WebVTT: `&`, `<` and `>` escaped (which also defuses `-->`). */
export function vttLine(text: string): string {
  const flat = /[\r\n]/.test(text) ? text.replace(/[\r\n]+/g, ' ') : text;
  return /[&<>]/.test(flat) ? flat.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : flat;
}

/**
 * A WebVTT voice annotation. `&` becomes `and` (ffmpeg shows the rest of an `&amp;` name as cue text),
 * `<`/`>` are escaped, and whitespace is flattened.
 */
export function vttVoice(name: string): string {
  const plain = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*&\s*/g, ' and ');
  return plain.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
