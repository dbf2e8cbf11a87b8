#!/usr/bin/env node
import module from 'node:module';
import { run } from './main.js';
import { removeTempFilesSync } from './output/write-atomic.js';

// V8's on-disk compile cache for the modules the commands load lazily (Node >= 22.1): a warm cache makes a
// conversion start ~50 ms sooner (bench/results/node.md). Node's default directory unless NODE_COMPILE_CACHE
// names one; NODE_DISABLE_COMPILE_CACHE=1 turns it off. The variable hands it on to the worker threads.
const compileCache = module.enableCompileCache?.();
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;

// Ctrl-C: the first stops the batch (running conversions finish their atomic writes, temp files are removed,
// exit 130); a second one removes the temp files still open and exits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) {
    removeTempFilesSync();
    process.exit(130);
  }
  interrupt.abort();
});
process.on('exit', removeTempFilesSync);
// `scribekit convert x.json --to txt | head`: a closed pipe ends the output quietly, as in other Unix tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: interrupt.signal,
});
