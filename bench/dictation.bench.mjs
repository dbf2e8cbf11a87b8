// Bench: dictation structure. Speaks the 342 MTSamples reports (../shared/corpus/dictation, CC0) as
// Transcribe Medical DICTATION output with bench/dictation/speak.mjs and scores detectSections and
// numberedItems against the reports' typed headings and lists; sweeps the pause threshold; counts detections
// on the real (conversational) corpus; measures paragraph lengths on every real batch transcript; and times
// the dictation functions against parsing, as a ratio. Run after `pnpm build`:
//   npm run bench -- dictation        (or: node bench/dictation.bench.mjs)
import { existsSync, readFileSync } from 'node:fs';
import {
  detectSections,
  joinTokens,
  numberedItems,
  paragraphBreaks,
  parseTranscript,
  spokenCommands,
} from '../packages/core/dist/index.js';
import { paragraphLengths, scoreReports } from './dictation/score.mjs';
import { parseCsv } from './dictation/speak.mjs';
import { median } from './lib.mjs';

const corpus = ['../../shared/corpus/', '../../../shared/corpus/']
  .map((p) => new URL(p, import.meta.url))
  .find((u) => existsSync(new URL('manifest.json', u)));

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const top = (counts, n = 12) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ') || 'none';

const letters = (text) => text.replace(/[^\p{L}\p{N}]/gu, '').length;

/**
 * How Transcribe times pauses in a real transcript: the gap after a word, its ms per letter, and the pause
 * measure of core's dictation/words.ts (gap + duration beyond rate × letters + 100 ms) reaching 300 ms,
 * inside sentences vs before `.`/`,`.
 */
function pauseRates(file, t) {
  const words = t.tokens.filter((k) => k.kind === 'word' && letters(k.text) > 0);
  const rates = words.filter((k) => letters(k.text) >= 2).map((k) => (k.endMs - k.startMs) / letters(k.text));
  const rate = median(rates);
  const inner = { n: 0, paused: 0, gaps: [], perLetter: [] };
  const marked = { n: 0, paused: 0, gaps: [], perLetter: [] };
  for (let i = 0; i + 1 < t.tokens.length; i++) {
    const a = t.tokens[i];
    if (a.kind !== 'word' || letters(a.text) === 0) continue;
    let j = i + 1;
    while (j < t.tokens.length && t.tokens[j].kind !== 'word') j++;
    if (j >= t.tokens.length || t.tokens[j].speaker !== a.speaker) continue;
    const next = t.tokens[i + 1];
    const group = next.kind === 'punctuation' ? marked : inner;
    const gap = Math.max(0, t.tokens[j].startMs - a.endMs);
    const stretch = Math.max(0, a.endMs - a.startMs - rate * letters(a.text) - 100);
    group.n++;
    group.gaps.push(gap);
    group.perLetter.push((a.endMs - a.startMs) / letters(a.text));
    if (gap + stretch >= 300) group.paused++;
  }
  const f = (g) =>
    `gap median ${median(g.gaps).toFixed(0)} ms, ${median(g.perLetter).toFixed(0)} ms/letter, pause ≥ 300 ms ${pct(g.paused / g.n)}`;
  return `${file}: inside sentences ${f(inner)}; before . or , ${f(marked)}`;
}

