// Seconds (as Transcribe writes them: "12.282", "0.0", 4.87) → integer milliseconds, rounded once here.

/**
 * A decimal number as Transcribe writes it in strings: digits with an optional fraction (and, for numbers
 * that came from other tools, an exponent). No hex (`0x10`), no `Infinity`, no surrounding spaces.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of a number or a decimal numeric string; NaN for anything else (`"0x10"`, `" 1"`, `""`). */
export function decimalValue(value: string | number): number {
  if (typeof value === 'number') return value;
  return DECIMAL.test(value) ? Number(value) : Number.NaN;
}

/** Converts seconds given as a number or decimal string to integer milliseconds; NaN when not numeric. */
export function secondsToMs(value: string | number): number {
  return Math.round(decimalValue(value) * 1000);
}

/** True for a finite number, or a string holding a decimal one (`"0.000000"`, `"270.572"`). */
export function isNumeric(value: unknown): value is string | number {
  return (typeof value === 'number' || typeof value === 'string') && Number.isFinite(decimalValue(value));
}

/** Formats milliseconds as `hh:mm:ss` (hours unbounded), for timestamps in documents. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
