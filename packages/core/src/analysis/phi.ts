// PHI entities counted by their normalised type.
import type { Transcript } from '../model.js';
import type { Analysis } from './types.js';

export function phiCounts(t: Transcript): Analysis['phi'] {
  const byType: Record<string, number> = {};
  for (const e of t.entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
  const sorted: Record<string, number> = {};
  for (const type of Object.keys(byType).sort()) sorted[type] = byType[type]!;
  return { total: t.entities.length, byType: sorted };
}
