// Transcript → caption cues: units (a word with its attached punctuation), hard boundaries ("runs"),
// cue breaks chosen by dynamic programming, line breaking and timing. Pure, and linear in the number of
// words (each cue start looks ahead only as far as two lines reach).
import { OptionsError, type Token, type Transcript } from '@scribekit/core';
import { displayName } from '../common.js';
import { type RenderContext, renderContext } from '../render/context.js';
import { type Cue, lineChars } from './cue.js';
import { breakCost, breakLines, type LineUnit } from './line-break.js';
import type { CaptionOptions, ResolvedCaptionOptions } from './options.js';
import { type TimedDraft, timeStream } from './timing.js';

interface Unit extends LineUnit {
  readonly startMs: number;
  readonly endMs: number;
  readonly tokens: number[];
  /** Speaker identity (speaker, or channel when used as speaker). */
  readonly who: string | null;
  readonly channel: string | null;
  /** A new run must start here (another channel took a turn in this channel's silence). */
  readonly turn: boolean;
  /** False for punctuation without a word (whose time is borrowed from the word before it). */
  readonly hasWord: boolean;
}

interface Run {
  readonly units: readonly Unit[];
  readonly label: string | null;
}

interface Draft extends TimedDraft {
  readonly units: readonly Unit[];
  readonly label: string | null;
  readonly lines: string[];
}

/**
 * Segments a transcript into caption cues (redacting first when `options.redact` asks for it). Cues never
 * cross a speaker or channel change or a long pause; every shown token is in exactly one cue, in order
 * within its channel. With two or more channels each channel is captioned on its own, so cues of
 * different channels may overlap in time (overlapping speech) while cues of one channel never do.
 */
export function buildCues(transcript: Transcript, options: CaptionOptions = {}): Cue[] {
  return contextCues(renderContext(transcript, options));
}

/** The cues of an export, built once and shared by SRT and WebVTT. */
export function contextCues(ctx: RenderContext): Cue[] {
  return ctx.once('cues', () => segmentTranscript(ctx.t, ctx.captionOptions(), ctx.options));
}

function segmentTranscript(t: Transcript, o: ResolvedCaptionOptions, options: CaptionOptions): Cue[] {
  const who = (tok: Token) => tok.speaker ?? (o.channelAsSpeaker ? tok.channel : null);
  const identities = new Set<string>();
  const channels = new Set<string>();
  for (const tok of t.tokens) {
    const id = who(tok);
    if (id !== null) identities.add(id);
    if (tok.channel !== null) channels.add(tok.channel);
  }
  const byChannel = channels.size >= 2;
  const labelled = o.speakerLabels !== 'none' && identities.size >= 2;
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    let name = names.get(id);
    if (name === undefined) {
      name = displayName(t, id, options) ?? id;
      names.set(id, name);
    }
    return name;
  };
  const labels = new Map<string, string>();
  const labelOf = (id: string | null) => {
    if (!labelled || id === null) return null;
    let label = labels.get(id);
    if (label === undefined) {
      const name = nameOf(id);
      label = o.speakerLabels === 'brackets' ? `[${name}]` : `${name.toUpperCase()}:`;
      labels.set(id, label);
    }
    return label;
  };

  const turns = byChannel ? channelTurns(t.tokens) : null;
  const streams = new Map<string | null, Unit[]>();
  for (const u of makeUnits(t.tokens, o, who, turns, byChannel)) {
    const key = byChannel ? u.channel : null;
    const list = streams.get(key);
    if (list) list.push(u);
    else streams.set(key, [u]);
  }

  const cues: Cue[] = [];
  for (const units of streams.values()) {
    const drafts: Draft[] = [];
    for (const run of makeRuns(units, o, t.tokens, who, labelOf)) {
      // A cue of empty tokens only (nothing to show) is left out.
      for (const d of segmentRun(run, o)) if (d.lines.length > 0) drafts.push(d);
    }
    const times = timeStream(drafts, o);
    drafts.forEach((d, k) => {
      const first = d.units[0]!;
      const id = first.who;
      // One pass over the cue's units: its tokens, its word count and its first word, whose speaker and
      // channel the cue takes (leading punctuation may carry the previous speaker's).
      const tokens: number[] = [];
      let words = 0;
      let firstWord = -1;
      for (const u of d.units) {
        if (u.hasWord) words++;
        for (const i of u.tokens) {
          tokens.push(i);
          if (firstWord < 0 && t.tokens[i]!.kind === 'word') firstWord = i;
        }
      }
      const lead = t.tokens[firstWord >= 0 ? firstWord : tokens[0]!]!;
      const time = times[k]!;
      cues.push({
        startMs: time.startMs + o.startOffsetMs,
        endMs: time.endMs + o.startOffsetMs,
        speechStartMs: d.speechStartMs + o.startOffsetMs,
        speechEndMs: d.speechEndMs + o.startOffsetMs,
        speaker: lead.speaker,
        channel: lead.channel,
        voice: id === null ? null : nameOf(id),
        label: d.label,
        lines: d.lines,
        tokens,
        words,
      });
    });
  }
  // Streams merged by start; stable, so equal starts keep channel order.
  if (byChannel) cues.sort((a, b) => a.startMs - b.startMs);
  if (o.startOffsetMs < 0) {
    const early = cues.filter((c) => c.startMs < 0).length;
    if (early > 0)
      throw new OptionsError(`{startOffsetMs} moves ${early} cue(s) before 0`, { option: 'startOffsetMs' });
  }
  return cues;
}

