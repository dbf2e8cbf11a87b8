// Takes docs/images/review-page.png: the review page of examples/conversation.json, written by the built CLI
// with a silent recording of the right length embedded (so the audio controls work), opened in Debian's
// headless Chromium, the audio moved to a word and the low-confidence queue stepped twice.
// Needs `pnpm build`, /usr/bin/chromium and playwright-core in .tmp/real-clients (CLIENTS_DIR).
// Run: node scripts/review-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { silentWav } from '../test/support/silent-wav.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const clients = process.env.CLIENTS_DIR ?? join(root, '.tmp/real-clients');
const out = join(root, 'docs/images/review-page.png');

const dir = mkdtempSync(join(tmpdir(), 'scribekit-review-'));
try {
  const example = join(root, 'examples/conversation.json');
  const end = JSON.parse(readFileSync(example, 'utf8')).results.items.reduce(
    (max, item) => Math.max(max, Number(item.end_time ?? 0)),
    0,
  );
  const wav = join(dir, 'conversation.wav');
  writeFileSync(wav, silentWav(Math.ceil(end * 1000) + 500));
  execFileSync(
    process.execPath,
    [
      join(root, 'packages/cli/bin/scribekit.js'),
      'convert',
      example,
      '--to',
      'html',
      '-o',
      dir,
      '--media',
      wav,
      '--embed-media',
      '--low-confidence',
      '0.9',
      '--speaker',
      'spk_0=Dr. Rivera',
      '--speaker',
      'spk_1=Patient',
      '--reviewer',
      'A. Reviewer',
      '-q',
    ],
    { stdio: 'inherit' },
  );
  const { chromium } = createRequire(join(clients, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1720 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(dir, 'conversation.html')).href);
    await page.waitForSelector('html[data-ready]');
    await page.waitForFunction(`document.querySelector('#audio').readyState >= 1`);
    await page.locator('#transcript i').nth(30).click();
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
