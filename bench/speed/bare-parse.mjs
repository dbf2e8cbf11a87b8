// The floor for a whole conversion process: read the file and JSON.parse it, nothing else.
import { readFileSync } from 'node:fs';

const json = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (typeof json !== 'object') process.exitCode = 1;