/** Text shown for a token: whitespace flattened, plus the low-confidence mark when asked. */
function shownText(tok: Token, o: ResolvedCaptionOptions): string {
  let text = /\s/.test(tok.text) ? tok.text.replace(/\s+/g, ' ').trim() : tok.text;
  const m = o.confidenceMarker;
  if (m && tok.kind === 'word' && tok.confidence !== null && tok.confidence < m.below && text !== '')
    text += m.mark;
  return text;
}

/**
 * For two or more channels: marks words before which another channel spoke a whole word in this
 * channel's silence (a turn was taken), so the channel's cue ends there. Crosstalk (words overlapping
 * this channel's words) does not break cues.
 */
function channelTurns(tokens: readonly Token[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  const lastEnd = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const tok of tokens) {
    if (tok.kind !== 'word' || tok.channel === null) continue;
    const ch = tok.channel;
    if ((pending.get(ch) ?? Number.POSITIVE_INFINITY) <= tok.startMs) marks[tok.index] = 1;
    pending.set(ch, Number.POSITIVE_INFINITY);
    lastEnd.set(ch, Math.max(lastEnd.get(ch) ?? 0, tok.endMs));
    for (const [other, end] of lastEnd) {
      if (other !== ch && tok.startMs >= end)
        pending.set(other, Math.min(pending.get(other) ?? Number.POSITIVE_INFINITY, tok.endMs));
    }
  }
  return marks;
}

