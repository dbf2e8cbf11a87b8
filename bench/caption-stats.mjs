// Corpus-wide caption statistics (issue #4): segments every parsable corpus transcript with each
// preset and measures the cues against the rules with captionQuality. Prints a Markdown report.
// Usage: pnpm build && node bench/caption-stats.mjs [--preset=netflix|bbc|dcmp|all] [--files]
import { readFileSync } from 'node:fs';
import { isTranscriptError, parseTranscript } from '@scribekit/core';
import { buildCues, captionQuality, captionRules } from '@scribekit/exporters';

const corpus = new URL('../../shared/corpus/', import.meta.url);
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const presetArg = arg('preset') ?? 'all';
const presets = presetArg === 'all' ? ['netflix', 'bbc', 'dcmp'] : [presetArg];
const perFile = process.argv.includes('--files');

const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8'));
const transcripts = [];
for (const e of manifest.filter((m) => m.expected !== 'reject')) {
  try {
    transcripts.push({
      file: e.file,
      t: parseTranscript(readFileSync(new URL(e.file, corpus)), { file: e.file }),
    });
  } catch (error) {
    if (!isTranscriptError(error) || error.code !== 'E_UNSUPPORTED_FORMAT') throw error;
  }
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;
const out = [];
out.push(
  `Corpus: ${transcripts.length} parsable transcripts, ${transcripts.reduce((n, x) => n + x.t.tokens.filter((k) => k.kind === 'word').length, 0)} words.`,
);
out.push('');
out.push(
  `| preset | cues | mean cps | ${captionRules.join(' | ')} | cps ≤ target | every rule | violations (single-word) | cue ends at . ? ! | at , ; : | line/cue ends on a/an/the/of/to |`,
);
out.push(`|---|---|---|${captionRules.map(() => '---').join('|')}|---|---|---|---|---|---|`);
const fileRows = [];
for (const preset of presets) {
  let cues = 0;
  let cpsWeighted = 0;
  let target = 0;
  let all = 0;
  let violations = 0;
  let single = 0;
  let sentenceEnds = 0;
  let clauseEnds = 0;
  let badLines = 0;
  let lines = 0;
  const within = Object.fromEntries(captionRules.map((r) => [r, 0]));
  for (const { file, t } of transcripts) {
    const list = buildCues(t, { preset });
    const q = captionQuality(list, { preset });
    cues += q.cues;
    cpsWeighted += q.meanCps * q.cues;
    target += q.withinTargetCps * q.cues;
    all += q.withinAll * q.cues;
    violations += q.violations.length;
    single += q.violations.filter((v) => v.singleWord).length;
    for (const r of captionRules) within[r] += q.within[r] * q.cues;
    for (const c of list) {
      const end = c.lines.at(-1) ?? '';
      if (/[.?!…。？！]["')\]]*$/.test(end)) sentenceEnds++;
      else if (/[,;:、，]["')\]]*$/.test(end)) clauseEnds++;
      for (const l of c.lines) {
        lines++;
        if (/\b(a|an|the|of|to)$/i.test(l)) badLines++;
      }
    }
    if (perFile && preset === presets[0]) {
      fileRows.push(
        `| ${file} | ${q.cues} | ${q.meanCps.toFixed(1)} | ${pct(q.withinAll)} | ${pct(q.within.maxCps)} | ${q.crossChannelOverlaps} |`,
      );
    }
  }
  out.push(
    `| ${preset} | ${cues} | ${(cpsWeighted / cues).toFixed(2)} | ${captionRules.map((r) => pct(within[r] / cues)).join(' | ')} | ${pct(target / cues)} | ${pct(all / cues)} | ${violations} (${single}) | ${pct(sentenceEnds / cues)} | ${pct(clauseEnds / cues)} | ${pct(badLines / lines)} of lines |`,
  );
}
if (perFile) {
  out.push(
    '',
    `Per file (${presets[0]}):`,
    '',
    '| file | cues | mean cps | every rule | cps ≤ max | cross-channel overlaps |',
    '|---|---|---|---|---|---|',
    ...fileRows,
  );
}
console.log(out.join('\n'));
