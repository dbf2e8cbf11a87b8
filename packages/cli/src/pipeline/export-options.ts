// Where each export option came from, and the one precedence every command uses: flags over the config file
// over a job's `scribekit:*` tags. Option errors then name what the user actually wrote: `--max-lines`,
// the config file's `maxLines`, or the job's tag.
import type { OptionNamer } from '@scribekit/core/errors';
import type { ExportOptions } from '@scribekit/exporters';
import { optionSpec } from '@scribekit/exporters/options';

export type OptionSource = 'flag' | 'config' | 'tag' | 'env';

/** Export options with the source of each one. Plain data, so it crosses to worker threads. */
export interface SourcedOptions {
  readonly options: ExportOptions;
  /** Option name → where its value came from. */
  readonly sources: Readonly<Record<string, OptionSource>>;
  /** The config file the `config` options came from, for messages. */
  readonly configPath?: string | undefined;
}

export const noOptions: SourcedOptions = { options: {}, sources: {} };

/**
 * Lays `over` on top of `base` (later layers win). Display names merge by id, so a config file's names and a
 * `--speaker` flag add up.
 */
export function layerOptions(
  base: SourcedOptions,
  over: ExportOptions,
  source: OptionSource,
  configPath?: string,
): SourcedOptions {
  const options: Record<string, unknown> = { ...base.options };
  const sources: Record<string, OptionSource> = { ...base.sources };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    if (key === 'speakerNames' && typeof options.speakerNames === 'object' && options.speakerNames !== null) {
      options.speakerNames = { ...(options.speakerNames as object), ...(value as object) };
    } else options[key] = value;
    sources[key] = source;
  }
  return {
    options: options as ExportOptions,
    sources,
    ...(configPath !== undefined
      ? { configPath }
      : base.configPath !== undefined
        ? { configPath: base.configPath }
        : {}),
  };
}

/** The job's FHIR references (from its tags) beneath the options the user gave. */
export function withJobReferences(
  given: SourcedOptions,
  references: { readonly subject?: string; readonly encounter?: string; readonly author?: string },
): SourcedOptions {
  const fromTags = Object.fromEntries(
    Object.entries(references).filter(([k]) => given.options[k as 'subject'] === undefined),
  );
  return Object.keys(fromTags).length === 0 ? given : layerOptions(given, fromTags as ExportOptions, 'tag');
}

/**
 * Names options in messages the way the user wrote them: `--max-lines` for a flag (or for a required option
 * nobody gave, which is given with its flag), the config file's key, the job's tag, or the Lambda's variable.
 */
export function optionNamer(sourced: Pick<SourcedOptions, 'sources' | 'configPath'>): OptionNamer {
  return (name) => {
    const key = name.split(/[.[]/)[0]!;
    const source = sourced.sources[key];
    const spec = optionSpec(key);
    if (source === 'config')
      return `\`${name}\` in the config file${sourced.configPath ? ` ${sourced.configPath}` : ''}`;
    if (source === 'tag') return `the job's \`scribekit:${key}\` tag`;
    if (source === 'env') return `\`${name}\` in SCRIBEKIT_EXPORT_OPTIONS`;
    if (spec?.flag) {
      const flag = `--${spec.flag.negated ? 'no-' : ''}${spec.flag.name}`;
      return name === key ? flag : `${flag} (\`${name}\`)`;
    }
    return `\`${name}\``;
  };
}