export default async function dictationBench() {
  if (!corpus) throw new Error('the shared corpus (../shared/corpus) is missing');
  const rows = parseCsv(readFileSync(new URL('dictation/mtsamples-dev.csv', corpus), 'utf8'));
  const core = { parseTranscript, detectSections, numberedItems };
  const lines = [];

  const runs = [
    ['clinician', 1],
    ['clinician', 2],
    ['variant', 3],
  ];
  for (const [model, seed] of runs) {
    const s = scoreReports(rows, core, { seed, model });
    lines.push(
      `${model} seed ${seed}: ${s.reports} reports, ${s.tokens} tokens; recall over the common sections ${pct(s.recall)} (${s.common} headings); precision over all headings written ${pct(s.precision)} (${s.written}); recall over all typed headings ${pct(s.recallAll)} (${s.truth}); numbered items recall ${pct(s.itemRecall)} (${s.items}), precision ${pct(s.itemPrecision)}`,
    );
    lines.push(`  misses: ${top(s.misses)}`);
    lines.push(`  false headings: ${top(s.falsePositives)}`);
  }

  // The colon-like pause: how recall and precision move with it (and with no timing cue at all).
  const sweep = [];
  for (const pauseMs of [150, 200, 300, 450, 600, 1e9]) {
    const a = scoreReports(rows, core, { seed: 1, model: 'clinician', sectionOptions: { pauseMs } });
    const b = scoreReports(rows, core, { seed: 3, model: 'variant', sectionOptions: { pauseMs } });
    sweep.push(
      `${pauseMs === 1e9 ? 'no pause cue' : `${pauseMs} ms`}: clinician ${pct(a.recall)} / ${pct(a.precision)}, variant ${pct(b.recall)} / ${pct(b.precision)}`,
    );
  }
  lines.push(`pause sweep (recall / precision): ${sweep.join('; ')}`);

  // Real transcripts (conversations and monologues, not dictations): every heading found there is suspect.
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8'));
  const batch = manifest.filter((e) => e.kind === 'transcribe-batch' && e.expected === 'parse');
  let realWords = 0;
  const realFound = {};
  const realAnyPause = {};
  const paragraphLines = [];
  const timingLines = [];
  for (const e of batch) {
    const t = parseTranscript(readFileSync(new URL(e.file, corpus)), { file: e.file });
    const turns = t.turns.length > 0 ? t.turns : [{ firstToken: 0, endToken: t.tokens.length }];
    if (t.metadata.languageCode?.startsWith('en')) {
      realWords += t.tokens.filter((k) => k.kind === 'word').length;
      for (const turn of turns)
        for (const d of detectSections(t.tokens, turn.firstToken, turn.endToken))
          realFound[d.id] = (realFound[d.id] ?? 0) + 1;
      // Exposure: heading phrases at sentence starts that any pause at all would make headings.
      for (const turn of turns)
        for (const d of detectSections(t.tokens, turn.firstToken, turn.endToken, { pauseMs: 0 }))
          realAnyPause[d.id] = (realAnyPause[d.id] ?? 0) + 1;
    }
    if (t.metadata.languageCode?.startsWith('en') && t.tokens.length > 800)
      timingLines.push(pauseRates(e.file, t));
    const p = paragraphLengths(t, { paragraphBreaks, joinTokens });
    if (p.longestTurn > 1200)
      paragraphLines.push(
        `${e.file}: longest turn ${p.longestTurn} chars → ${p.paragraphs} paragraphs, max ${p.max}, p50 ${p.p50}, p95 ${p.p95}, over 1,200: ${p.over1200}, over 1,500: ${p.over1500}`,
      );
  }
  lines.push(
    `headings found in the real English transcripts (${realWords} words, not dictations): ${top(realFound)}; with pauseMs 0: ${top(realAnyPause)}`,
  );
  lines.push(...timingLines.map((l) => `timing: ${l}`));
  lines.push(...paragraphLines.map((l) => `paragraphs: ${l}`));

  // Speed on the 56-minute monologue, as a ratio to parsing it (medians of interleaved rounds).
  const text = readFileSync(new URL('real/std-plain-56min-1.2MB.json', corpus));
  const parseMs = [];
  const dictationMs = [];
  for (let r = 0; r < 7; r++) {
    let t0 = performance.now();
    const t = parseTranscript(text);
    parseMs.push(performance.now() - t0);
    t0 = performance.now();
    const n = t.tokens.length;
    detectSections(t.tokens, 0, n);
    numberedItems(t.tokens, 0, n);
    spokenCommands(t.tokens, 0, n);
    paragraphBreaks(t.tokens, 0, n);
    dictationMs.push(performance.now() - t0);
  }
  lines.push(
    `speed (56-min monologue, ${text.length} bytes): sections + items + commands + paragraphs take ${(median(dictationMs) / median(parseMs)).toFixed(2)} × the parse time (${median(dictationMs).toFixed(1)} ms vs ${median(parseMs).toFixed(1)} ms)`,
  );
  return { name: 'dictation: sections, lists, paragraphs', lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await dictationBench();
  for (const line of r.lines) console.log(`- ${line}`);
}
