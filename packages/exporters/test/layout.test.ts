// The shared layout on small spoken dictations: headings, numbered items, spoken commands (opt-in), and a
// conversation left as it was.
import { parseTranscript, type Transcript } from '@scribekit/core';
import { documentLayout, toMarkdown, toText } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';

/** A one-voice Transcribe batch transcript from words; `,` `.` `?` are punctuation items, `|` a 1.5 s pause. */
function dictate(text: string, type: 'DICTATION' | 'CONVERSATION' = 'DICTATION', speakers = 1): Transcript {
  const items: unknown[] = [];
  let ms = 0;
  let n = 0;
  for (const part of text.split(/\s+/).filter(Boolean)) {
    if (part === '|') {
      ms += 1500;
      continue;
    }
    const m = /^(.*?)([.,?]?)$/.exec(part)!;
    const spk = `spk_${n++ % speakers}`;
    items.push({
      type: 'pronunciation',
      start_time: (ms / 1000).toFixed(3),
      end_time: ((ms + 300) / 1000).toFixed(3),
      alternatives: [{ content: m[1], confidence: '0.99' }],
      ...(speakers > 1 ? { speaker_label: spk } : {}),
    });
    ms += 350;
    if (m[2]) items.push({ type: 'punctuation', alternatives: [{ content: m[2], confidence: '0.0' }] });
  }
  const json = {
    jobName: 'layout-test',
    accountId: '1',
    status: 'COMPLETED',
    results: { transcripts: [{ transcript: text }], items },
  };
  return parseTranscript(JSON.stringify(json), { job: { type } });
}

describe('document layout', () => {
  it('turns spoken headings into sections and "one, … two, …" in a plan into numbered items', () => {
    const t = dictate(
      'chief complaint, cough. | history of present illness. the patient has had a cough for two weeks. | assessment, acute bronchitis. | plan, one, rest and fluids. two, return if fever.',
    );
    const { layout } = documentLayout(t);
    expect(layout.structured).toBe(true);
    expect(layout.sections.map((s) => s.heading?.id)).toEqual([
      'chief-complaint',
      'history-of-present-illness',
      'assessment',
      'plan',
    ]);
    const txt = toText(t, { timestamps: false });
    expect(txt).toContain('PLAN:\n\n1. Rest and fluids.\n\n2. Return if fever.');
    expect(toMarkdown(t)).toContain('## Plan\n\n1. Rest and fluids.\n\n2. Return if fever.');
    expect(toText(t, { sections: 'off', timestamps: false })).toBe(
      'chief complaint, cough. history of present illness. the patient has had a cough for two weeks. assessment, acute bronchitis. plan, one, rest and fluids. two, return if fever.\n',
    );
  });

  it('a conversation keeps its speech: no sections unless asked for', () => {
    const t = dictate('what is the plan, doctor? plan, we rest.', 'CONVERSATION', 2);
    expect(documentLayout(t).layout.structured).toBe(false);
    expect(documentLayout(t, { sections: 'on' }).layout.structured).toBe(true);
  });

  it('spoken commands are consumed only with dictationCommands', () => {
    const t = dictate('the patient is stable period | new paragraph | she will call back period');
    // ("a week period" stays speech: a time period, not a command.)
    expect(toText(t, { timestamps: false })).toContain('stable period new paragraph she');
    const { layout } = documentLayout(t, { dictationCommands: true });
    expect(layout.commandsApplied).toBe(3);
    expect(toText(t, { timestamps: false, dictationCommands: true })).toBe(
      'the patient is stable.\n\nshe will call back.\n',
    );
  });

  it('custom headings from the config are recognised, and refused when malformed (naming the entry)', () => {
    const t = dictate('wound care. | clean daily and keep dry.');
    expect(documentLayout(t).layout.sections.some((s) => s.heading)).toBe(false);
    const custom = documentLayout(t, { headings: [{ title: 'Wound care' }] }).layout;
    expect(custom.sections.map((s) => s.heading?.title)).toEqual(['Wound care']);
    expect(() => documentLayout(t, { headings: [{ title: '' }] })).toThrow(
      /^`headings\[0\]` needs a `title`/,
    );
  });
});
