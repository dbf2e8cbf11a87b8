import { commandDefaults, OptionsError, spokenCommands } from '@scribekit/core';
import { describe, expect, it } from 'vitest';
import { dictate, span } from './dictation-tokens.js';

/** The commands as `kind(number): words`. */
function commands(text: string): string[] {
  const tokens = dictate(text);
  return spokenCommands(tokens, 0, tokens.length).map(
    (c) => `${c.kind}${c.number === undefined ? '' : `(${c.number})`}: ${span(tokens, c.start, c.end)}`,
  );
}

describe('spokenCommands', () => {
  it('finds dictated punctuation and layout commands, with the service punctuation after them', () => {
    expect(
      commands('The patient is stable period New paragraph. The wound is clean comma dry and intact period'),
    ).toEqual(['period: period', 'new-paragraph: New paragraph .', 'comma: comma', 'period: period']);
    expect(commands('Blood pressure colon 120/80.')).toEqual(['colon: colon']);
    expect(commands('Heart rate colon Regular.')).toEqual(['colon: colon']);
    expect(commands('No distress. next line. Neck supple. Next paragraph')).toEqual([
      'new-line: next line .',
      'new-paragraph: Next paragraph',
    ]);
    expect(commands('Stable. Next number. Asthma.')).toEqual(['next-number: Next number .']);
    expect(commands('Number two, diabetes. number 3 Obesity.')).toEqual([
      'next-number(2): Number two ,',
      'next-number(3): number 3',
    ]);
    expect(commands('Stable+600 /100/ period.')).toEqual(['period: period .']);
  });

  it('leaves the same words alone where they are speech', () => {
    expect(commands('She did well in the postoperative period.')).toEqual([]);
    expect(commands('Her last menstrual period was in May.')).toEqual([]);
    expect(commands('Over a two week period. Over a period of time.')).toEqual([]);
    expect(commands('He was in a comma for two days. Diabetic comma.')).toEqual([]);
    expect(commands('The sigmoid colon was normal. Colon cancer screening.')).toEqual([]);
    expect(commands('There is diverticulosis of the colon.')).toEqual([]);
    expect(commands('We will try a new line of treatment.')).toEqual([]);
    expect(commands('He placed a new line yesterday.')).toEqual([]);
    expect(commands('The next number on the list is his.')).toEqual([]);
    expect(commands('It is the number one cause.')).toEqual([]);
    expect(commands('Number one cause of death.')).toEqual([]);
    expect(commands('The long scope reached the transverse colon and the patient slept.')).toEqual([]);
  });

  it('handles empty ranges, empty tokens and range limits', () => {
    expect(spokenCommands([], 0, 0)).toEqual([]);
    const tokens = dictate('Stable ∅ period ∅ The end new paragraph');
    expect(spokenCommands(tokens, 0, tokens.length).map((c) => c.kind)).toEqual(['period', 'new-paragraph']);
    expect(spokenCommands(tokens, 0, 2)).toEqual([]);
    expect(() => spokenCommands(tokens, 0, tokens.length + 1)).toThrow(OptionsError);
    expect(commandDefaults.pauseMs).toBe(300);
  });
});
