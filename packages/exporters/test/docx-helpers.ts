// Reading generated DOCX files back in tests: unzip, the main document part, its text, a diff-friendly layout,
// and synthetic Transcribe batch JSON for the robustness cases.

import type { Token } from '@scribekit/core';
import { strFromU8, unzipSync } from 'fflate';

export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export function documentXml(bytes: Uint8Array): string {
  const xml = unzipDocx(bytes)['word/document.xml'];
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml;
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};
export const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (m) => ENTITIES[m] ?? m);

/** The text of every `w:t`, paragraphs separated by newlines. */
export function xmlText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g))
    out += m[1] === undefined ? '\n' : unescapeXml(m[1]);
  return out;
}

/** One line per paragraph, table and row: the produced XML, only with line breaks added between elements. */
export function prettyXml(xml: string): string {
  return `${xml.replace(/(<w:p>|<w:p |<w:tbl>|<w:tr>|<w:tr |<w:sectPr|<\/w:body>)/g, '\n$1')}\n`;
}

/** The first token (index) whose text is not found after the previous one in `text`, or -1 when all are in order. */
export function firstMissingToken(
  text: string,
  tokens: readonly Pick<Token, 'text'>[],
  normalize = (s: string) => s,
): number {
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = normalize(tokens[i]!.text);
    if (word === '') continue;
    const found = text.indexOf(word, at);
    if (found < 0) return i;
    at = found + word.length;
  }
  return -1;
}

export interface SynthOptions {
  readonly words: number;
  /** Speakers (diarization); 0 for none. */
  readonly speakers?: number;
  /** Channels (channel identification); 0 for none. */
  readonly channels?: number;
  /** Milliseconds per word. */
  readonly stepMs?: number;
  readonly vocabulary?: readonly string[];
  readonly jobName?: string;
  readonly languageCode?: string;
  /** Words per speaker turn. */
  readonly turnWords?: number;
}

const VOCAB =
  'patient reports mild chest pain since tuesday with shortness of breath and no fever today'.split(' ');

/** Synthetic Transcribe batch JSON: words every `stepMs`, a full stop every 12 words, speakers taking turns. */
export function synthBatch(o: SynthOptions): string {
  const vocab = o.vocabulary ?? VOCAB;
  const step = o.stepMs ?? 400;
  const turnWords = o.turnWords ?? 20;
  const items: Record<string, unknown>[] = [];
  const segments: Record<string, unknown>[] = [];
  const s = (ms: number) => (ms / 1000).toFixed(3);
  for (let i = 0; i < o.words; i++) {
    const start = i * step;
    const speaker = o.speakers ? `spk_${Math.floor(i / turnWords) % o.speakers}` : undefined;
    const channel = o.channels ? `ch_${Math.floor(i / turnWords) % o.channels}` : undefined;
    const confidence = i % 17 === 5 ? '0.31' : '0.97';
    items.push({
      type: 'pronunciation',
      start_time: s(start),
      end_time: s(start + step - 50),
      alternatives: [{ confidence, content: vocab[i % vocab.length] }],
      ...(speaker ? { speaker_label: speaker } : {}),
      ...(channel ? { channel_label: channel } : {}),
    });
    if (i % 12 === 11) {
      items.push({
        type: 'punctuation',
        alternatives: [{ confidence: '0.0', content: '.' }],
        ...(speaker ? { speaker_label: speaker } : {}),
        ...(channel ? { channel_label: channel } : {}),
      });
    }
    if (speaker && i % turnWords === 0) {
      segments.push({
        start_time: s(start),
        end_time: s(Math.min(o.words, i + turnWords) * step - 50),
        speaker_label: speaker,
        items: [],
      });
    }
  }
  const results: Record<string, unknown> = {
    language_code: o.languageCode ?? 'en-US',
    transcripts: [{ transcript: '' }],
    items,
  };
  if (o.speakers) results.speaker_labels = { speakers: o.speakers, segments };
  if (o.channels) {
    results.channel_labels = {
      number_of_channels: o.channels,
      channels: Array.from({ length: o.channels }, (_, c) => ({
        channel_label: `ch_${c}`,
        items: items.filter((it) => it.channel_label === `ch_${c}`),
      })),
    };
  }
  return JSON.stringify({
    jobName: o.jobName ?? 'synthetic-job',
    accountId: '000000000000',
    status: 'COMPLETED',
    results,
  });
}
