// Preloaded with `node --import` by startup-modules.test.ts: records the URL of every module the process
// resolves (ESM imports and require calls alike, through module.registerHooks) and writes them, one a line,
// to the file named by SCRIBEKIT_LOADS_OUT when the process exits.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const out = process.env.SCRIBEKIT_LOADS_OUT;
if (!out) throw new Error('record-loads.mjs: set SCRIBEKIT_LOADS_OUT');
if (typeof registerHooks !== 'function') throw new Error('record-loads.mjs: needs module.registerHooks');
const seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    seen.add(result.url);
    return result;
  },
});
process.on('exit', () => writeFileSync(out, [...seen].join('\n')));