/** Groups tokens into units: a word with its attached punctuation (and opening punctuation before it). */
function makeUnits(
  tokens: readonly Token[],
  o: ResolvedCaptionOptions,
  who: (tok: Token) => string | null,
  turns: Uint8Array | null,
  byChannel: boolean,
): Unit[] {
  interface Open {
    text: string;
    sep: string;
    startMs: number;
    endMs: number;
    tokens: number[];
    who: string | null;
    channel: string | null;
    turn: boolean;
    hasWord: boolean;
  }
  const units: Unit[] = [];
  const open = new Map<string | null, Open>();
  const close = (key: string | null) => {
    const u = open.get(key);
    if (u) units.push(u);
    open.delete(key);
  };
  for (const tok of tokens) {
    const key = byChannel ? tok.channel : null;
    const text = shownText(tok, o);
    const cur = open.get(key);
    const isWord = tok.kind === 'word';
    const starts =
      !cur ||
      (text !== '' && tok.spaceBefore && cur.text !== '') ||
      (isWord && cur.hasWord && text !== '' && cur.text !== '') ||
      (isWord && cur.hasWord && who(tok) !== cur.who);
    if (starts) {
      close(key);
      open.set(key, {
        text,
        sep: tok.spaceBefore ? ' ' : '',
        startMs: tok.startMs,
        endMs: tok.endMs,
        tokens: [tok.index],
        who: who(tok),
        channel: tok.channel,
        turn: turns !== null && turns[tok.index] === 1,
        hasWord: isWord,
      });
    } else if (cur) {
      cur.text += text;
      cur.tokens.push(tok.index);
      if (isWord && !cur.hasWord) {
        // The first word gives the unit its times (leading punctuation only borrowed them).
        cur.startMs = tok.startMs;
        cur.endMs = tok.endMs;
        cur.who = who(tok);
        cur.turn ||= turns !== null && turns[tok.index] === 1;
        cur.hasWord = true;
      }
      if (isWord || tok.timed) cur.endMs = Math.max(cur.endMs, tok.endMs);
    }
  }
  for (const key of [...open.keys()]) close(key);
  // Units of one stream are in token order; streams may interleave (they are split apart next).
  return units;
}

/** Splits a stream into runs at speaker changes, long pauses and turns; labels runs that change speaker. */
function makeRuns(
  units: readonly Unit[],
  o: ResolvedCaptionOptions,
  tokens: readonly Token[],
  who: (tok: Token) => string | null,
  labelOf: (id: string | null) => string | null,
): Run[] {
  const runs: Run[] = [];
  let start = 0;
  for (let k = 1; k <= units.length; k++) {
    const u = units[k];
    const p = units[k - 1]!;
    if (u && u.who === p.who && !u.turn && u.startMs - p.endMs < o.pauseBreakMs) continue;
    const first = units[start]!;
    runs.push({
      units: units.slice(start, k),
      label: speakerChanged(first, tokens, who) ? labelOf(first.who) : null,
    });
    start = k;
  }
  return runs;
}

/** True when the word before the unit (in the whole transcript) is by someone else, or there is none. */
function speakerChanged(first: Unit, tokens: readonly Token[], who: (tok: Token) => string | null): boolean {
  for (let i = first.tokens[0]! - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    if (tok.kind === 'word') return who(tok) !== first.who;
  }
  return true;
}

