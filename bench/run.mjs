// Runs every bench/*.bench.mjs (or those named on the command line) and prints their figures.
// Usage: npm run bench [-- parse captions …]
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.includes(f.replace('.bench.mjs', '')))
  .sort();
console.log(
  `node ${process.version}, ${(await import('node:os')).cpus().length} cores, ${new Date().toISOString()}`,
);
for (const f of files) {
  const { default: bench } = await import(new URL(f, import.meta.url));
  const result = await bench();
  console.log(`\n## ${result.name} (${f})`);
  if (Array.isArray(result.lines)) for (const line of result.lines) console.log(`- ${line}`);
  else
    for (const [key, value] of Object.entries(result))
      if (key !== 'name') console.log(`- ${key}: ${JSON.stringify(value)}`);
}
