// Writes the synthetic, PHI-free Transcribe Medical fixtures in test/fixtures/transcribe/ and examples/.
// All names, dates and numbers are invented. Run: node scripts/make-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const fixtures = new URL('test/fixtures/transcribe/', root);
mkdirSync(fixtures, { recursive: true });
mkdirSync(new URL('examples/', root), { recursive: true });

// Deterministic pseudo-random numbers (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const s = (ms) => (ms / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '.0');

/**
 * Utterances → timed tokens. Text marks PHI as {TYPE:words}; words ending in `~` get low confidence.
 * Returns { tokens: [{type, content, start, end, confidence, speaker, channel}], entities }.
 */
function tokenize(utterances, seed = 7) {
  const rand = rng(seed);
  const tokens = [];
  const entities = [];
  let free = 0;
  for (const u of utterances) {
    // Utterances follow each other; `overlap` lets one start that many ms before the previous one ends.
    let t = Math.max(u.start, free - (u.overlap ?? 0));
    const parts = u.text.match(/\{[A-Z]+:[^}]+\}|[^\s{}]+/g);
    for (const part of parts) {
      const phi = /^\{([A-Z]+):([^}]+)\}$/.exec(part);
      const words = phi ? phi[2].split(' ') : [part];
      const first = tokens.length;
      for (const raw of words) {
        const m = /^(.*?)([.,?!]*)$/.exec(raw);
        let word = m[1];
        const punct = m[2];
        const low = word.endsWith('~');
        if (low) word = word.slice(0, -1);
        const dur = 120 + word.length * 55 + Math.floor(rand() * 60);
        const confidence = low ? 0.2 + rand() * 0.25 : 0.86 + rand() * 0.14;
        tokens.push({
          type: 'pronunciation',
          content: word,
          start: t,
          end: t + dur,
          confidence,
          speaker: u.speaker,
          channel: u.channel,
        });
        t += dur + 40 + Math.floor(rand() * 80);
        for (const p of punct)
          tokens.push({ type: 'punctuation', content: p, speaker: u.speaker, channel: u.channel });
        free = Math.max(free, t + 300);
      }
      if (phi) {
        const words_ = tokens.slice(first).filter((x) => x.type === 'pronunciation');
        entities.push({
          content: words_.map((w) => w.content).join(' '),
          category: 'PHI',
          type: phi[1],
          start: words_[0].start,
          end: words_[words_.length - 1].end,
          confidence: 0.95 + rand() * 0.04,
        });
      }
    }
  }
  return { tokens, entities };
}

function transcriptText(tokens) {
  let out = '';
  for (const tok of tokens) out += out === '' || tok.type === 'punctuation' ? tok.content : ` ${tok.content}`;
  return out;
}

function item(tok, { labels = false, id } = {}) {
  const it = {};
  if (id !== undefined) it.id = id;
  if (tok.type === 'pronunciation') {
    it.start_time = s(tok.start);
    it.end_time = s(tok.end);
  }
  if (labels && tok.speaker) it.speaker_label = tok.speaker;
  if (labels && tok.channel) it.channel_label = tok.channel;
  it.alternatives = [
    { confidence: tok.type === 'pronunciation' ? tok.confidence.toFixed(4) : '0.0', content: tok.content },
  ];
  it.type = tok.type;
  return it;
}

function write(name, json, pretty = true) {
  writeFileSync(new URL(name, fixtures), `${JSON.stringify(json, null, pretty ? 2 : 0)}\n`);
}

// 1. Medical dictation: no speakers, DICTATION style, one low-confidence word, 4-decimal confidences.
const dictation = tokenize(
  [
    {
      start: 420,
      text:
        'This is a follow up visit for a fifty two year old with type two diabetes. ' +
        'The patient reports good adherence to metformin five hundred milligrams twice daily. ' +
        'Blood pressure today is one twenty eight over eighty two. Hemoglobin A1C is seven point one percent, down from seven point eight. ' +
        'No hypoglycemic episodes~ reported. Plan, continue metformin, recheck A1C in three months, and refer to podiatry for a routine foot exam.',
    },
  ],
  11,
);
const dictationJson = {
  jobName: 'example-dictation-0001',
  accountId: '000000000000',
  results: {
    transcripts: [{ transcript: transcriptText(dictation.tokens) }],
    items: dictation.tokens.map((t) => item(t)),
  },
  status: 'COMPLETED',
};
write('medical-dictation.json', dictationJson);
writeFileSync(new URL('examples/dictation.json', root), `${JSON.stringify(dictationJson, null, 2)}\n`);

