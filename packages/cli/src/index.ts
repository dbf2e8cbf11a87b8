// Public API of @scribekit/cli (the command is in bin.ts). The modules the AWS commands build on are
// imported from their own files (convert/, output/, batch/), so the entry point stays light.
export { type CliIo, createProgram, EXIT, exitCodeFor, run, version } from './main.js';
