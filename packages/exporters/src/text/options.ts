// Plain-text, Markdown and canonical-JSON options.
import type { OptionSpec } from '../options/spec.js';
import type { CommonOptions } from '../types.js';

export interface TextOptions extends CommonOptions {
  /** Write each paragraph's start and end time. Default true. */
  readonly timestamps?: boolean | undefined;
}

export interface JsonOptions extends CommonOptions {
  /** Indentation; default 2 (0 writes one line). */
  readonly indent?: number | undefined;
}

export const textOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'timestamps',
    group: 'text',
    type: { kind: 'boolean' },
    description: 'txt/md: write each paragraph’s times',
    default: 'true',
    flag: { name: 'timestamps', negated: true },
  },
];

export const jsonOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'indent',
    group: 'json',
    type: { kind: 'integer', min: 0, max: 8 },
    description: 'json: indentation (0 writes one line)',
    default: '2',
  },
];
