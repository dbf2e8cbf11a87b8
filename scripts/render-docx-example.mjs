// Renders page 1 of the example transcript's DOCX to docs/images/example-transcript-page1.png:
// examples/conversation.json → toDocx → LibreOffice (PDF) → pdftoppm (PNG, 80 dpi).
// Needs `pnpm build`, LibreOffice (libreoffice-writer-nogui, fonts-liberation2) and poppler-utils.
// Run: pnpm build && node scripts/render-docx-example.mjs [--out=docs/images]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTranscript } from '../packages/core/dist/index.js';
import { toDocx } from '../packages/exporters/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outArg = process.argv.find((a) => a.startsWith('--out='));
const outDir = outArg ? outArg.slice(6) : join(root, 'docs/images');
const input = join(root, 'examples/conversation.json');

// Job description fields, as `scribekit fetch` would merge them (synthetic, like the example itself).
const job = {
  createdAt: '2026-03-02T15:04:05.000Z',
  completedAt: '2026-03-02T15:05:12.000Z',
  specialty: 'PRIMARYCARE',
  type: 'CONVERSATION',
};
const t = parseTranscript(readFileSync(input), { file: 'examples/conversation.json', job });
const bytes = await toDocx(t, {
  speakerNames: { spk_0: 'Clinician', spk_1: 'Patient' },
  date: '2026-03-02T15:05:12Z',
});

const work = mkdtempSync(join(tmpdir(), 'scribekit-render-'));
try {
  const docx = join(work, 'example-transcript.docx');
  writeFileSync(docx, bytes);
  execFileSync(
    'soffice',
    ['--headless', '--infilter=MS Word 2007 XML', '--convert-to', 'pdf', '--outdir', work, docx],
    { stdio: 'ignore' },
  );
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    join(work, 'example-transcript.pdf'),
    join(work, 'page1'),
  ]);
  mkdirSync(outDir, { recursive: true });
  renameSync(join(work, 'page1.png'), join(outDir, 'example-transcript-page1.png'));
  process.stdout.write(`wrote ${join(outDir, 'example-transcript-page1.png')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
