#!/usr/bin/env node
import { run } from './main.js';
import { removeTempFilesSync } from './output/write-atomic.js';

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
