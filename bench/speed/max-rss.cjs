// Preloaded (`node --require`) by speed.bench.mjs: reports the process's peak RSS in KiB on stderr at exit.
process.on('exit', () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
