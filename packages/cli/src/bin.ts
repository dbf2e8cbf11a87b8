#!/usr/bin/env node
// The `scribekit` command. It only turns on V8's on-disk compile cache (Node >= 22.1), then imports the program:
// modules a file imports statically are compiled before its code runs, so the cache covers every module of the
// CLI only when the program is imported after it is on. A warm cache makes a conversion start sooner
// (bench/results/node.md). Node's default directory unless NODE_COMPILE_CACHE names one;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. The variable hands it on to the worker threads.
import module from 'node:module';

const compileCache = module.enableCompileCache?.();
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;
const { main } = await import('./cli.js');
await main();
