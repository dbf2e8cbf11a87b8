#!/usr/bin/env node
// The `scribekit` command. A committed file, so package managers can link it before the first build; the
// program itself is the bundle `npm run build` makes (dist/bundle/, from the `tsc -b` output in dist/).
import '../dist/bundle/bin.js';
