// Zod issues → plain `{path, message}` issues with zod-style dot paths (`results.items[12].start_time`).
// Messages are rewritten in plain words and never include the offending value (it may be patient data).
import type { z } from 'zod';
import type { ParseIssue } from './errors.js';

/** Formats a path such as ['results', 'items', 12, 'type'] as `results.items[12].type`. */
export function toDotPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

const MAX_ISSUES = 20;

/**
 * Parse settings that keep the offending value on each issue, so a message can say what kind of value it is
 * ("got an object") instead of "missing". The value itself never reaches a message.
 */
export const REPORT_INPUT = { reportInput: true } as const;

/** Converts zod issues to ParseIssues (at most 20, in document order). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): ParseIssue[] {
  return issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: toDotPath(issue.path, prefix),
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return !('input' in issue) || issue.input === undefined
        ? `Expected ${article(issue.expected)}, but it is missing`
        : `Expected ${article(issue.expected)}, got ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `Expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `Expected at least ${entries(issue.minimum)}`
        : `Expected a value of at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `Expected at most ${entries(issue.maximum)}`
        : `Expected a value of at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'Expected a number or a decimal numeric string';
    case 'custom':
      return issue.message;
    default:
      return issue.message.replace(/"[^"]*"/g, 'a value');
  }
}

function entries(n: number | bigint): string {
  return `${String(n)} ${n === 1 || n === 1n ? 'entry' : 'entries'}`;
}

function article(expected: string): string {
  if (expected === 'array') return 'an array';
  if (expected === 'object') return 'an object';
  if (expected === 'int') return 'an integer';
  return `a ${expected}`;
}

/** The JSON kind of a value, for messages (never the value itself). */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}