// 2. Medical conversation: two speakers (old-generation join by time), PHI entities (camelCase numbers).
const conversationUtterances = [
  { speaker: 'spk_0', start: 300, text: 'Good morning, {NAME:Mr. Ortega}. What brings you in today?' },
  {
    speaker: 'spk_1',
    start: 3600,
    text: 'I have had a cough for about two weeks, and some chest tightness at night.',
  },
  {
    speaker: 'spk_0',
    start: 8400,
    text: 'Any fever or shortness of breath? And your date of birth is {DATE:March third nineteen seventy}, correct?',
  },
  { speaker: 'spk_1', start: 15200, text: 'Yes, that is right. No fever, but I get winded on the stairs.' },
  {
    speaker: 'spk_0',
    start: 19800,
    text: 'We will get a chest x-ray and start an albuterol~ inhaler. Call {PHONE:five five five zero one nine nine} if it gets worse.',
  },
];
const conversation = tokenize(conversationUtterances, 23);
function speakerSegments(tokens) {
  const segs = [];
  for (const tok of tokens) {
    if (tok.type !== 'pronunciation') continue;
    const last = segs[segs.length - 1];
    const entry = { start_time: s(tok.start), speaker_label: tok.speaker, end_time: s(tok.end) };
    if (last && last.speaker_label === tok.speaker) {
      last.items.push(entry);
      last.end_time = s(tok.end);
    } else
      segs.push({
        start_time: s(tok.start),
        speaker_label: tok.speaker,
        end_time: s(tok.end),
        items: [entry],
      });
  }
  return segs;
}
const conversationJson = {
  jobName: 'example-conversation-0002',
  accountId: '000000000000',
  results: {
    transcripts: [{ transcript: transcriptText(conversation.tokens) }],
    speaker_labels: { speakers: 2, segments: speakerSegments(conversation.tokens) },
    items: conversation.tokens.map((t) => item(t)),
    entities: conversation.entities.map((e) => ({
      content: e.content,
      category: 'PHI',
      type: e.type,
      startTime: e.start / 1000,
      endTime: e.end / 1000,
      confidence: Number(e.confidence.toFixed(4)),
    })),
  },
  status: 'COMPLETED',
};
write('medical-conversation-phi.json', conversationJson);
writeFileSync(new URL('examples/conversation.json', root), `${JSON.stringify(conversationJson, null, 2)}\n`);

// 3. Two channels, newer generation: labels on items, top-level items grouped per channel (not time-sorted).
const channelsTok = tokenize(
  [
    { channel: 'ch_0', start: 500, text: 'Thanks for calling the clinic, this is the nurse line.' },
    { channel: 'ch_1', start: 2900, text: 'Hi, I need to refill my lisinopril prescription.' },
    { channel: 'ch_0', start: 5600, text: 'Sure. Which pharmacy do you use?' },
    { channel: 'ch_1', start: 7400, text: 'The one on Main Street, please.' },
    { channel: 'ch_0', start: 0, overlap: 900, text: 'Okay, one moment.' },
  ],
  5,
);
const byChannel = (ch) => channelsTok.tokens.filter((t) => t.channel === ch);
const grouped = [...byChannel('ch_0'), ...byChannel('ch_1')];
write('two-channel.json', {
  jobName: 'example-two-channel-0003',
  accountId: '000000000000',
  status: 'COMPLETED',
  results: {
    transcripts: [{ transcript: transcriptText(channelsTok.tokens) }],
    channel_labels: {
      channels: ['ch_0', 'ch_1'].map((ch) => ({
        channel_label: ch,
        items: byChannel(ch).map((t) => item(t, { labels: true })),
      })),
      number_of_channels: 2,
    },
    items: grouped.map((t) => item(t, { labels: true })),
  },
});

// 4. ShowAlternatives: segments with n-best alternatives (flat items), speaker labels on items, ids.
const alt = tokenize(
  [
    {
      speaker: 'spk_0',
      start: 200,
      text: 'The patient denies chest pain. Start aspirin eighty one milligrams daily.',
    },
  ],
  3,
);
const altItems = alt.tokens.map((t, i) => item(t, { labels: true, id: i }));
const flat = (tokens, swap = {}) =>
  tokens.map((t) => ({
    ...(t.type === 'pronunciation' ? { start_time: s(t.start), end_time: s(t.end) } : {}),
    confidence: t.type === 'pronunciation' ? t.confidence.toFixed(4) : '0.0',
    type: t.type,
    content: swap[t.content] ?? t.content,
  }));
