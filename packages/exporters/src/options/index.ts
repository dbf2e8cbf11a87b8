// Every export option, in one table (the `@scribekit/exporters/options` entry: no writer is loaded with it).
import { invalidOption, OptionsError } from '@scribekit/core/errors';
import { captionOptionSpecs } from '../captions/options.js';
import { docxOptionSpecs } from '../docx/options.js';
import { fhirOptionSpecs } from '../fhir/options.js';
import { hl7OptionSpecs } from '../hl7/options.js';
import { htmlOptionSpecs } from '../html/options.js';
import { layoutOptionSpecs } from '../layout/options.js';
import { jsonOptionSpecs, textOptionSpecs } from '../text/options.js';
import { commonOptionSpecs, documentOptionSpecs } from './common.js';
import { checkType, type OptionSpec } from './spec.js';

export {
  checkType,
  hasType,
  type OptionFlag,
  type OptionGroup,
  type OptionSpec,
  type OptionType,
  requirementOf,
} from './spec.js';

/** All export options, grouped by writer, in the order the docs list them. */
export const exportOptionSpecs: readonly OptionSpec[] = Object.freeze([
  ...commonOptionSpecs,
  ...documentOptionSpecs,
  ...layoutOptionSpecs,
  ...captionOptionSpecs,
  ...docxOptionSpecs,
  ...fhirOptionSpecs,
  ...hl7OptionSpecs,
  ...textOptionSpecs,
  ...jsonOptionSpecs,
  ...htmlOptionSpecs,
]);

const BY_KEY: ReadonlyMap<string, OptionSpec> = new Map(exportOptionSpecs.map((s) => [s.key, s]));

/** The spec of an option, or undefined for a name that is not an export option. */
export function optionSpec(key: string): OptionSpec | undefined {
  return BY_KEY.get(key);
}

/**
 * Checks the names and value types of export options given as data (a config file, SCRIBEKIT_EXPORT_OPTIONS,
 * `render`): an unknown name or a value of the wrong type throws OptionsError naming the option. Ranges that
 * depend on other options and references are checked by each writer's resolver.
 */
export function checkOptionTypes(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionsError('Export options must be an object of option names and values');
  }
  for (const [key, value] of Object.entries(options)) {
    const spec = BY_KEY.get(key);
    if (spec === undefined) throw invalidOption(key, 'is not an export option');
    checkType(spec, value);
  }
}
