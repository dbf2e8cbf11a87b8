// Options shared by every exporter.
import type { RedactOptions } from '@scribekit/core';
import type { LayoutOptions } from './layout/options.js';

/** Options every exporter understands (captions ignore the layout ones). */
export interface CommonOptions extends LayoutOptions {
  /** Display names by speaker or channel id: `{ spk_0: 'Dr. Rivera', ch_1: 'Patient' }`. */
  readonly speakerNames?: Readonly<Record<string, string>> | undefined;
  /** Replace PHI with typed placeholders (core's `redact`) before writing. */
  readonly redact?: boolean | RedactOptions | undefined;
}
