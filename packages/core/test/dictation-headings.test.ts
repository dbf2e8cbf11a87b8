import { detectSections, HEADINGS } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { dictate } from './dictation-tokens.js';

/** LOINC's mod-10 check digit of the code's number part (LOINC Users' Guide, "Calculating Mod 10"). */
function loincCheckDigit(number: string): number {
  const fromRight = [...number].reverse();
  const odd = fromRight.filter((_, i) => i % 2 === 0).join('');
  const even = fromRight.filter((_, i) => i % 2 === 1).join('');
  const digits = `${even}${Number(odd) * 2}`;
  const sum = [...digits].reduce((s, d) => s + Number(d), 0);
  return (10 - (sum % 10)) % 10;
}

describe('HEADINGS', () => {
  it('has unique ids, sentence-case titles and lower-case spoken forms used once', () => {
    const ids = HEADINGS.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    const forms = new Map<string, string>();
    for (const h of HEADINGS) {
      expect(h.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(h.title === 'HEENT' || /^\p{Lu}[^\p{Lu}]*$/u.test(h.title)).toBe(true);
      for (const s of h.spoken) {
        expect(s).toBe(s.toLowerCase());
        expect(forms.get(s.replace(/[\s-]/g, ''))).toBeUndefined();
        forms.set(s.replace(/[\s-]/g, ''), h.id);
      }
    }
  });

  it('codes are LOINC codes with a valid check digit, and HEENT (unverified) has none', () => {
    expect(loincCheckDigit('10164')).toBe(2);
    for (const h of HEADINGS.filter((x) => x.code)) {
      const [number, check] = h.code!.code.split('-');
      expect(h.code!.system).toBe('http://loinc.org');
      expect(Number(check)).toBe(loincCheckDigit(number!));
      expect(h.code!.display).not.toBe('');
    }
    expect(HEADINGS.find((h) => h.id === 'heent')!.code).toBeUndefined();
  });

  it('level-2 headings name parents that exist', () => {
    const ids = new Set(HEADINGS.map((h) => h.id));
    for (const h of HEADINGS.filter((x) => x.level === 2)) {
      expect(h.parents?.length).toBeGreaterThan(0);
      for (const p of h.parents!) expect(ids.has(p)).toBe(true);
    }
  });

  it('recognises every section the issue lists, and the spoken variants it names', () => {
    const spoken = [
      'chief complaint',
      'history of present illness',
      'history',
      'review of systems',
      'past medical history',
      'past surgical history',
      'family history',
      'social history',
      'medications',
      'allergies',
      'physical examination',
      'assessment',
      'impression',
      'diagnosis',
      'plan',
      'assessment and plan',
      'preoperative diagnosis',
      'postoperative diagnosis',
      'procedure',
      'procedures',
      'operation',
      'indications',
      'description of procedure',
      'findings',
      'anesthesia',
      'estimated blood loss',
      'complications',
      'specimens',
      'hospital course',
      'discharge diagnosis',
      'discharge medications',
      'disposition',
      'recommendations',
      'subjective',
      'objective',
      'laboratory data',
      'h and p',
      'exam',
      'a and p',
      'plan of care',
      'labs',
    ];
    for (const s of spoken) {
      const tokens = dictate(`${s}, text.`);
      const found = detectSections(tokens, 0, tokens.length);
      expect(found.length, s).toBe(1);
      expect(found[0]!.headingEnd, s).toBe(tokens.length - 2);
    }
    const exam = dictate(
      'Physical examination. Vital signs, stable. General, well. Heent, normal. Neck, supple. Lungs, clear. Heart, regular. Abdomen, soft. Extremities, warm. Neurologic, intact.',
    );
    expect(detectSections(exam, 0, exam.length).filter((s) => s.level === 2).length).toBe(9);
  });
});
