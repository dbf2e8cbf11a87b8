// SubRip writer: `HH:MM:SS,mmm` times, sequential numbers, plain text (no tags), LF, final newline.
import type { Transcript } from '@scribekit/core';
import type { Cue } from './captions/cue.js';
import { formatTimestamp, srtLine } from './captions/escape.js';
import type { CaptionOptions } from './captions/options.js';
import { contextCues } from './captions/segment.js';
import { type RenderContext, renderContext } from './render/context.js';

export type { CaptionOptions } from './captions/options.js';

/** The transcript as SubRip captions (speaker labels as visible text; SRT has no voice tag). */
export function toSrt(t: Transcript, options: CaptionOptions = {}): string {
  return writeSrt(renderContext(t, options));
}

/** The SRT writer of the registry: the export's shared cues, serialised. */
export function writeSrt(ctx: RenderContext): string {
  return cuesToSrt(contextCues(ctx), ctx.captionOptions().srtIndexBase);
}

/** Serialises cues as SRT, numbered from `indexBase`. */
export function cuesToSrt(cues: readonly Cue[], indexBase: 0 | 1 = 1): string {
  const blocks: string[] = [];
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k]!;
    const text = c.lines.map(srtLine).join('\n');
    blocks.push(
      `${k + indexBase}\n${formatTimestamp(c.startMs, ',')} --> ${formatTimestamp(c.endMs, ',')}\n${text}\n`,
    );
  }
  return blocks.join('\n');
}
