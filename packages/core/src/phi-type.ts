// PHI category/type as the service writes it → one placeholder type (`NAME`, `DATE`, …).
// The text is only inspected in memory to pick a type; it is never returned or logged.

const KNOWN: Record<string, string> = {
  NAME: 'NAME',
  PERSON: 'NAME',
  DATE: 'DATE',
  AGE: 'AGE',
  GENDER: 'GENDER',
  PHONE: 'PHONE',
  PHONE_OR_FAX: 'PHONE',
  FAX: 'PHONE',
  EMAIL: 'EMAIL',
  ADDRESS: 'ADDRESS',
  ZIP: 'ADDRESS',
  LOCATION: 'ADDRESS',
  FACILITY: 'ADDRESS',
  SSN: 'ID',
  ID: 'ID',
  ACCOUNT: 'ID',
  ACCOUNT_NUMBER: 'ID',
  INSURANCE: 'ID',
  LICENSE: 'ID',
  LICENSE_NUMBER: 'ID',
  VEHICLE: 'ID',
  URL: 'URL',
  IP: 'URL',
  IP_ADDRESS: 'URL',
  PROFESSION: 'PROFESSION',
};

const GROUPS: Record<string, string> = {
  PERSONAL: 'PERSONAL',
  GEOGRAPHIC: 'ADDRESS',
  ACCOUNT: 'ID',
  VEHICLE: 'ID',
  OTHER: 'OTHER',
};

const MONTHS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;

/**
 * Chooses the placeholder type for a PHI entity: an explicit type when the service gave a specific one,
 * else the category's group (`PHI-Personal` → `PERSONAL`, refined to DATE/AGE/PHONE when the text's
 * shape says so), else `PHI`.
 */
export function phiTypeOf(category: string, type: string | null | undefined, text: string): string {
  const explicit = normalise(type);
  if (explicit && KNOWN[explicit]) return KNOWN[explicit];
  const group = GROUPS[explicit ?? ''] ?? GROUPS[normalise(category.split('-').slice(1).join('-')) ?? ''];
  if (group === 'PERSONAL' || group === undefined) {
    if (MONTHS.test(text) || /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.test(text)) return 'DATE';
    if (/\b(years?|months?|weeks?)[ -]old\b/i.test(text)) return 'AGE';
    if (/@/.test(text)) return 'EMAIL';
    if (/^[\d\s().+-]{7,}$/.test(text)) return 'PHONE';
    if (group === 'PERSONAL') return 'NAME';
  }
  return group ?? (explicit && explicit !== 'PHI' && explicit !== 'PII' ? explicit : 'PHI');
}

function normalise(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const v = value
    .replace(/\*/g, '')
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return v === '' ? undefined : v;
}
