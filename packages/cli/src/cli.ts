// The command-line program, which bin.ts starts once V8's compile cache is on: signal handling, then `run`.
import { exitForSignal, STOP_SIGNALS } from './exit-codes.js';
import { run } from './main.js';
import { removeTempFilesSync } from './output/write-atomic.js';

/** Runs the `scribekit` process: its arguments, streams and signals; sets the exit code. */
export async function main(): Promise<void> {
  // Ctrl-C, SIGTERM (a container or job scheduler stopping us) and SIGHUP (the terminal closed): the first
  // stops the batch (running conversions finish their atomic writes, temp files are removed, exit 128 + the
  // signal's number); a second one removes the temp files still open and exits at once.
  const interrupt = new AbortController();
  for (const name of Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]) {
    process.on(name, () => {
      if (interrupt.signal.aborted) {
        removeTempFilesSync();
        process.exit(exitForSignal(name));
      }
      interrupt.abort(name);
    });
  }
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
}
