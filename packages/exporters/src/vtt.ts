// WebVTT writer: header, `HH:MM:SS.mmm` times, `<v Name>` voice spans, escaped text, LF, final newline.
import type { Transcript } from '@scribekit/core';
import type { Cue } from './captions/cue.js';
import { formatTimestamp, vttLine, vttVoice } from './captions/escape.js';
import type { CaptionOptions } from './captions/options.js';
import { contextCues } from './captions/segment.js';
import { type RenderContext, renderContext } from './render/context.js';

/** The transcript as WebVTT: a voice span per cue plus the visible label at speaker changes. */
export function toVtt(t: Transcript, options: CaptionOptions = {}): string {
  return writeVtt(renderContext(t, options));
}

/** The VTT writer of the registry: the export's shared cues, serialised. */
export function writeVtt(ctx: RenderContext): string {
  return cuesToVtt(contextCues(ctx), ctx.captionOptions().vttCueIds);
}

/** Serialises cues as WebVTT; with `cueIds`, each cue gets a unique numeric identifier from 1. */
export function cuesToVtt(cues: readonly Cue[], cueIds = false): string {
  let out = 'WEBVTT\n';
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k]!;
    let text = c.lines.map(vttLine).join('\n');
    if (c.voice !== null) text = `<v ${vttVoice(c.voice)}>${text}</v>`;
    out += `\n${cueIds ? `${k + 1}\n` : ''}${formatTimestamp(c.startMs, '.')} --> ${formatTimestamp(c.endMs, '.')}\n${text}\n`;
  }
  return out;
}
