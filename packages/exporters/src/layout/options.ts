// Layout options: whether to look for spoken section headings, extra headings, and spoken formatting commands.
// (The table only: no core import, so the CLI reads it at startup cheaply; the resolver is in resolve.ts.)
import type { OptionSpec } from '../options/spec.js';

export type SectionsMode = 'auto' | 'on' | 'off';

/** A heading given in the config file: added to the built-in ones (a later spoken form wins). */
export interface CustomHeading {
  readonly title: string;
  /** Spoken forms, e.g. `["wound care", "wound"]`. Default: the title. */
  readonly spoken?: readonly string[] | undefined;
  /** A LOINC section code you vouch for. */
  readonly code?: { readonly code: string; readonly display: string } | undefined;
  /** Numbered items are looked for in the section. */
  readonly lists?: boolean | undefined;
}

export interface LayoutOptions {
  /**
   * Spoken section headings: `auto` looks for them in dictations (job type DICTATION, or one voice), `on` in
   * every transcript, `off` never. Default `auto`.
   */
  readonly sections?: SectionsMode | undefined;
  /** Headings added to the built-in vocabulary. */
  readonly headings?: readonly CustomHeading[] | undefined;
  /**
   * Apply spoken formatting commands ("new paragraph", "next number", "period" …): consumed, not written.
   * Default false.
   */
  readonly dictationCommands?: boolean | undefined;
}

export const layoutOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'sections',
    group: 'layout',
    type: { kind: 'enum', values: ['auto', 'on', 'off'] },
    description:
      'spoken section headings (history of present illness, assessment, plan…): `auto` in dictations, `on` always, `off` never',
    default: 'auto',
    flag: { name: 'sections', value: '<mode>' },
  },
  {
    key: 'headings',
    group: 'layout',
    type: {
      kind: 'list',
      describe:
        'a list of `{ "title": "Wound care", "spoken"?: ["wound care"], "code"?: { "code", "display" }, "lists"?: true }`',
    },
    description: 'config: section headings added to the built-in ones',
  },
  {
    key: 'dictationCommands',
    group: 'layout',
    type: { kind: 'boolean' },
    description:
      'apply spoken commands ("new paragraph", "new line", "next number", "period", "comma", "colon"): consumed, not written',
    default: 'false',
    flag: { name: 'dictation-commands' },
  },
];