/** Chooses cue boundaries inside a run by dynamic programming over the units. */
function segmentRun(run: Run, o: ResolvedCaptionOptions): Draft[] {
  const u = run.units;
  const n = u.length;
  const label = run.label;
  // Break quality after unit j, and the cost of ending a cue there (with a bonus at pauses).
  const pair = new Float64Array(n);
  const endCost = new Float64Array(n);
  for (let j = 0; j < n - 1; j++) {
    const gap = u[j + 1]!.startMs - u[j]!.endMs;
    pair[j] = breakCost(u[j]!.text, u[j + 1]!.text);
    endCost[j] = pair[j]! * 6 - (gap >= o.softPauseMs ? 4 : 0) - (gap >= 2 * o.softPauseMs ? 2 : 0);
  }
  // Line widths from prefix sums: units a..b-1 on one line.
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k]! + u[k]!.sep.length + u[k]!.text.length;
  const width = (a: number, b: number) => prefix[b]! - prefix[a]! - u[a]!.sep.length;
  // bestSplit[k]: the best line-break quality among splits before units k..kMax (per cue start).
  const bestSplit = new Float64Array(n + 1);
  const best = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  const L = o.maxLineChars;
  for (let i = 0; i < n; i++) {
    const base = best[i]!;
    if (base === Number.POSITIVE_INFINITY) continue;
    const withLabel = i === 0 && label !== null;
    let lines = 1;
    let cur = withLabel ? label.length : 0;
    let chars = cur;
    // Speech bounds of the words so far (punctuation alone borrows another word's time).
    let startMs = Number.POSITIVE_INFINITY;
    let endMs = Number.NEGATIVE_INFINITY;
    // Two-line cues: the first line can end before any unit k in (i, kMax]; the second line, ending at
    // j, needs k ≥ kMin (which only grows with j). The best break among them is a suffix minimum.
    const head = withLabel ? label.length + 1 : 0;
    let kMax = i + 1;
    while (kMax < n && head + width(i, kMax + 1) <= L) kMax++;
    bestSplit[kMax] = pair[kMax - 1]!;
    for (let k = kMax - 1; k > i; k--) bestSplit[k] = Math.min(pair[k - 1]!, bestSplit[k + 1]!);
    let kMin = i + 1;
    for (let j = i; j < n; j++) {
      const unit = u[j]!;
      if (unit.hasWord) {
        if (unit.startMs < startMs) startMs = unit.startMs;
        if (unit.endMs > endMs) endMs = unit.endMs;
      }
      const w = unit.text.length;
      // A word longer than a line can only be a cue of its own.
      if (w > L && j > i) break;
      const sep = cur === 0 ? 0 : j === i ? 1 : unit.sep.length;
      if (cur === 0 || cur + sep + w <= L) cur += sep + w;
      else {
        lines++;
        cur = w;
      }
      chars += sep + w;
      const single = j === i;
      const span = endMs > startMs ? endMs - startMs : 0;
      if (!single && (lines > o.maxLines || span > o.maxDurationMs)) break;
      // Time on screen: extended for reading, but only until the next word of the run starts.
      const room =
        j + 1 < n
          ? u[j + 1]!.startMs - o.minGapMs - Math.min(startMs, unit.startMs)
          : Number.POSITIVE_INFINITY;
      const readable = Math.max(1, span, Math.min(Math.max(span + o.maxExtendMs, o.minDurationMs), room));
      const cps = (chars * 1000) / readable;
      // Reading-speed cost weighted by the text's length, so fast speech costs the same however it is
      // split and break quality decides where.
      const weight = chars / L;
      let cost = 10 + endCost[j]! + (lines >= 2 ? 3 : 0);
      if (lines === 2 && j > i) {
        while (kMin < kMax && width(kMin, j + 1) > L) kMin++;
        // Only a cue whose best line break is worse than an ordinary one (names, numbers, after an
        // article) pays, so two-line cues are not discouraged as such.
        cost += Math.max(0, bestSplit[kMin]! - 4) * 4;
      }
      if (cps > o.targetCps) cost += (cps - o.targetCps) * 3 * weight;
      if (cps > o.maxCps) cost += (cps - o.maxCps) * 6 * weight;
      const total = base + cost;
      if (total < best[j + 1]!) {
        best[j + 1] = total;
        from[j + 1] = i;
      }
      if (w > L) break;
    }
  }
  const drafts: Draft[] = [];
  for (let j = n; j > 0; j = from[j]!) {
    const i = from[j]!;
    const units = u.slice(i, j);
    const withLabel = i === 0 ? label : null;
    const lineUnits: LineUnit[] = withLabel === null ? units : [{ text: withLabel, sep: '' }, ...units];
    if (withLabel !== null) lineUnits[1] = { text: units[0]!.text, sep: ' ' };
    const lines = breakLines(lineUnits, o.maxLineChars, o.maxLines, withLabel !== null)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    // Speech bounds from the words (punctuation alone borrows its time from another word).
    const timed = units.some((x) => x.hasWord) ? units.filter((x) => x.hasWord) : units;
    let speechStart = timed[0]!.startMs;
    let speechEnd = timed[0]!.endMs;
    for (const x of timed) {
      speechStart = Math.min(speechStart, x.startMs);
      speechEnd = Math.max(speechEnd, x.endMs);
    }
    drafts.push({
      units,
      label: withLabel,
      lines,
      speechStartMs: speechStart,
      speechEndMs: speechEnd,
      chars: lineChars(lines),
    });
  }
  return drafts.reverse();
}
