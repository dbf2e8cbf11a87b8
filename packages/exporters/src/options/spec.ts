// Export options described once: their key, value type, the writers that read them, their command-line flag and
// their help text. The CLI's flags, the config file's keys, the Lambda's SCRIBEKIT_EXPORT_OPTIONS and the README's
// option tables all come from (or are tested against) these tables. Values are type-checked here; each writer
// group's resolver then checks what only it understands (references, instants, combinations).
import { invalidOption } from '@scribekit/core/errors';

/** The writer groups that read options. `common` options apply to every writer. */
export type OptionGroup =
  | 'common'
  | 'document'
  | 'captions'
  | 'docx'
  | 'fhir'
  | 'text'
  | 'json'
  | 'layout'
  | 'hl7'
  | 'html';

export type OptionType =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  /** A non-empty string without control characters. */
  | { readonly kind: 'string' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A list of values from `values`. */
  | { readonly kind: 'enums'; readonly values: readonly string[] }
  /** `{ id: name }` with string names. */
  | { readonly kind: 'names' }
  /** A FHIR reference: `Patient/123` or `{ reference, display? }` (the FHIR resolver checks the target). */
  | { readonly kind: 'reference' }
  /** One reference or a list of them. */
  | { readonly kind: 'references' }
  /** An instant (string) or a Date (the resolver checks the format). */
  | { readonly kind: 'instant' }
  /** A list its group's resolver checks item by item (`headings`). */
  | { readonly kind: 'list'; readonly describe: string }
  /** A structured value its group's resolver checks (`audio`, `confidenceMarker`…). */
  | { readonly kind: 'object'; readonly describe: string }
  /** `true`/`false`, or an object its group's resolver checks (`redact: { propagate: false }`). */
  | { readonly kind: 'boolean-or-object'; readonly describe: string };

/** How an option is given on the command line, when it is. */
export interface OptionFlag {
  /** The flag without dashes: `max-lines`. */
  readonly name: string;
  /** The value placeholder in help: `<n>`, `<ref>`; none for a switch. */
  readonly value?: string;
  /** A flag that turns a default-true option off: `--no-timestamps`. */
  readonly negated?: true;
  /** The flag may be given several times (a list). */
  readonly repeatable?: true;
}

export interface OptionSpec {
  /** The option's name in the library, the config file and SCRIBEKIT_EXPORT_OPTIONS: `maxLines`. */
  readonly key: string;
  readonly group: OptionGroup;
  readonly type: OptionType;
  /** One line for `--help` and the README tables. */
  readonly description: string;
  /** The default, as shown in the docs. */
  readonly default?: string;
  readonly flag?: OptionFlag;
}

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

/** What a value of the type must be: `must be an integer from 1 to 3`. */
export function requirementOf(type: OptionType): string {
  switch (type.kind) {
    case 'boolean':
      return 'must be true or false';
    case 'integer':
    case 'number': {
      const what = type.kind === 'integer' ? 'an integer' : 'a number';
      if (type.min !== undefined && type.max !== undefined)
        return `must be ${what} from ${type.min} to ${type.max}`;
      if (type.min !== undefined) return `must be ${what} of at least ${type.min}`;
      return `must be ${what}`;
    }
    case 'string':
      return 'must be a non-empty string without control characters';
    case 'enum':
      return `must be one of ${list(type.values)}`;
    case 'enums':
      return `must be a list of ${list(type.values)}`;
    case 'names':
      return 'must be an object of id → name strings, e.g. `{ "spk_0": "Dr. Rivera" }`';
    case 'reference':
      return 'must be a reference such as `Patient/123` or `{ "reference": "Patient/123" }`';
    case 'references':
      return 'must be a reference such as `Practitioner/7`, or a list of them';
    case 'instant':
      return 'must be an instant with seconds and a time zone, such as `2024-05-01T14:35:00Z`';
    case 'object':
    case 'list':
      return `must be ${type.describe}`;
    case 'boolean-or-object':
      return `must be true, false or ${type.describe}`;
  }
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !CONTROL.test(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isReference = (v: unknown) =>
  isText(v) || (isPlainObject(v) && isText(v.reference) && (v.display === undefined || isText(v.display)));

/** Whether a value has the option's type (ranges included). */
export function hasType(type: OptionType, value: unknown): boolean {
  switch (type.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (type.kind === 'number' || Number.isInteger(value)) &&
        (type.min === undefined || value >= type.min) &&
        (type.max === undefined || value <= type.max)
      );
    case 'string':
      return isText(value);
    case 'enum':
      return typeof value === 'string' && type.values.includes(value);
    case 'enums':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && type.values.includes(v));
    case 'names':
      return (
        isPlainObject(value) &&
        Object.entries(value).every(([k, v]) => k.trim() !== '' && typeof v === 'string' && v.trim() !== '')
      );
    case 'reference':
      return isReference(value);
    case 'references':
      return isReference(value) || (Array.isArray(value) && value.length > 0 && value.every(isReference));
    case 'instant':
      return (
        typeof value === 'string' ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (value instanceof Date && !Number.isNaN(value.getTime()))
      );
    case 'object':
      return isPlainObject(value);
    case 'list':
      return Array.isArray(value);
    case 'boolean-or-object':
      return typeof value === 'boolean' || isPlainObject(value);
  }
}

/** Throws OptionsError (`{key} must be …`) when a given value does not have its option's type. */
export function checkType(spec: OptionSpec, value: unknown): void {
  if (value === undefined || (value === null && spec.type.kind === 'object')) return;
  if (!hasType(spec.type, value)) throw invalidOption(spec.key, requirementOf(spec.type));
}
