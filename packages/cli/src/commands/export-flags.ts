// The export options as command-line flags, made from the exporters' option table (one source for the flags,
// the config keys, the Lambda's SCRIBEKIT_EXPORT_OPTIONS and the README). Values are only parsed here (a number
// is a number); the exporters check ranges and combinations, and their errors name the flag typed.
import type { ExportOptions } from '@scribekit/exporters';
import { exportOptionSpecs, type OptionSpec } from '@scribekit/exporters/options';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../errors.js';

/** commander's attribute name of a flag: `max-lines` → `maxLines`. */
export function attributeOf(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const integer = (value: string) => {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('expected an integer');
  return n;
};
const number = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
};
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The specs that have a flag, in table order. */
export const flaggedSpecs: readonly OptionSpec[] = exportOptionSpecs.filter((s) => s.flag !== undefined);

function helpText(spec: OptionSpec): string {
  const base = spec.description.replace(/`/g, '');
  return spec.default !== undefined && spec.type.kind !== 'boolean' && spec.type.kind !== 'enum'
    ? `${base} (default ${spec.default})`
    : base;
}

/** Adds every export option that has a flag to a command (convert, fetch, transcribe). */
export function addExportFlags(cmd: Command): Command {
  for (const spec of flaggedSpecs) {
    const flag = spec.flag!;
    const type = spec.type;
    const name = `--${flag.negated ? 'no-' : ''}${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const option = new Option(name, helpText(spec));
    if (type.kind === 'enum') option.choices(type.values);
    else if (flag.repeatable) option.argParser(collect);
    else if (type.kind === 'integer') option.argParser(integer);
    else if (type.kind === 'number') option.argParser(number);
    cmd.addOption(option);
    // Speaker names come from two flags: speakers by id, channels by id.
    if (spec.key === 'speakerNames') {
      cmd.addOption(
        new Option(
          '--channel <id=name>',
          'display name of a channel, e.g. ch_1=Patient (repeatable)',
        ).argParser(collect),
      );
    }
  }
  return cmd;
}

/** Export options given on the command line, and the option names they set. */
export interface FlagOptions {
  readonly options: ExportOptions;
  /** Option names (library keys) that a flag set. */
  readonly keys: readonly string[];
}

/** The export options the user typed (flags left at their default are not included). */
export function exportFlagValues(cmd: Command): FlagOptions {
  const options: Record<string, unknown> = {};
  const given = (attribute: string) => cmd.getOptionValueSource(attribute) === 'cli';
  for (const spec of flaggedSpecs) {
    const flag = spec.flag!;
    const attribute = attributeOf(flag.name);
    if (spec.key === 'speakerNames') {
      const speakers = given('speaker') ? (cmd.getOptionValue('speaker') as string[]) : [];
      const channels = given('channel') ? (cmd.getOptionValue('channel') as string[]) : [];
      if (speakers.length + channels.length > 0)
        options.speakerNames = speakerNamesFrom({ speakers, channels });
      continue;
    }
    if (!given(attribute)) continue;
    const value = cmd.getOptionValue(attribute) as unknown;
    if (flag.negated) options[spec.key] = false;
    else if (flag.repeatable) {
      const list = value as string[];
      options[spec.key] = list.length === 1 ? list[0] : list;
    } else options[spec.key] = value;
  }
  return { options: options as ExportOptions, keys: Object.keys(options) };
}

/** Display names from repeated `--speaker id=name` / `--channel id=name` values (`0=…` means `spk_0`/`ch_0`). */
export function speakerNamesFrom(values: {
  readonly speakers?: readonly string[] | undefined;
  readonly channels?: readonly string[] | undefined;
}): Record<string, string> {
  const names: Record<string, string> = {};
  for (const v of values.speakers ?? []) {
    const [id, name] = parseNameMapping('--speaker', v, 'spk_');
    names[id] = name;
  }
  for (const v of values.channels ?? []) {
    const [id, name] = parseNameMapping('--channel', v, 'ch_');
    names[id] = name;
  }
  return names;
}

/** `spk_0=Dr. Rivera` → [`spk_0`, `Dr. Rivera`]; a bare number gets the prefix (`0=…` → `spk_0`). */
export function parseNameMapping(flag: string, value: string, prefix: 'spk_' | 'ch_'): [string, string] {
  const eq = value.indexOf('=');
  const id = eq > 0 ? value.slice(0, eq).trim() : '';
  const name =
    eq > 0
      ? value
          .slice(eq + 1)
          .trim()
          .replace(/^(["'])(.*)\1$/, '$2')
      : '';
  if (id === '' || name === '') throw new UsageError(`${flag} expects id=name, e.g. ${prefix}0="Dr. Rivera"`);
  return [/^\d+$/.test(id) ? `${prefix}${id}` : id, name];
}
