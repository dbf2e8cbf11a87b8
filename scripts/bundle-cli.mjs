// Bundles the built CLI (packages/cli/dist, from `tsc -b`) into packages/cli/dist/bundle/, the program the
// `scribekit` command runs. Node resolves, reads and links every ES module on its own; ~120 small files cost a
// short conversion about a fifth of its time (bench/RESULTS.md, issue 17). The bundle keeps every dynamic
// import as its own chunk, so a command still loads only what it uses (`--to vtt` never loads the DOCX writer).
//
// Only scribekit's own packages are inlined. Third-party packages stay imports (resolved from packages/cli, which
// lists the dependencies of core and exporters as its own for this reason; test/cli-bundle.test.ts checks it).
// `modules.json` beside the chunks maps each chunk to the modules it holds, for the startup-module tests.
import { rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}packages/cli/`;
const out = `${cli}dist/bundle/`;

const ownPackage = (id) => id.startsWith('@scribekit/');
const relativeOrAbsolute = (id) => id.startsWith('.') || id.startsWith('/');

rmSync(out, { recursive: true, force: true });
const result = await build({
  input: { bin: `${cli}dist/bin.js` },
  platform: 'node',
  cwd: cli,
  external: (id) => !relativeOrAbsolute(id) && !ownPackage(id),
  logLevel: 'warn',
  output: {
    dir: out,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    // Readable output: stack traces and profiles name the real functions.
    minify: false,
  },
});

const modules = {};
for (const chunk of result.output) {
  if (chunk.type !== 'chunk') continue;
  modules[chunk.fileName] = chunk.moduleIds
    .filter((id) => id.startsWith('/'))
    .map((id) => relative(root, id));
}
writeFileSync(`${out}modules.json`, `${JSON.stringify(modules, null, 1)}\n`);
