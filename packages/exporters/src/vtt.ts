// PLACEHOLDER — replaced by the captions work (issue 4).
import { ExportError, type Transcript } from '@scribekit/core';
import type { CaptionOptions } from './srt.js';

export function toVtt(_t: Transcript, _options?: CaptionOptions): string {
  throw new ExportError('WebVTT export is not implemented yet');
}
