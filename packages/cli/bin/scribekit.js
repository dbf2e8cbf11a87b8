#!/usr/bin/env node
// The `scribekit` command. A committed file, so package managers can link it before the first build;
// the program itself is the built `dist/bin.js`.
import '../dist/bin.js';
