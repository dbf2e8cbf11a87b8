// PLACEHOLDER — replaced by the DOCX work (issue 5).
import { ExportError, type Transcript } from '@scribekit/core';
import type { CommonOptions } from './types.js';

export interface DocxOptions extends CommonOptions {}

export async function toDocx(_t: Transcript, _options?: DocxOptions): Promise<Uint8Array> {
  throw new ExportError('DOCX export is not implemented yet');
}
