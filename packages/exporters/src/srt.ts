// PLACEHOLDER — replaced by the captions work (issue 4).
import { ExportError, type Transcript } from '@scribekit/core';
import type { CommonOptions } from './types.js';

export interface CaptionOptions extends CommonOptions {}

export function toSrt(_t: Transcript, _options?: CaptionOptions): string {
  throw new ExportError('SRT export is not implemented yet');
}
