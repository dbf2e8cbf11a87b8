// Public API of @scribekit/cli (the command is in bin.ts).
export { type CliIo, createProgram, EXIT, run } from './main.js';
