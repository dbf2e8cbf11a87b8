// HL7 escaping and date-times: the escape sequences, replaced characters, the inverse, and TS/DTM.
import {
  countUnrepresentable,
  escapeFormattedText,
  escapeHl7,
  type Hl7Delimiters,
  hl7DateTime,
  hl7DateTimeToIso,
  splitLines,
  unescapeHl7,
} from '@scribekit/exporters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('escapeHl7', () => {
  it.each([
    ['a|b', 'a\\F\\b'],
    ['a^b', 'a\\S\\b'],
    ['a~b', 'a\\R\\b'],
    ['a\\b', 'a\\E\\b'],
    ['a&b', 'a\\T\\b'],
    ['|^~\\&', '\\F\\\\S\\\\R\\\\E\\\\T\\'],
    ['\\F\\', '\\E\\F\\E\\'],
    ['café 東京 😀', 'café 東京 😀'],
    ['tab\there', 'tab here'],
    ['one\r\ntwo\nthree\rfour\u2028five', 'one two three four five'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeHl7(text)).toBe(escaped);
    expect(escaped).not.toMatch(/[|^~&\r\n]/);
  });

  it('replaces what HL7 over MLLP cannot carry by U+FFFD, one for one, and counts it', () => {
    const text = `a\u0000b\u000Bc\u001Cd\u007Fe\u0090f\uD800g\uDC00h\uFFFEi\uFFFF`;
    expect(escapeHl7(text)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi\uFFFD');
    expect(countUnrepresentable(text)).toBe(9);
    expect(countUnrepresentable('plain text, 😀, tab\t and\nbreaks')).toBe(0);
    // A valid surrogate pair is kept.
    expect(escapeHl7('\uD83D\uDE00')).toBe('😀');
  });

  it('uses the delimiters it is given', () => {
    const d: Hl7Delimiters = { field: '#', component: '!', repetition: '*', escape: '$', subcomponent: '%' };
    expect(escapeHl7('a#b!c*d$e%f|g^h', d)).toBe('a$F$b$S$c$R$d$E$e$T$f|g^h');
    expect(unescapeHl7('a$F$b$S$c$R$d$E$e$T$f', d)).toBe('a#b!c*d$e%f');
  });
});

describe('escapeFormattedText and splitLines', () => {
  it('line breaks become \\.br\\ (CRLF counted once)', () => {
    expect(escapeFormattedText('a|b\r\nc\nd')).toBe('a\\F\\b\\.br\\c\\.br\\d');
    expect(splitLines('a\r\nb\rc\nd\u0085e\u2029f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('unescapeHl7', () => {
  it('reads the delimiter escapes, formatting commands and hex data', () => {
    expect(unescapeHl7('\\F\\\\S\\\\R\\\\E\\\\T\\')).toBe('|^~\\&');
    expect(unescapeHl7('a\\.br\\b\\.sp2\\c')).toBe('a\nb\nc');
    expect(unescapeHl7('\\H\\bold\\N\\ \\.in+4\\x')).toBe('bold x');
    expect(unescapeHl7('\\X0D0A\\|\\XC3A9\\')).toBe('\r\n|é');
    expect(unescapeHl7('keep \\Z99\\ and \\unterminated')).toBe('keep \\Z99\\ and \\unterminated');
  });

  it('is the inverse of escapeHl7 for one-line text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const line = s.replace(/[\t\r\n\u0085\u2028\u2029]/g, ' ');
        const expected = line.replace(
          /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g,
          '\uFFFD',
        );
        expect(unescapeHl7(escapeHl7(line))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('is the inverse of escapeFormattedText up to line-break style (property)', () => {
    const chars = fc.constantFrom('a', 'é', '|', '^', '~', '\\', '&', ' ', '\n', '\r\n', '😀', '.', 'b', 'r');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(unescapeHl7(escapeFormattedText(text))).toBe(text.replace(/\r\n/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('hl7DateTime', () => {
  it.each([
    ['2026-03-04T09:05:30.25-05:00', '20260304090530.25-0500'],
    ['2026-03-04T09:05:30Z', '20260304090530+0000'],
    ['2026-03-04t09:05:30z', '20260304090530+0000'],
    ['2026-03-04T09:05Z', '202603040905+0000'],
    ['2026-03-04T09:05:30.123456+0530', '20260304090530.1234+0530'],
    ['2024-02-29T00:00:00+14:00', '20240229000000+1400'],
  ])('%s → %s', (iso, ts) => {
    expect(hl7DateTime(iso)).toBe(ts);
  });

  it('writes a Date in UTC with milliseconds', () => {
    expect(hl7DateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('20260102030405.006+0000');
  });

  it.each([
    '2026-03-04',
    '2026-03-04T09:05:30',
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-04T24:00:00Z',
    '2026-03-04T09:60:00Z',
    '2026-03-04T09:05:60Z',
    'yesterday',
    '',
  ])('refuses %j with an OptionsError naming the field', (bad) => {
    expect(() => hl7DateTime(bad, 'document.originatedAt')).toThrowError(
      expect.objectContaining({
        code: 'E_OPTIONS',
        message: 'Expected `document.originatedAt` to be an ISO 8601 date-time with a time zone',
      }),
    );
  });

  it('refuses an invalid Date', () => {
    expect(() => hl7DateTime(new Date(Number.NaN))).toThrowError(/ISO 8601/);
  });

  it('hl7DateTimeToIso reads it back to the same instant', () => {
    for (const iso of ['2026-03-04T09:05:30.25-05:00', '2026-03-04T09:05:00Z', '1999-12-31T23:59:59+01:00']) {
      const back = hl7DateTimeToIso(hl7DateTime(iso));
      expect(back).not.toBeNull();
      expect(Date.parse(back!)).toBe(Date.parse(iso));
    }
    expect(hl7DateTimeToIso('20260304')).toBeNull();
  });
});
