// The HTML review page in real headless Chromium (playwright-core) with axe-core: no console errors, no network,
// the words and counts of the transcript, audio seeking, the keyboard queue, corrections and speaker renames
// saved as a corrections file that `convert --corrections` applies to txt, DOCX and FHIR; hostile text runs no
// script; every real corpus file renders with no word lost. Chromium missing: fails in CI, skips elsewhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, contentHash, parseTranscript, type Transcript } from '@scribekit/core';
import { toHtml } from '@scribekit/exporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, xmlText } from '../packages/exporters/test/docx-helpers.js';
import { type Browser, launchChromium } from './support/browser.js';
import { cli, repoRoot, tempDir } from './support/cli.js';
import { parsableBatch, readCorpus } from './support/corpus.js';
import { expectedWordIndexes, pageData, pageWords } from './support/html-page.js';
import { readersAvailable } from './support/real-clients.js';
import { silentWav } from './support/silent-wav.js';

const conversationPath = join(repoRoot, 'examples/conversation.json');
const conversation = () => parseTranscript(readFileSync(conversationPath));
const healthscribe = () =>
  parseTranscript(
    readFileSync(join(repoRoot, 'test/fixtures/healthscribe/visit-streaming-transcript.json')),
    {
      summary: readFileSync(join(repoRoot, 'test/fixtures/healthscribe/visit-summary.json')),
    },
  );

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=2</script>',
  '<!--',
  '"onmouseover="window.__pwned=3',
  'line\u2028sep\u2029end',
  "';window.__pwned=4;//",
];

/** The conversation example with its words replaced by hostile markup (raw JSON in, so the parser sees it). */
function hostile(): Transcript {
  const raw = JSON.parse(readFileSync(conversationPath, 'utf8'));
  let n = 0;
  for (const item of raw.results.items) {
    if (item.type === 'pronunciation') item.alternatives[0].content = HOSTILE[n++ % HOSTILE.length];
  }
  raw.results.transcripts[0].transcript = HOSTILE.join(' ');
  return parseTranscript(raw);
}

