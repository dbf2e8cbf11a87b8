// Review page benchmark (issue #16): the page of the ~40,000-word bench transcript — its size against the
// plain text (target ≤ 4×), toHtml's time as a ratio to parse time, and the time to interactive in headless
// Chromium (target ≤ 1.5 s): from navigation start to the end of the page script (it sets `data-ready` when
// every word carries its data and the queue, audio and correction handlers are live), median of 5 loads.
// Needs Debian's /usr/bin/chromium and playwright-core in .tmp/real-clients (CLIENTS_DIR).
// Run: pnpm build && node bench/run.mjs html   (or: node bench/html.bench.mjs)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTranscript } from '@scribekit/core';
import { toHtml, toText } from '@scribekit/exporters';
import { fmt, median, timeInterleaved } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const clients = process.env.CLIENTS_DIR ?? fileURLToPath(new URL('../.tmp/real-clients/', import.meta.url));

/** Loads the page `rounds` times; returns the median ms from navigation start to `data-ready`, and more. */
async function timeToInteractive(file, rounds = 5) {
  const { chromium } = createRequire(join(clients, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const ready = [];
    const loaded = [];
    for (let r = 0; r < rounds + 1; r++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Records the moment the page script marks the page ready (init scripts run before the page's own).
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.documentElement?.hasAttribute('data-ready')) {
            window.__readyAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
      const t = await page.evaluate(() => ({
        ready: window.__readyAt,
        load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      }));
      if (r > 0) {
        ready.push(t.ready);
        loaded.push(t.load);
      }
      await context.close();
    }
    return { ready: median(ready), load: median(loaded), all: ready };
  } finally {
    await browser.close();
  }
}

export default async function htmlBench() {
  const json = makeBenchTranscript();
  const t = parseTranscript(json);
  const words = t.tokens.filter((k) => k.kind === 'word').length;
  const html = toHtml(t);
  const txt = toText(t);
  const htmlBytes = Buffer.byteLength(html);
  const txtBytes = Buffer.byteLength(txt);
  const times = timeInterleaved({ parse: () => parseTranscript(json), html: () => toHtml(t) }, 5, 1);
  const dir = mkdtempSync(join(tmpdir(), 'scribekit-html-bench-'));
  try {
    const file = join(dir, 'bench.html');
    writeFileSync(file, html);
    const tti = await timeToInteractive(file);
    return {
      name: 'html',
      lines: [
        `bench transcript: ${words} words, ${t.turns.length} turns, ${fmt(t.durationMs / 3_600_000, 2)} h`,
        `size: page ${fmt(htmlBytes / 1024, 0)} KB, txt ${fmt(txtBytes / 1024, 0)} KB: ${fmt(htmlBytes / txtBytes, 2)}× (target ≤ 4×)`,
        `parseTranscript: ${fmt(times.parse)} ms; toHtml: ${fmt(times.html)} ms; ratio toHtml/parse: ${fmt(times.html / times.parse, 2)}×`,
        `Chromium time to interactive (navigation start → page script done): median ${fmt(tti.ready)} ms of ${tti.all.map((x) => fmt(x, 0)).join(', ')} (target ≤ 1500 ms); load event ${fmt(tti.load)} ms`,
      ],
      figures: { ratioToTxt: htmlBytes / txtBytes, interactiveMs: tti.ready, htmlMs: times.html },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await htmlBench();
  for (const line of r.lines) process.stdout.write(`- ${line}\n`);
}
