// Resolves layout options: the heading vocabulary (built-in plus the config's) and the modes.
import { HEADINGS, type HeadingSpec } from '@scribekit/core';
import { invalidOption } from '@scribekit/core/errors';
import type { LayoutOptions, SectionsMode } from './options.js';

export interface ResolvedLayoutOptions {
  readonly sections: SectionsMode;
  readonly headings: readonly HeadingSpec[];
  readonly dictationCommands: boolean;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Checks and completes layout options; the custom headings are appended to the built-in ones. */
export function resolveLayoutOptions(o: LayoutOptions): ResolvedLayoutOptions {
  const custom = o.headings ?? [];
  if (!Array.isArray(custom)) throw invalidOption('headings', 'must be a list of headings');
  const specs: HeadingSpec[] = custom.map((h, i) => {
    const bad = (what: string) => invalidOption(`headings[${i}]`, what);
    if (typeof h !== 'object' || h === null) throw bad('must be an object with a `title`');
    if (typeof h.title !== 'string' || h.title.trim() === '') throw bad('needs a `title`');
    const spoken = h.spoken ?? [h.title];
    if (
      !Array.isArray(spoken) ||
      spoken.length === 0 ||
      !spoken.every((s) => typeof s === 'string' && s.trim() !== '')
    )
      throw bad('`spoken` must be a list of phrases');
    if (h.code !== undefined && (typeof h.code?.code !== 'string' || typeof h.code?.display !== 'string'))
      throw bad('`code` must be `{ "code": "…", "display": "…" }` (a LOINC section code)');
    return {
      id: `custom-${slug(h.title) || i}`,
      title: h.title.trim(),
      spoken: spoken.map((s) => s.trim().toLowerCase()),
      ...(h.code
        ? { code: { system: 'http://loinc.org' as const, code: h.code.code, display: h.code.display } }
        : {}),
      ...(h.lists ? { lists: true } : {}),
    };
  });
  return {
    sections: o.sections ?? 'auto',
    headings: specs.length === 0 ? HEADINGS : [...HEADINGS, ...specs],
    dictationCommands: o.dictationCommands === true,
  };
}
