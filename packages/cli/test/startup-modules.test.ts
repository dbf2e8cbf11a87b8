// What the built CLI really loads (startup.test.ts reads the imports; this runs the program): each command
// runs as `node --import record-loads.mjs <bin> …`, which lists every module resolved, and the third-party
// packages it loaded must be in that command's allowlist. A new heavy import on one of these paths (docx,
// fast-xml-parser, the AWS SDK, zod on good input …) fails here. Every check runs twice: on the command users run
// (packages/cli/bin → the bundle, whose chunks are mapped back to the modules they hold through the bundle's
// modules.json) and on the unbundled `tsc -b` output, so a bundle that merged a lazy module into the startup
// path fails as surely as a new static import.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot, tempDir, unbundledBinPath } from '../../../test/support/cli.js';

const recorder = fileURLToPath(new URL('support/record-loads.mjs', import.meta.url));
const tiny = join(repoRoot, 'test/fixtures/transcribe/medical-conversation-phi.json');
const dir = tempDir('scribekit-loads-');
const bundleDir = join(repoRoot, 'packages/cli/dist/bundle/');

/** The modules each chunk of the bundle holds (written by scripts/bundle-cli.mjs). */
function chunkModules(): Record<string, string[]> {
  const manifest = join(bundleDir, 'modules.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: build first (npm run build)`);
  return JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string[]>;
}

type Layout = 'bundle' | 'unbundled';
const LAYOUTS: readonly Layout[] = ['bundle', 'unbundled'];

/** Runs the built CLI and returns the modules it loaded: third-party packages and scribekit's own files. */
function loads(
  layout: Layout,
  args: readonly string[],
  expectCode = 0,
): { packages: string[]; own: string[]; chunks: number } {
  const bin = layout === 'bundle' ? binPath : unbundledBinPath;
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (npm run build)`);
  const out = join(dir, `loads-${layout}-${args.join('_').replace(/\W+/g, '-')}.txt`);
  const r = spawnSync(process.execPath, ['--import', recorder, bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, SCRIBEKIT_LOADS_OUT: out, NO_COLOR: '1' },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(expectCode);
  const urls = readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const chunks = layout === 'bundle' ? chunkModules() : {};
  const packages = new Set<string>();
  const own: string[] = [];
  let loadedChunks = 0;
  for (const url of urls) {
    const inModules = url.lastIndexOf('/node_modules/');
    if (inModules >= 0) {
      const [scope, name] = url.slice(inModules + '/node_modules/'.length).split('/');
      packages.add(scope!.startsWith('@') ? `${scope}/${name}` : scope!);
    } else if (url.startsWith('file:')) {
      const path = fileURLToPath(url);
      if (layout === 'bundle' && path.startsWith(bundleDir)) {
        const held = chunks[path.slice(bundleDir.length)];
        if (!held) throw new Error(`${path} is not in the bundle's modules.json: rebuild (npm run build)`);
        own.push(...held);
        loadedChunks++;
      } else own.push(path.slice(repoRoot.length));
    }
  }
  return { packages: [...packages].sort(), own, chunks: loadedChunks };
}

/** Third-party packages each command may load; scribekit's own packages resolve to packages/<pkg>/dist. */
const ALLOWED: Record<string, readonly string[]> = {
  help: ['commander'],
  'convert --to vtt': ['commander'],
  validate: ['commander'],
  analyze: ['commander'],
};

const notAllowed = (packages: string[], allowed: readonly string[]) =>
  packages.filter((p) => !allowed.includes(p));

describe.each(LAYOUTS)('modules the built CLI loads (%s)', (layout) => {
  it('--help: commander only', () => {
    const { packages, own } = loads(layout, ['--help']);
    expect(notAllowed(packages, ALLOWED.help!)).toEqual([]);
    // Beyond the CLI's own files (its bin, dist and package.json, for the version): the error classes and the
    // option table (flags and their help).
    const beyond = own.filter((f) => !/^packages\/cli\/(dist\/|bin\/|package\.json$)/.test(f));
    expect(
      beyond.filter((f) => f !== 'packages/core/dist/errors.js' && !/options|codes|hl7\/tables/.test(f)),
    ).toEqual([]);
  });

  it('convert --to vtt: no docx, fast-xml-parser, AWS SDK or zod; only the vtt writer', () => {
    const { packages, own, chunks } = loads(layout, ['convert', tiny, '--to', 'vtt']);
    // The bundle's startup and conversion groups (scripts/bundle-cli.mjs): a few files, not one per module.
    if (layout === 'bundle') expect(chunks).toBeLessThanOrEqual(10);
    expect(notAllowed(packages, ALLOWED['convert --to vtt']!)).toEqual([]);
    // The option table (options.js, codes.js, HL7 tables, the HL7 option check) loads for every command; no
    // other writer module may.
    const writers = own.filter(
      (f) =>
        f.startsWith('packages/exporters/dist/') &&
        /\/(docx|fhir|hl7|text|markdown|json|srt)\b/.test(f) &&
        !/\/(options|codes|tables|check)\.js$/.test(f),
    );
    expect(writers).toEqual([]);
    expect(own).toContain('packages/exporters/dist/vtt.js');
  });

  it('validate and analyze: commander only', () => {
    expect(notAllowed(loads(layout, ['validate', tiny]).packages, ALLOWED.validate!)).toEqual([]);
    expect(notAllowed(loads(layout, ['analyze', tiny]).packages, ALLOWED.analyze!)).toEqual([]);
  });

  it('(the recorder sees packages: a rejected file loads zod to explain it, --to docx loads docx)', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ results: { items: [{ type: 'x', alternatives: [] }] } }));
    const rejected = loads(layout, ['convert', bad, '--to', 'vtt'], 3);
    expect(rejected.packages).toContain('zod');
    const docx = loads(layout, ['convert', tiny, '--to', 'docx', '-o', join(dir, `out-${layout}`)]);
    expect(docx.packages).toContain('docx');
  });
});
