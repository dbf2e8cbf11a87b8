// The analyze command's work: a readable table (or JSON) of the analysis. Words only with --show-text.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type Analysis,
  analyze,
  analyzeDefaults,
  applyCorrections,
  decodeText,
  formatClock,
  type ParticipantStats,
  parseJsonText,
  parseTranscript,
  type ReviewInfo,
  type Transcript,
} from '@scribekit/core';
import { InputError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, type Paint, paint, resolveIo, useColor } from '../io.js';
import type { PhiDetectRequest } from '../pipeline/detect-phi-step.js';

/** What `analyze` was asked to do (the command line as plain data). */
export interface AnalyzeRequest {
  readonly input: string;
  readonly json?: boolean | undefined;
  readonly showText?: boolean | undefined;
  readonly lowConfidence?: number | undefined;
  readonly silence?: number | undefined;
  /** Display names by speaker or channel id. */
  readonly speakerNames?: Readonly<Record<string, string>> | undefined;
  readonly summary?: string | undefined;
  /** The dictation layout's settings (sections, spoken commands), as for convert. */
  readonly layout?: {
    readonly sections?: 'auto' | 'on' | 'off' | undefined;
    readonly dictationCommands?: boolean | undefined;
  };
  /** `--detect-phi comprehend`: the PHI counts include what DetectPHI finds. */
  readonly detectPhi?: PhiDetectRequest | undefined;
  /** A review page's corrections file, applied before analysis. */
  readonly corrections?: string | undefined;
}

/** A dictation's structure as the documents lay it out: sections (ids, titles, codes), items, commands applied. */
async function dictationOf(t: Transcript, layout: AnalyzeRequest['layout']) {
  const { renderContext } = await import('@scribekit/exporters/render');
  const l = renderContext(t, layout ?? {}).layout();
  if (!l.structured) return null;
  const headed = l.sections.filter((s) => s.heading !== null);
  return {
    sections: headed.map((s) => ({
      id: s.heading!.id,
      title: s.heading!.title,
      code: s.heading!.code?.code ?? null,
    })),
    numberedItems: l.sections.reduce(
      (n, s) => n + s.blocks.reduce((m, b) => m + b.paragraphs.filter((p) => p.item).length, 0),
      0,
    ),
    commandsApplied: l.commandsApplied,
  };
}

export async function runAnalyze(flags: AnalyzeRequest, ioIn: CliIo): Promise<number> {
  const io = resolveIo(ioIn);
  const input = flags.input;
  const readInput = async (path: string, what: string) => {
    try {
      return await readFile(resolve(io.cwd, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`${path}: cannot read the ${what} (${code ?? 'unreadable'})`, { cause: error });
    }
  };
  const data = input === '-' ? await io.readStdin() : await readInput(input, 'input');
  const summary = flags.summary === undefined ? undefined : await readInput(flags.summary, 'summary');
  const parsed = parseTranscript(data, {
    file: input,
    ...(summary ? { summary, summaryFile: flags.summary } : {}),
  });
  let t =
    flags.corrections === undefined
      ? parsed
      : applyCorrections(
          parsed,
          parseJsonText(
            decodeText(await readInput(flags.corrections, 'corrections'), flags.corrections),
            flags.corrections,
          ),
          { file: flags.corrections },
        );
  if (flags.detectPhi) {
    const { detectPhiStep, phiDetectionNotice } = await import('../pipeline/detect-phi-step.js');
    io.stderr(`${await phiDetectionNotice(t)}\n`);
    const detected = await detectPhiStep(t, flags.detectPhi, io.signal);
    t = detected.transcript;
    io.stderr(`${detected.found}\n`);
  }
  const names = flags.speakerNames ?? {};
  const raw = analyze(t, {
    ...(flags.lowConfidence === undefined ? {} : { lowConfidenceThreshold: flags.lowConfidence }),
    ...(flags.silence === undefined ? {} : { silenceThresholdMs: flags.silence }),
    includeText: flags.showText === true,
  });
  const rename = (p: ParticipantStats) => (names[p.id] ? { ...p, label: names[p.id]! } : p);
  const a: Analysis = { ...raw, speakers: raw.speakers.map(rename), channels: raw.channels.map(rename) };
  const meta = {
    input,
    jobName: t.metadata.jobName,
    source: t.metadata.source,
    languageCode: t.metadata.languageCode,
    ...(t.review ? { review: t.review } : {}),
  };
  const dictation = await dictationOf(t, flags.layout);
  if (flags.json) {
    io.stdout(`${JSON.stringify({ ...meta, ...a, ...(dictation ? { dictation } : {}) }, null, 2)}\n`);
    return EXIT.ok;
  }
  const silenceMs = flags.silence ?? analyzeDefaults.silenceThresholdMs;
  io.stdout(formatAnalysis({ ...meta, silenceMs }, a, paint(useColor(io))));
  if (dictation) {
    const titles = dictation.sections.map((s) => s.title.toLowerCase()).join(', ');
    io.stdout(
      `\nDictation: ${dictation.sections.length} section${dictation.sections.length === 1 ? '' : 's'}${titles ? ` (${titles})` : ''}, ${dictation.numberedItems} numbered item${dictation.numberedItems === 1 ? '' : 's'}, ${dictation.commandsApplied} spoken command${dictation.commandsApplied === 1 ? '' : 's'} applied\n`,
    );
  }
  return EXIT.ok;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const conf = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const int = (n: number) => n.toLocaleString('en-US');

/** Left-aligned first column, right-aligned others. */
export function table(rows: readonly (readonly string[])[], c: Paint): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r, n) => {
      const line = r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd();
      return n === 0 ? c.bold(line) : line;
    })
    .join('\n');
}

