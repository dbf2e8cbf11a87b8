// Bundles the built CLI (packages/cli/dist, from `tsc -b`) into packages/cli/dist/bundle/, the program the
// `scribekit` command runs. Node resolves, reads and links every ES module on its own; ~120 small files cost a
// short conversion about a fifth of its time (bench/RESULTS.md, issue 17). Lazy imports stay lazy: a command
// still loads only what it uses (`--to vtt` never loads the DOCX writer).
//
// Only scribekit's own packages are inlined. Third-party packages stay imports (resolved from packages/cli, which
// lists the dependencies of core and exporters as its own for this reason; packages/cli/test/bundle.test.ts checks it).
// `modules.json` beside the chunks maps each chunk to the modules it holds, for the startup-module tests.
import { rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}packages/cli/`;
const out = `${cli}dist/bundle/`;

const ownPackage = (id) => id.startsWith('@scribekit/');

/** The modules reachable from `roots` through static imports: the code that always loads with them. */
function staticClosure(roots, info) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length > 0) {
    const id = todo.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of info(id)?.importedIds ?? []) if (isAbsolute(next)) todo.push(next);
  }
  return seen;
}

// Left to itself the bundler cuts the code into one chunk per distinct set of lazy imports that share it: ~45
// small files, most of which every conversion loads. Two groups make that a few: the startup path (the program's
// static imports, which every command and `--help` load) and, beyond it, what every conversion loads (the convert
// command, the convert job and the render step, with their imports). The writers, the AWS work and the other
// commands stay chunks of their own, loaded on first use.
const CONVERSION_ROOTS = [
  'packages/cli/dist/run/convert.js',
  'packages/cli/dist/pipeline/convert-job.js',
  'packages/exporters/dist/render/index.js',
];
let groups;
/** The two groups' modules, computed once from the module graph. */
function groupsOf(ctx) {
  const info = (m) => ctx.getModuleInfo(m);
  groups ??= {
    startup: staticClosure([`${cli}dist/cli.js`], info),
    conversion: staticClosure(
      CONVERSION_ROOTS.map((r) => root + r),
      info,
    ),
  };
  return groups;
}
const startupChunk = (id, ctx) => (groupsOf(ctx).startup.has(id) ? 'startup' : null);
const conversionChunk = (id, ctx) => (groupsOf(ctx).conversion.has(id) ? 'conversion' : null);

const relativeOrAbsolute = (id) => id.startsWith('.') || isAbsolute(id);

rmSync(out, { recursive: true, force: true });
const result = await build({
  input: { bin: `${cli}dist/bin.js` },
  platform: 'node',
  cwd: cli,
  external: (id) => !relativeOrAbsolute(id) && !ownPackage(id),
  logLevel: 'warn',
  // "X is dynamically imported by A but also statically imported by B": true of the error classes and core, which
  // both lazy commands and eager modules import. What each command really loads is pinned by
  // packages/cli/test/startup-modules.test.ts, on this bundle.
  onLog: (level, log, handler) => {
    if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
  },
  output: {
    dir: out,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    // Readable output: stack traces and profiles name the real functions.
    minify: false,
    codeSplitting: {
      groups: [
        // The startup group is formed first (higher priority) and takes its modules out of the conversion group, so
        // what both need stays on the startup path.
        { name: startupChunk, debugName: 'startup', priority: 2 },
        { name: conversionChunk, debugName: 'conversion', priority: 1 },
      ],
    },
  },
});

const modules = {};
for (const chunk of result.output) {
  if (chunk.type !== 'chunk') continue;
  modules[chunk.fileName] = chunk.moduleIds.filter((id) => isAbsolute(id)).map((id) => relative(root, id));
}
writeFileSync(`${out}modules.json`, `${JSON.stringify(modules, null, 1)}\n`);