describe('review page in Node', () => {
  it('escapes words, speaker names and the embedded JSON (no </script>, <!-- or U+2028 in the data)', () => {
    const h = hostile();
    const html = toHtml(h, {
      speakerNames: { spk_0: '<b onclick="window.__pwned=5">Dr</b>' },
      title: '</title><script>window.__pwned=6</script>',
    });
    const script = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(html)![1]!;
    expect(script).not.toMatch(/<\/script|<!--|[\u2028\u2029]/i);
    for (const bad of ['<img src=x', '<script>window', '<b onclick', '"onmouseover="'])
      expect(html).not.toContain(bad);
    // Exactly the page's own two script elements.
    expect(html.match(/<script/g)).toHaveLength(2);
    const words = pageWords(html);
    expect(words.map((w) => w.text)).toEqual(expectedWordIndexes(h).map((k) => h.tokens[k]!.text));
    expect(words.slice(0, 4).map((w) => w.text)).toEqual(HOSTILE.slice(0, 4));
  });

  it('has a strict CSP whose hashes are the inline script and style', async () => {
    const { createHash } = await import('node:crypto');
    const html = toHtml(conversation(), { media: 'https://media.example/visit.mp3' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
      .exec(html)![1]!
      .replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain('media-src https://media.example;');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(html).not.toMatch(/ style="|https?:\/\/(?!media\.example)/);
  });

  it('refuses to embed a missing or too large file, and media of an unknown kind', () => {
    const dir = tempDir();
    const wav = join(dir, 'a.wav');
    writeFileSync(wav, silentWav(1000));
    const t = conversation();
    expect(() => toHtml(t, { media: join(dir, 'nope.wav'), embedMedia: true })).toThrow(/no such file/);
    expect(() => toHtml(t, { media: wav, embedMedia: true, embedMediaMaxBytes: 100 })).toThrow(
      /embedMediaMaxBytes/,
    );
    expect(() => toHtml(t, { media: join(dir, 'a.xyz'), embedMedia: true })).toThrow(/must end in one of/);
    expect(() => toHtml(t, { embedMedia: true })).toThrow(/needs `media`/);
    expect(toHtml(t, { media: wav, embedMedia: true })).toContain('src="data:audio/wav;base64,');
  });

  it('CLI: --media/--embed-media with its size limit, --corrections needs one input', async () => {
    const dir = tempDir();
    const wav = join(dir, 'visit.wav');
    writeFileSync(wav, silentWav(2000));
    const big = await cli([
      'convert',
      conversationPath,
      '--to',
      'html',
      '-o',
      dir,
      '--media',
      wav,
      '--embed-media',
      '--embed-media-max-bytes',
      '100',
    ]);
    expect(big.code).not.toBe(0);
    expect(big.stderr).toContain('--embed-media-max-bytes');
    const ok = await cli([
      'convert',
      conversationPath,
      '--to',
      'html',
      '-o',
      dir,
      '--media',
      wav,
      '--embed-media',
      '-q',
    ]);
    expect(ok.code).toBe(0);
    const html = readFileSync(join(dir, 'conversation.html'), 'utf8');
    expect(html).toContain(`src="data:audio/wav;base64,${readFileSync(wav).toString('base64')}"`);
    expect(html).toContain('media-src data:');
    const two = await cli([
      'convert',
      conversationPath,
      join(repoRoot, 'examples/dictation.json'),
      '--corrections',
      wav,
      '--to',
      'txt',
      '-o',
      dir,
    ]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--corrections applies to one transcript');
    const notJson = await cli([
      'convert',
      conversationPath,
      '--corrections',
      wav,
      '--to',
      'txt',
      '-o',
      join(dir, 'n'),
    ]);
    expect(notJson.code).not.toBe(0);
  });

  it('a redacted page shows placeholders and offers no word corrections', () => {
    const html = toHtml(conversation(), { redact: true });
    expect(JSON.parse(/id="page-data">([^<]*)</.exec(html)![1]!).redacted).toBe(true);
    const words = pageWords(html);
    expect(words.some((w) => w.classes.includes('r') && /^\[[A-Z]+\]$/.test(w.text))).toBe(true);
    expect(html).toContain('Yes, by scribekit');
  });

  it('matches its golden file (deterministic)', async () => {
    const t = conversation();
    const html = toHtml(t, { media: 'conversation.wav', reviewer: 'Reviewer' });
    expect(toHtml(t, { media: 'conversation.wav', reviewer: 'Reviewer' })).toBe(html);
    await expect(html).toMatchFileSnapshot('golden/conversation.html');
  });

  const corpus = parsableBatch();
  it.each(
    corpus.map((e) => e.file),
  )('%s: every word of the layout is a word element, with its data', (file) => {
    const t = parseTranscript(readCorpus(file), { file });
    const html = toHtml(t);
    const words = pageWords(html);
    const expected = expectedWordIndexes(t);
    expect(words.map((w) => w.index)).toEqual(expected);
    for (const w of words) {
      const tok = t.tokens[w.index]!;
      expect(w.text).toBe(tok.text);
      expect([w.startMs, w.endMs]).toEqual([tok.startMs, tok.endMs]);
      expect(w.confidence).toBe(tok.confidence === null ? null : Math.round(tok.confidence * 1000) / 1000);
    }
    const data = pageData(html);
    expect(data.hash).toBe(contentHash(t));
    expect(data.tokens).toBe(t.tokens.length);
    // Every word the transcript has is shown (only empty ones are not).
    expect(words.length).toBe(t.tokens.filter((k) => k.kind === 'word' && k.text !== '').length);
  });
});

const browserOk = readersAvailable('chromium', 'playwright-core');

describe.skipIf(!browserOk.ok)('review page in headless Chromium', () => {
  let browser: Browser;
  const dir = tempDir();
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page file; every request that is not one of `allowed` is aborted and recorded. */
  async function open(file: string, allowed: readonly string[] = [], contextOptions = {}) {
    const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
    const page = await context.newPage();
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    const url = pathToFileURL(file).href;
    const ok = new Set([url, ...allowed.map((f) => pathToFileURL(f).href)]);
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (ok.has(u)) return route.continue();
      blocked.push(u);
      return route.abort();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { timeout: 20_000 });
    return { page, context, errors, blocked, requests, url };
  }

  const write = (name: string, html: string) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return file;
  };

  it('shows every word with its data, plays from a clicked word, follows keys; no errors, no network, axe clean', async () => {
    const t = conversation();
    const wav = join(dir, 'conversation.wav');
    writeFileSync(wav, silentWav(t.durationMs + 1000));
    const file = write('conversation.html', toHtml(t, { media: 'conversation.wav' }));
    const { page, context, errors, blocked, requests } = await open(file, [wav]);
    const expected = expectedWordIndexes(t);
    const shown = (await page.evaluate(
      `[...document.querySelectorAll('#transcript i')].map((e) => ({ i: Number(e.dataset.i), s: Number(e.dataset.s), phi: e.dataset.phi ?? null, text: e.textContent }))`,
    )) as { i: number; s: number; phi: string | null; text: string }[];
    expect(shown.map((w) => w.i)).toEqual(expected);
    expect(shown.map((w) => w.text)).toEqual(expected.map((k) => t.tokens[k]!.text));
    expect(shown.map((w) => w.s)).toEqual(expected.map((k) => t.tokens[k]!.startMs));
    expect(shown.filter((w) => w.phi !== null).length).toBeGreaterThan(0);
    const a = analyze(t);
    expect(await page.textContent('#queue-pos')).toBe(`${a.lowConfidence.tokens.length} to check`);

    // Click a word: the audio seeks to it.
    await page.waitForFunction(`document.querySelector('#audio').readyState >= 1`);
    const k = expected[20]!;
    await page.locator('#transcript i').nth(20).click();
    const at = (await page.evaluate(`document.querySelector('#audio').currentTime`)) as number;
    expect(at).toBeCloseTo(t.tokens[k]!.startMs / 1000, 2);
    expect(await page.locator('#transcript i').nth(20).getAttribute('class')).toContain('cur');
    // Speed and arrows.
    await page.locator('h1').click();
    await page.keyboard.press(']');
    expect((await page.evaluate(`document.querySelector('#audio').playbackRate`)) as number).toBe(1.25);
    await page.keyboard.press('ArrowRight');
    const after = (await page.evaluate(`document.querySelector('#audio').currentTime`)) as number;
    expect(after).toBeCloseTo(t.tokens[k]!.startMs / 1000 + 5, 1);

    await page.evaluate(axeSource);
    const violations = (await page.evaluate(
      `axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
    )) as { id: string; impact: string; nodes: number }[];
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await context.close();
  });

  it('the keyboard queue visits every low-confidence word in order, and wraps', async () => {
    const t = conversation();
    const threshold = 0.95;
    const file = write('queue.html', toHtml(t, { lowConfidenceThreshold: threshold }));
    const { page, context, errors } = await open(file);
    // Every low-confidence word the page shows (an empty word has no element).
    const low = analyze(t, { lowConfidenceThreshold: threshold })
      .lowConfidence.tokens.map((x) => x.index)
      .filter((i) => t.tokens[i]!.text !== '');
    expect(low.length).toBeGreaterThan(3);
    await page.locator('h1').click();
    const visited: number[] = [];
    for (let q = 0; q < low.length; q++) {
      await page.keyboard.press(q % 2 === 0 ? 'n' : 'j');
      visited.push((await page.evaluate('Number(document.activeElement.dataset.i)')) as number);
    }
    expect(visited).toEqual(low);
    expect(await page.textContent('#queue-pos')).toBe(`${low.length} of ${low.length}`);
    await page.keyboard.press('n');
    expect(await page.evaluate('Number(document.activeElement.dataset.i)')).toBe(low[0]);
    await page.keyboard.press('p');
    expect(await page.evaluate('Number(document.activeElement.dataset.i)')).toBe(low.at(-1));
    // The tooltip shows the focused word's confidence.
    expect(await page.textContent('#tip')).toMatch(/confidence \d+%/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a correction and a speaker rename give the corrections file, and convert --corrections applies it', async () => {
    const t = conversation();
    const file = write('review.html', toHtml(t));
    const { page, context, errors } = await open(file);
    const n = 5;
    const k = expectedWordIndexes(t)[n]!;
    const word = page.locator('#transcript i').nth(n);
    await word.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Zebrafix');
    await page.keyboard.press('Enter');
    expect(await word.textContent()).toBe('Zebrafix');
    expect(await page.textContent('#edit-count')).toBe('1');
    await page.fill('input[data-rename="spk_0"]', 'Dr. Test');
    expect(
      await page.evaluate(
        `[...document.querySelectorAll('[data-spk="spk_0"]')].every((e) => e.textContent === 'Dr. Test')`,
      ),
    ).toBe(true);
    await page.fill('#reviewer', 'Q. Reviewer');
    await page.check('#reviewed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe(`${t.metadata.jobName}.corrections.json`);
    const saved = join(dir, 'review.corrections.json');
    await download.saveAs(saved);
    const c = JSON.parse(readFileSync(saved, 'utf8'));
    expect(c).toMatchObject({
      format: 'scribekit-corrections',
      version: 1,
      contentHash: contentHash(t),
      tokens: t.tokens.length,
      words: [{ index: k, original: t.tokens[k]!.text, text: 'Zebrafix' }],
      speakers: { spk_0: 'Dr. Test' },
      reviewed: true,
      reviewer: 'Q. Reviewer',
    });
    expect(Number.isNaN(Date.parse(c.savedAt))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();

    const out = join(dir, 'out');
    const r = await cli([
      'convert',
      conversationPath,
      '--corrections',
      saved,
      '--to',
      'txt,docx,fhir-json',
      '-o',
      out,
      '--subject',
      'Patient/1',
      '-q',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const txt = readFileSync(join(out, 'conversation.txt'), 'utf8');
    expect(txt).toContain('Zebrafix');
    expect(txt).toMatch(/^Dr\. Test /);
    expect(txt).not.toMatch(/\bspk_0\b/);
    const docx = xmlText(documentXml(readFileSync(join(out, 'conversation.docx'))));
    expect(docx).toContain('Zebrafix');
    expect(docx).toContain('Dr. Test');
    const fhir = readFileSync(join(out, 'conversation.fhir.json'), 'utf8');
    const decoded = [...fhir.matchAll(/"data": "([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1]!, 'base64').toString('utf8'),
    );
    expect([fhir, ...decoded].some((s) => s.includes('Zebrafix'))).toBe(true);
    const analysis = await cli(['analyze', conversationPath, '--corrections', saved, '--json']);
    expect(JSON.parse(analysis.stdout).review).toMatchObject({ corrected: 1, renamed: 1, reviewed: true });
    const table = await cli(['analyze', conversationPath, '--corrections', saved]);
    expect(table.stdout).toMatch(/Corrected\s+1 word, 1 speaker name; reviewed by Q\. Reviewer/);

    // Another transcript, or a stale original: a typed error naming the token, never a partial apply.
    const other = await cli([
      'convert',
      join(repoRoot, 'examples/dictation.json'),
      '--corrections',
      saved,
      '--to',
      'txt',
      '-o',
      join(dir, 'x'),
    ]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('another transcript');
    const stale = { ...c, words: [{ ...c.words[0], original: 'Quux' }] };
    writeFileSync(join(dir, 'stale.json'), JSON.stringify(stale));
    const s = await cli([
      'convert',
      conversationPath,
      '--corrections',
      join(dir, 'stale.json'),
      '--to',
      'txt',
      '-o',
      join(dir, 'y'),
    ]);
    expect(s.code).not.toBe(0);
    expect(s.stderr).toContain(`token ${k}`);
    expect(s.stderr).not.toContain('Quux');
    expect(s.stderr).not.toContain(t.tokens[k]!.text);
  });

  it('HealthScribe summary sentences highlight their evidence', async () => {
    const t = healthscribe();
    const file = write('healthscribe.html', toHtml(t));
    const { page, context, errors } = await open(file);
    const button = page.locator('button[data-ev]').first();
    await button.click();
    const highlighted = (await page.evaluate(
      `[...document.querySelectorAll('#transcript i.ev')].map((e) => Number(e.dataset.i))`,
    )) as number[];
    const bullet = t
      .summary!.sections.find((s) => s.bullets.some((b) => b.turnIds.length > 0))!
      .bullets.find((b) => b.turnIds.length > 0)!;
    const turn = t.turns.find((u) => u.id === bullet.turnIds[0])!;
    expect(highlighted.length).toBeGreaterThan(0);
    expect(
      highlighted.every((i) =>
        bullet.turnIds.some((id) => {
          const u = t.turns.find((x) => x.id === id)!;
          return i >= u.firstToken && i < u.endToken;
        }),
      ),
    ).toBe(true);
    expect(highlighted[0]).toBeGreaterThanOrEqual(turn.firstToken);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hostile words, names and title run no script, even with the CSP bypassed', async () => {
    const h = hostile();
    const html = toHtml(h, {
      speakerNames: { spk_0: '<img src=x onerror="window.__pwned=5">' },
      title: '</title><script>window.__pwned=6</script>',
    });
    const file = write('hostile.html', html);
    const { page, context, errors, blocked } = await open(file, [], { bypassCSP: true });
    await page.locator('#transcript i').first().hover();
    await page.locator('h1').click();
    await page.keyboard.press('n');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(
      await page.evaluate(`[...document.querySelectorAll('#transcript i')].map((e) => e.textContent)`),
    ).toEqual(expectedWordIndexes(h).map((k) => h.tokens[k]!.text));
    expect(await page.textContent('h1')).toBe('</title><script>window.__pwned=6</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('a sample of the real corpus renders in the browser with every word', async () => {
    const sample = parsableBatch()
      .sort((x, y) => x.bytes - y.bytes)
      .filter((_, i, all) => i === 0 || i === all.length - 1 || i % 6 === 0);
    for (const e of sample) {
      const t = parseTranscript(readCorpus(e.file), { file: e.file });
      const file = write(`corpus-${sample.indexOf(e)}.html`, toHtml(t));
      const { page, context, errors, blocked } = await open(file);
      const expected = expectedWordIndexes(t);
      expect(await page.getAttribute('html', 'data-ready'), e.file).toBe(String(expected.length));
      const indexes = await page.evaluate(
        `[...document.querySelectorAll('#transcript i')].map((e) => Number(e.dataset.i))`,
      );
      expect(indexes, e.file).toEqual(expected);
      expect(errors, e.file).toEqual([]);
      expect(blocked, e.file).toEqual([]);
      await context.close();
    }
  });
});
