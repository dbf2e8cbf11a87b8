// HealthScribe clinical summary figures.
import type { Transcript } from '../model.js';
import type { Analysis } from './types.js';

/** Section, empty-section and bullet counts; undefined when the transcript has no summary. */
export function summaryCounts(t: Transcript): Analysis['summary'] {
  if (!t.summary) return undefined;
  let bullets = 0;
  let emptySections = 0;
  for (const s of t.summary.sections) {
    bullets += s.bullets.length;
    if (s.bullets.length === 0) emptySections++;
  }
  return { sections: t.summary.sections.length, emptySections, bullets };
}
