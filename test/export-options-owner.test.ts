// Export options have one owner (issue 13): every entry of `exportOptionSpecs` is accepted by the config file,
// by the Lambda's SCRIBEKIT_EXPORT_OPTIONS and — when it has a flag — by the command line (and every export flag
// of `convert` and `fetch` comes from a spec); the README's options table is the one generated from the specs.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { configFromEnv } from '@scribekit/cli/lambda';
import { exportOptionSpecs, hasType, type OptionSpec } from '@scribekit/exporters/options';
import { describe, expect, it } from 'vitest';
import { addExportFlags, exportFlagValues } from '../packages/cli/src/commands/export-flags.js';
import { loadConfig } from '../packages/cli/src/pipeline/config.js';
import { cli, repoRoot, tempDir } from './support/cli.js';

/** commander, as the CLI package resolves it (the root has no dependency of its own on it). */
const { Command } = createRequire(join(repoRoot, 'packages/cli/package.json'))(
  'commander',
) as typeof import('../packages/cli/node_modules/commander/typings/index.js');

/** A valid value of each option (the structured ones need what their resolvers check). */
const SPECIAL: Record<string, unknown> = {
  confidenceMarker: { below: 0.5 },
  audio: { reference: 'Media/1' },
  audioStart: '2024-05-01T14:30:00Z',
  date: '2024-05-01T14:35:00Z',
};

function sample(spec: OptionSpec): unknown {
  if (Object.hasOwn(SPECIAL, spec.key)) return SPECIAL[spec.key];
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return spec.flag?.negated ? false : spec.default !== 'true';
    case 'integer':
    case 'number': {
      // The documented default is valid with the other defaults (a minimum may not be: `targetCps` 0 is refused).
      const n = Number(spec.default);
      return Number.isFinite(n) ? n : (t.max ?? (t.min ?? 0) + 1);
    }
    case 'string':
      return 'Example title';
    case 'enum':
      return t.values[t.values.length - 1 > 0 && t.values[0] === spec.default ? 1 : 0];
    case 'enums':
      return [t.values[0]];
    case 'names':
      return { spk_0: 'Dr. Example' };
    case 'reference':
      return `${spec.key === 'subject' ? 'Patient' : spec.key === 'encounter' ? 'Encounter' : 'Practitioner'}/1`;
    case 'references':
      return 'Practitioner/7';
    case 'instant':
      return '2024-05-01T14:35:00Z';
    case 'object':
      return {};
    case 'list':
      return [{ title: 'Wound care' }];
    case 'boolean-or-object':
      return true;
  }
}

/** What the user types for a sample value. */
function flagArgs(spec: OptionSpec, value: unknown): string[] {
  const flag = spec.flag!;
  const name = `--${flag.negated ? 'no-' : ''}${flag.name}`;
  if (spec.type.kind === 'boolean' || spec.type.kind === 'boolean-or-object') return [name];
  if (spec.type.kind === 'names')
    return Object.entries(value as Record<string, string>).flatMap(([id, n]) => [name, `${id}=${n}`]);
  return [name, String(value)];
}

/** Options that make the others valid together: FHIR needs a subject, a final note a verifier. */
const base = (spec: OptionSpec) => ({
  ...(spec.key === 'subject' ? {} : { subject: 'Patient/1' }),
  ...(spec.key === 'docStatus' ? { verifier: 'Practitioner/2' } : {}),
  ...(spec.key === 'embedMedia' ? { media: 'visit.wav' } : {}),
});

describe('every export option spec', () => {
  it('has a value of its own type in this test (the samples are real)', () => {
    for (const spec of exportOptionSpecs) expect(hasType(spec.type, sample(spec)), spec.key).toBe(true);
  });

  it('is a key of the config file', async () => {
    const dir = tempDir('scribekit-owner-');
    for (const spec of exportOptionSpecs) {
      const path = join(dir, `${spec.key}.json`);
      writeFileSync(path, JSON.stringify({ [spec.key]: sample(spec) }));
      const config = await loadConfig(path, dir);
      expect((config.options as Record<string, unknown>)[spec.key], spec.key).toEqual(sample(spec));
    }
  });

  it('is a key of SCRIBEKIT_EXPORT_OPTIONS (checked for every format)', () => {
    for (const spec of exportOptionSpecs) {
      const config = configFromEnv({
        SCRIBEKIT_FORMATS: 'all',
        SCRIBEKIT_EXPORT_OPTIONS: JSON.stringify({ ...base(spec), [spec.key]: sample(spec) }),
      });
      expect((config.exportOptions as Record<string, unknown>)[spec.key], spec.key).toEqual(sample(spec));
    }
  });

  it('a reference the job tags may still give is not missing yet, for the Lambda; it is for a plain check', async () => {
    const { checkExportOptions } = await import('@scribekit/exporters/render');
    const given = { require: ['author', 'encounter'] };
    expect(() =>
      configFromEnv({ SCRIBEKIT_FORMATS: 'fhir-json', SCRIBEKIT_EXPORT_OPTIONS: JSON.stringify(given) }),
    ).not.toThrow();
    expect(() => checkExportOptions(['fhir-json'], { subject: 'Patient/1', ...given })).toThrow(/author/);
  });

  it('with a flag, is set by that flag on the command line', () => {
    for (const spec of exportOptionSpecs.filter((s) => s.flag !== undefined)) {
      const cmd = addExportFlags(new Command().exitOverride());
      cmd.parse(flagArgs(spec, sample(spec)), { from: 'user' });
      expect(exportFlagValues(cmd).options, spec.key).toEqual({ [spec.key]: sample(spec) });
    }
  });

  it('convert and fetch offer exactly the flagged specs as export flags (plus --channel)', async () => {
    const flags = exportOptionSpecs.flatMap((s) =>
      s.flag ? [`--${s.flag.negated ? 'no-' : ''}${s.flag.name}`] : [],
    );
    for (const command of ['convert', 'fetch']) {
      const help = (await cli([command, '--help'])).stdout;
      for (const flag of [...flags, '--channel']) expect(help, `${command} ${flag}`).toContain(flag);
    }
    const cmd = addExportFlags(new Command());
    const added = cmd.options.map((o) => o.long).sort();
    expect(added).toEqual([...flags, '--channel'].sort());
  });
});

describe('the README options table', () => {
  it('is the table scripts/options-table.mjs prints from the built specs', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- options:start -->\n');
    const end = readme.indexOf('<!-- options:end -->');
    expect(start).toBeGreaterThan(0);
    const inReadme = readme.slice(start + '<!-- options:start -->\n'.length, end);
    const printed = execFileSync(process.execPath, [join(repoRoot, 'scripts/options-table.mjs')], {
      encoding: 'utf8',
    });
    expect(inReadme, 'run `npx tsc -b && node scripts/options-table.mjs --write`').toBe(printed);
    // One row per spec, in table order.
    const keys = [...inReadme.matchAll(/^\| `([A-Za-z0-9]+)` \|/gm)].map((m) => m[1]);
    expect(keys).toEqual(exportOptionSpecs.map((s) => s.key));
  });
});
