#!/usr/bin/env node
// Prints the README's export-options table from the built option specs (`@scribekit/exporters/options`), the one
// source of the CLI flags, the config file keys and SCRIBEKIT_EXPORT_OPTIONS. `--write` puts it into README.md
// between <!-- options:start --> and <!-- options:end -->; test/export-options-owner.test.ts checks they match.
// Run `npx tsc -b` first (it reads packages/exporters/dist).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../packages/exporters/dist/', import.meta.url);
if (!existsSync(new URL('options/index.js', dist))) {
  process.stderr.write('packages/exporters/dist is missing: run `npx tsc -b` first\n');
  process.exit(1);
}
const { exportOptionSpecs } = await import(new URL('options/index.js', dist).href);
const { exporters } = await import(new URL('render/index.js', dist).href);

const START = '<!-- options:start -->';
const END = '<!-- options:end -->';
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text) => `\`${text}\``;

/** What values the option takes, in a few words. */
function valueText(type) {
  const range = (what) =>
    type.min !== undefined && type.max !== undefined
      ? `${what} ${type.min}–${type.max}`
      : type.min !== undefined
        ? `${what} ≥ ${type.min}`
        : what;
  switch (type.kind) {
    case 'boolean':
      return 'true / false';
    case 'integer':
      return range('integer');
    case 'number':
      return range('number');
    case 'string':
      return 'text';
    case 'enum':
      return type.values.map(code).join(', ');
    case 'enums':
      return `list of ${type.values.map(code).join(', ')}`;
    case 'names':
      return '{ id: name }';
    case 'reference':
      return 'FHIR reference';
    case 'references':
      return 'FHIR reference(s)';
    case 'instant':
      return 'instant';
    case 'object':
    case 'list':
      return type.describe;
    case 'boolean-or-object':
      return `true / false or ${type.describe}`;
    default:
      throw new Error(`unknown option type ${type.kind}`);
  }
}

/** The formats that read an option group (`common`: every format). */
function formatsOf(group) {
  if (group === 'common') return 'all';
  const names = Object.entries(exporters)
    .filter(([, entry]) => entry.groups.includes(group))
    .map(([name]) => name);
  return names.length === 0 ? '—' : names.join(', ');
}

function flagOf(flag) {
  if (flag === undefined) return '';
  return code(`--${flag.negated ? 'no-' : ''}${flag.name}${flag.value ? ` ${flag.value}` : ''}`);
}

export function optionsTable() {
  const rows = [
    '| key (config file, `SCRIBEKIT_EXPORT_OPTIONS`, library) | flag | value | default | formats | meaning |',
    '|---|---|---|---|---|---|',
  ];
  for (const spec of exportOptionSpecs) {
    rows.push(
      `| ${[
        code(spec.key),
        flagOf(spec.flag),
        valueText(spec.type),
        spec.default ?? '',
        formatsOf(spec.group),
        spec.description,
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}

const table = optionsTable();
if (process.argv.includes('--write')) {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    process.stderr.write(`README.md has no ${START} … ${END} markers\n`);
    process.exit(1);
  }
  writeFileSync(readme, `${text.slice(0, start + START.length)}\n${table}${text.slice(end)}`);
} else process.stdout.write(table);