export function formatAnalysis(
  meta: {
    input: string;
    jobName: string | null;
    source: string;
    languageCode: string | null;
    silenceMs: number;
    review?: ReviewInfo;
  },
  a: Analysis,
  c: Paint,
): string {
  const out: string[] = [];
  const facts: [string, string][] = [
    ['Input', meta.input],
    ...(meta.jobName ? ([['Job', meta.jobName]] as [string, string][]) : []),
    ['Source', meta.source + (meta.languageCode ? ` (${meta.languageCode})` : '')],
    ['Duration', formatClock(a.durationMs)],
    ['Words', `${int(a.words)} (+ ${int(a.punctuation)} punctuation)`],
    [
      'Confidence',
      `mean ${conf(a.confidence.mean)}, min ${conf(a.confidence.min)}; ${int(a.lowConfidence.tokens.length)} word${a.lowConfidence.tokens.length === 1 ? '' : 's'} below ${a.lowConfidence.threshold}`,
    ],
    [
      'PHI',
      a.phi.total === 0
        ? 'none found'
        : `${int(a.phi.total)} entities: ${Object.entries(a.phi.byType)
            .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
    ],
    ['Silences', `${a.silences.length} (gaps of ${(meta.silenceMs / 1000).toFixed(1)} s or more)`],
    ['Overlaps', String(a.overlaps.length)],
  ];
  if (a.longestMonologue) {
    const m = a.longestMonologue;
    facts.push([
      'Longest monologue',
      `${formatClock(m.durationMs)} (${m.speaker ?? m.channel ?? 'unknown'}, from ${formatClock(m.startMs)})`,
    ]);
  }
  if (meta.review) {
    const r = meta.review;
    facts.push([
      'Corrected',
      `${int(r.corrected)} word${r.corrected === 1 ? '' : 's'}, ${int(r.renamed)} speaker name${r.renamed === 1 ? '' : 's'}${r.reviewed ? `; reviewed${r.reviewer ? ` by ${r.reviewer}` : ''}` : ''}`,
    ]);
  }
  if (a.summary) {
    facts.push(['Clinical summary', `${a.summary.sections} sections, ${a.summary.bullets} bullets`]);
  }
  const w = Math.max(...facts.map(([k]) => k.length));
  for (const [k, v] of facts) out.push(`${c.bold(k.padEnd(w))}  ${v}`);

  for (const [title, list] of [
    ['Speaker', a.speakers],
    ['Channel', a.channels],
  ] as const) {
    if (list.length === 0) continue;
    out.push('');
    out.push(
      table(
        [
          [title, 'Talk time', 'Share', 'Words', 'Turns', 'WPM', 'Conf', 'Min conf'],
          ...list.map((p) => [
            p.label === p.id ? p.id : `${p.label} (${p.id})`,
            formatClock(p.talkTimeMs),
            pct(p.share),
            int(p.words),
            int(p.turns),
            String(Math.round(p.wordsPerMinute)),
            conf(p.meanConfidence),
            conf(p.minConfidence),
          ]),
        ],
        c,
      ),
    );
  }
  const low = a.lowConfidence.tokens.filter((k) => k.text !== undefined);
  if (low.length > 0) {
    out.push('');
    out.push(
      table(
        [
          ['Low-confidence word', 'At', 'Conf', 'Speaker'],
          ...low.map((k) => [
            k.text!,
            formatClock(k.startMs),
            conf(k.confidence),
            k.speaker ?? k.channel ?? '',
          ]),
        ],
        c,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