const sentence1 = alt.tokens.slice(0, alt.tokens.findIndex((t) => t.content === '.') + 1);
const sentence2 = alt.tokens.slice(sentence1.length);
const segment = (tokens, swaps) => ({
  start_time: s(tokens[0].start),
  end_time: s(tokens.filter((t) => t.end).at(-1).end),
  alternatives: [{}, ...swaps].map((swap) => ({
    transcript: transcriptText(tokens.map((t) => ({ ...t, content: swap[t.content] ?? t.content }))),
    items: flat(tokens, swap),
  })),
});
write('show-alternatives.json', {
  jobName: 'example-alternatives-0004',
  accountId: '000000000000',
  results: {
    transcripts: [{ transcript: transcriptText(alt.tokens) }],
    speaker_labels: { channel_label: 'ch_0', speakers: 1, segments: speakerSegments(alt.tokens) },
    items: altItems,
    segments: [
      segment(sentence1, [{ denies: 'denied' }, { chest: 'just' }]),
      segment(sentence2, [{ aspirin: 'aspirins' }]),
    ],
  },
  status: 'COMPLETED',
});

// 5. Speaker label gaps: 8 declared, labels spk_0, spk_2, spk_9 used (newer generation, compact).
const gaps = tokenize(
  [
    { speaker: 'spk_0', start: 0, text: 'Let us begin rounds.' },
    { speaker: 'spk_9', start: 2000, text: 'Bed four is stable overnight.' },
    { speaker: 'spk_2', start: 4200, text: 'Bed five needs a repeat potassium.' },
  ],
  9,
);
write(
  'speaker-label-gaps.json',
  {
    jobName: 'example-speaker-gaps-0005',
    accountId: '000000000000',
    status: 'COMPLETED',
    results: {
      transcripts: [{ transcript: transcriptText(gaps.tokens) }],
      speaker_labels: { channel_label: 'ch_0', speakers: 8, segments: speakerSegments(gaps.tokens) },
      items: gaps.tokens.map((t, i) => item(t, { labels: true, id: i })),
    },
  },
  false,
);

// 6. Standard PII redaction: [PII] content with redactions and no confidence on the alternative.
const pii = tokenize(
  [
    {
      start: 100,
      text: 'My name is {NAME:Alex} and my number is {PHONE:five five five one two three four}.',
    },
  ],
  2,
);
write('pii-redacted.json', {
  jobName: 'example-pii-0006',
  accountId: '000000000000',
  isRedacted: true,
  results: {
    transcripts: [
      { transcript: transcriptText(pii.tokens).replace(/Alex|five five five one two three four/g, '[PII]') },
    ],
    items: pii.tokens
      .filter((t) => {
        // The service emits one [PII] item per redacted span: drop the other words of a span.
        const inEntity = pii.entities.find(
          (e) => t.type === 'pronunciation' && t.start >= e.start && t.end <= e.end,
        );
        return !inEntity || inEntity.start === t.start;
      })
      .map((t) => {
        const entity = pii.entities.find(
          (e) => t.type === 'pronunciation' && t.start >= e.start && t.end <= e.end,
        );
        if (!entity) return item(t);
        return {
          start_time: s(entity.start),
          end_time: s(entity.end),
          alternatives: [
            { content: '[PII]', redactions: [{ confidence: '0.9987', type: entity.type, category: 'PII' }] },
          ],
          type: 'pronunciation',
        };
      }),
  },
  status: 'COMPLETED',
});

// 7. Empty transcript: a completed job with no speech.
write('empty.json', {
  jobName: 'example-empty-0007',
  accountId: '000000000000',
  results: { transcripts: [{ transcript: '' }], items: [] },
  status: 'COMPLETED',
});

// 8. Job descriptions (not transcripts): completed and failed.
const job = {
  MedicalTranscriptionJob: {
    MedicalTranscriptionJobName: 'example-dictation-0001',
    TranscriptionJobStatus: 'COMPLETED',
    LanguageCode: 'en-US',
    Media: { MediaFileUri: 's3://example-bucket/audio/example-dictation-0001.wav' },
    Transcript: {
      TranscriptFileUri:
        'https://s3.us-east-1.amazonaws.com/example-bucket/medical/example-dictation-0001.json',
    },
    CreationTime: '2026-03-02T15:04:05.000Z',
    Specialty: 'PRIMARYCARE',
    Type: 'DICTATION',
  },
};
write('job-description-completed.json', job);
write('job-description-failed.json', {
  MedicalTranscriptionJob: {
    ...job.MedicalTranscriptionJob,
    TranscriptionJobStatus: 'FAILED',
    FailureReason: 'Unsupported audio format',
    Transcript: undefined,
  },
});
