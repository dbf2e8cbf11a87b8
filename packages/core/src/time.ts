// Seconds (as Transcribe writes them: "12.282", "0.0", 4.87) → integer milliseconds, rounded once here.

/** Converts seconds given as a number or numeric string to integer milliseconds; NaN when not numeric. */
export function secondsToMs(value: string | number): number {
  const seconds = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Math.round(seconds * 1000);
}

/** True for a finite number, or a string holding one (`"0.000000"`, `"270.572"`). */
export function isNumeric(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

/** Formats milliseconds as `hh:mm:ss` (hours unbounded), for timestamps in documents. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
