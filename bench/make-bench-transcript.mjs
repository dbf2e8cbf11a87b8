// Builds the ~40,000-word (~5 h) bench transcript by repeating a real corpus file with shifted times.
// The corpus file is read in place from ../shared/corpus; the result is kept in memory (never committed).
import { readFileSync } from 'node:fs';

export const benchSource = new URL(
  '../../shared/corpus/real/std-speakers2-large-1.5MB.json',
  import.meta.url,
);

/** Returns the bench transcript as JSON text (compact, like real output). */
export function makeBenchTranscript(targetWords = 40_000) {
  const src = JSON.parse(readFileSync(benchSource, 'utf8'));
  const r = src.results;
  const span = Math.ceil(Math.max(...r.items.filter((i) => i.end_time).map((i) => Number(i.end_time))) + 1);
  const shift = (v, by) => (Number(v) + by).toFixed(3);
  const items = [];
  const segments = [];
  let words = 0;
  let id = 0;
  for (let round = 0; words < targetWords; round++) {
    const by = round * span;
    for (const it of r.items) {
      if (words >= targetWords && it.type === 'pronunciation') break;
      const copy = { ...it, id: id++ };
      if (it.start_time !== undefined) {
        copy.start_time = shift(it.start_time, by);
        copy.end_time = shift(it.end_time, by);
        words++;
      }
      items.push(copy);
    }
    for (const seg of r.speaker_labels.segments) {
      segments.push({
        ...seg,
        start_time: shift(seg.start_time, by),
        end_time: shift(seg.end_time, by),
        items: seg.items.map((i) => ({
          ...i,
          start_time: shift(i.start_time, by),
          end_time: shift(i.end_time, by),
        })),
      });
    }
  }
  const last = Number(items.filter((i) => i.end_time).at(-1).end_time);
  const json = {
    jobName: 'bench-40k-words',
    accountId: '000000000000',
    status: 'COMPLETED',
    results: {
      transcripts: [{ transcript: '' }],
      speaker_labels: {
        channel_label: 'ch_0',
        speakers: 2,
        segments: segments.filter((s) => Number(s.start_time) <= last),
      },
      items,
    },
  };
  return JSON.stringify(json);
}
