// ISO 8601 instants ↔ HL7 v2 TS/DTM (`YYYYMMDDHHMM[SS[.S[S[S[S]]]]]+/-ZZZZ`).
// The instant keeps its own UTC offset (the wall time a clinician saw); a Date is written in UTC.
import { OptionsError } from '@scribekit/core';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** A date-time as an instant: an ISO 8601 string with a time zone, or a Date. */
export type Hl7Instant = string | Date;

/**
 * `2026-03-04T09:05:30.25-05:00` → `20260304090530.25-0500`; a Date → UTC with milliseconds.
 * Fractions keep at most four digits (DTM's limit; truncated, not rounded). `field` names the value in
 * the OptionsError thrown for anything that is not a valid instant with a time zone.
 */
export function hl7DateTime(value: Hl7Instant, field = 'date'): string {
  const iso = value instanceof Date ? dateToIso(value, field) : value;
  const m = typeof iso === 'string' ? ISO.exec(iso.trim()) : null;
  if (!m) throw invalid(field);
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const ok =
    validDate(Number(y), Number(mo), Number(d)) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    (s === undefined || Number(s) < 60) &&
    (z !== undefined || (Number(oh) < 24 && Number(om) < 60));
  if (!ok) throw invalid(field);
  const seconds = s === undefined ? '' : `${s}${frac ? `.${frac.slice(0, 4)}` : ''}`;
  const zone = z !== undefined ? '+0000' : `${sign}${oh}${om}`;
  return `${y}${mo}${d}${h}${mi}${seconds}${zone}`;
}

/** The inverse for full values (`YYYYMMDDHHMM[SS[.S…]]±ZZZZ`) → ISO 8601; null for anything else. */
export function hl7DateTimeToIso(ts: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?([+-])(\d{2})(\d{2})$/.exec(ts);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  const seconds = `:${s ?? '00'}${frac ? `.${frac}` : ''}`;
  return `${y}-${mo}-${d}T${h}:${mi}${seconds}${sign}${oh}:${om}`;
}

function dateToIso(date: Date, field: string): string {
  if (Number.isNaN(date.getTime())) throw invalid(field);
  return date.toISOString();
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // 29 for February in a leap year
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && !leap ? 28 : days);
}

function invalid(field: string): OptionsError {
  return new OptionsError(`Expected \`${field}\` to be an ISO 8601 date-time with a time zone`);
}
