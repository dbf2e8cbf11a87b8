import { detectSections, HEADINGS, type HeadingSpec, OptionsError, sectionDefaults } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { dictate, span } from './dictation-tokens.js';

/** The detected sections as `id: heading words | body words`. */
function sections(text: string, options?: Parameters<typeof detectSections>[3]): string[] {
  const tokens = dictate(text);
  return detectSections(tokens, 0, tokens.length, options).map(
    (s) =>
      `${s.id}: ${span(tokens, s.headingStart, s.headingEnd)} | ${span(tokens, s.headingEnd, s.bodyEnd)}`,
  );
}
const ids = (text: string, options?: Parameters<typeof detectSections>[3]) => {
  const tokens = dictate(text);
  return detectSections(tokens, 0, tokens.length, options).map((s) => s.id);
};

describe('detectSections', () => {
  it('finds the headings of a dictated note, with their punctuation, bodies, titles and codes', () => {
    const tokens = dictate(
      'History of present illness, the patient is a 57 year old female. Assessment, one, recurrent bunion deformity. Plan. Follow up in two weeks.',
    );
    const found = detectSections(tokens, 0, tokens.length);
    expect(found.map((s) => [s.id, s.title, s.level, s.code?.code, s.lists])).toEqual([
      ['history-of-present-illness', 'History of present illness', 1, '10164-2', false],
      ['assessment', 'Assessment', 1, '51848-0', true],
      ['plan', 'Plan', 1, '18776-5', true],
    ]);
    const [hpi, assessment, plan] = found;
    expect(span(tokens, hpi!.headingStart, hpi!.headingEnd)).toBe('History of present illness ,');
    expect(hpi!.bodyEnd).toBe(assessment!.headingStart);
    expect(assessment!.bodyEnd).toBe(plan!.headingStart);
    expect(span(tokens, plan!.headingStart, plan!.headingEnd)).toBe('Plan .');
    expect(plan!.bodyEnd).toBe(tokens.length);
  });

  it('tells a heading from the same words in a sentence', () => {
    expect(ids('Plan. We will start metformin.')).toEqual(['plan']);
    expect(ids('Plan, continue metformin.')).toEqual(['plan']);
    expect(ids('Plan to return in two weeks.')).toEqual([]);
    expect(ids('The history is notable for asthma.')).toEqual([]);
    expect(ids('We did an assessment of the wound.')).toEqual([]);
    expect(ids('Assessment of the wound was done.')).toEqual([]);
    expect(ids('History of hypertension.')).toEqual([]);
    expect(ids('He has a plan, he says.')).toEqual([]);
  });

  it('takes a pause after the heading as its colon, unless the next word continues the sentence', () => {
    expect(ids('Plan /800/ to return in two weeks.')).toEqual(['plan']);
    expect(ids('Plan /200/ to return in two weeks.')).toEqual([]);
    expect(ids('History /900/ is notable for asthma.')).toEqual([]);
    expect(ids('Findings /900/ of note include a small polyp.')).toEqual([]);
    // Transcribe stretches the word over the pause: the time the word lasts beyond its letters counts.
    expect(ids('Plan+700 to return in two weeks.')).toEqual(['plan']);
    expect(ids('Plan+700 to return', { pauseMs: 2000 })).toEqual([]);
  });

  it('closes a heading at a capitalised word, a clause opener or a numbered list', () => {
    expect(ids('Plan Continue metformin.')).toEqual(['plan']);
    expect(ids('History the patient is a 40 year old man.')).toEqual(['history']);
    expect(ids('Allergies none.')).toEqual(['allergies']);
    expect(ids('Postoperative diagnoses number one, cholelithiasis.')).toEqual(['postoperative-diagnosis']);
    expect(ids('Plan I think we should wait.')).toEqual([]);
  });

  it('prefers the longest spoken form and ignores case, hyphens and split words', () => {
    expect(ids('Assessment and plan, stable.')).toEqual(['assessment-and-plan']);
    expect(ids('History of the present illness. She is well.')).toEqual(['history-of-present-illness']);
    expect(ids('PRE-OPERATIVE DIAGNOSIS, cholelithiasis.')).toEqual(['preoperative-diagnosis']);
    expect(ids('pre operative diagnosis, cholelithiasis.')).toEqual(['preoperative-diagnosis']);
    expect(ids('Post-op diagnosis. Same.')).toEqual(['postoperative-diagnosis']);
    expect(ids('A and P, stable.')).toEqual(['assessment-and-plan']);
    expect(ids('Exam, alert.')).toEqual(['physical-examination']);
    expect(ids('Labs, pending.')).toEqual(['laboratory-data']);
  });

  it('accepts plurals but not other words that contain a heading', () => {
    expect(ids('Findings, normal.')).toEqual(['findings']);
    expect(ids('Plans, unchanged.')).toEqual(['plan']);
    expect(ids('Planet earth is round.')).toEqual([]);
    expect(ids('Planning, as usual, took long.')).toEqual([]);
    expect(ids('Exams. Normal.')).toEqual(['physical-examination']);
    expect(ids("She's here. Sh, quiet.")).toEqual(['social-history']);
    expect(ids("She's fine.")).toEqual([]);
  });

  it('recognises exam sub-sections only inside their parent section', () => {
    const tokens = dictate(
      'Physical examination. General, alert. Neck exam, supple. Heent, normal. Lungs, clear.',
    );
    expect(detectSections(tokens, 0, tokens.length).map((s) => `${s.id}/${s.level}`)).toEqual([
      'physical-examination/1',
      'general/2',
      'neck/2',
      'heent/2',
      'lungs/2',
    ]);
    expect(ids('Anesthesia, general. Lungs, clear.')).toEqual(['anesthesia']);
    expect(ids('Review of systems. Heart, no palpitations.')).toEqual(['review-of-systems', 'heart']);
    // Vital signs may open a section of its own, and the exam parts after it belong to it.
    expect(sections('Vital signs, blood pressure 120/80. Neck, supple.')).toEqual([
      'vital-signs: Vital signs , | blood pressure 120/80 .',
      'neck: Neck , | supple .',
    ]);
  });

  it('chains headings but reads a heading-like word right after one as its body', () => {
    expect(ids('Physical examination, general, well appearing.')).toEqual([
      'physical-examination',
      'general',
    ]);
    expect(sections('Physical examination. Heent, examination unremarkable.')).toEqual([
      'physical-examination: Physical examination . | ',
      'heent: Heent , | examination unremarkable .',
    ]);
  });

  it('handles headings at the very end, mixed case and an unpunctuated end', () => {
    expect(sections('He tolerated it well. PLAN.')).toEqual(['plan: PLAN . | ']);
    expect(sections('He tolerated it well. pLaN')).toEqual(['plan: pLaN | ']);
    expect(sections('Plan')).toEqual(['plan: Plan | ']);
  });

  it('takes a dictated colon as the heading mark only when asked', () => {
    expect(ids('Plan colon continue metformin.')).toEqual([]);
    expect(sections('Plan colon continue metformin.', { spokenPunctuation: true })).toEqual([
      'plan: Plan colon | continue metformin .',
    ]);
    expect(sections('Allergies colon. None.', { spokenPunctuation: true })).toEqual([
      'allergies: Allergies colon . | None .',
    ]);
    expect(ids('The sigmoid colon was normal.', { spokenPunctuation: true })).toEqual([]);
  });

  it('needs a sentence start, or a long pause and explicit punctuation', () => {
    expect(ids('It went well estimated blood loss, minimal.')).toEqual([]);
    expect(ids('It went well /1500/ estimated blood loss, minimal.')).toEqual(['estimated-blood-loss']);
    expect(ids('It went well /1500/ estimated blood loss /900/ minimal.')).toEqual([]);
    expect(ids('It went well /300/ estimated blood loss, minimal.', { startPauseMs: 200 })).toEqual([
      'estimated-blood-loss',
    ]);
  });

  it('reads only its range, whose start is a sentence start', () => {
    const tokens = dictate('We reviewed the plan, medications, and labs. Medications, none.');
    const from = tokens.findIndex((t) => t.text === 'medications');
    expect(detectSections(tokens, from, tokens.length).map((s) => [s.id, s.headingStart])).toEqual([
      ['medications', from],
      ['medications', tokens.findIndex((t) => t.text === 'Medications')],
    ]);
    expect(detectSections(tokens, 0, from)).toEqual([]);
    expect(detectSections(tokens, 3, 3)).toEqual([]);
    expect(detectSections([], 0, 0)).toEqual([]);
  });

  it('skips tokens with empty text', () => {
    const tokens = dictate('∅ Plan ∅ , ∅ continue metformin ∅ . ∅ Allergies ∅ none.');
    const found = detectSections(tokens, 0, tokens.length);
    expect(found.map((s) => s.id)).toEqual(['plan', 'allergies']);
    expect(found[0]!.headingStart).toBe(1);
  });

  it('partitions the range: headings in order, each body up to the next heading', () => {
    const tokens = dictate(
      'Chief complaint, cough. Hpi. Two weeks of cough. Ros, negative. Exam. Lungs, clear. Impression, bronchitis. Plan, rest.',
    );
    const found = detectSections(tokens, 0, tokens.length);
    expect(found.length).toBe(7);
    let at = 0;
    for (const s of found) {
      expect(s.headingStart).toBeGreaterThanOrEqual(at);
      expect(s.headingEnd).toBeGreaterThan(s.headingStart);
      expect(s.bodyEnd).toBeGreaterThanOrEqual(s.headingEnd);
      at = s.bodyEnd;
    }
    expect(at).toBe(tokens.length);
  });

  it('uses the given vocabulary instead of the built-in one, or none', () => {
    const wound: HeadingSpec = { id: 'wound-care', title: 'Wound care', spoken: ['wound care', 'dressing'] };
    expect(ids('Wound care, daily. Plan, rest.', { headings: [wound] })).toEqual(['wound-care']);
    expect(ids('Wound care, daily. Plan, rest.', { headings: [...HEADINGS, wound] })).toEqual([
      'wound-care',
      'plan',
    ]);
    expect(ids('Plan, rest.', { headings: [] })).toEqual([]);
  });

  it('rejects invalid options with typed errors that name no transcript words', () => {
    const tokens = dictate('Plan, rest.');
    expect(() => detectSections(tokens, 0, 99)).toThrow(OptionsError);
    expect(() => detectSections(tokens, 2, 1)).toThrow(OptionsError);
    expect(() => detectSections(tokens, 0, tokens.length, { pauseMs: -1 })).toThrow(OptionsError);
    expect(() =>
      detectSections(tokens, 0, tokens.length, { headings: [{ id: 'x', title: 'X', spoken: [] }] }),
    ).toThrow(/headings\[0\]/);
    expect(() =>
      detectSections(tokens, 0, tokens.length, {
        headings: [{ id: 'x', title: 'X', spoken: ['x'], level: 2 }],
      }),
    ).toThrow(OptionsError);
    expect(() => detectSections(tokens, 0, 99)).toThrow(/^Token range \[0, 99\) is not inside 0\.\.4$/);
  });

  it('documents its defaults', () => {
    expect(sectionDefaults).toEqual({ pauseMs: 300, startPauseMs: 1000 });
  });
});
