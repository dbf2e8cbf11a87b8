// Preloaded into the CLI by the CLI benchmark: on exit, the main thread reports the CPU time of the whole
// process (all threads: main, workers, libuv, GC) on stderr.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    process.stderr.write(`\nCPU ${(u.user + u.system) / 1000}\n`);
  });
}
