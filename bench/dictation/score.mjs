// Scoring shared by bench/dictation.bench.mjs (built core) and test/dictation-corpus.test.ts (source core):
// the spoken MTSamples reports against their typed headings and numbered lists, and paragraph lengths on the
// real corpus. The core functions are passed in, so this file imports no build of scribekit itself.
import { speakReport } from './speak.mjs';

/**
 * The common sections named in the dictation issue, as a report's typed heading text (normalised by
 * `truthKey`) → the id scribekit must give it. Written from the list, not from the detector's
 * vocabulary, so recall is measured against the issue and not against what the detector knows.
 */
const COMMON = {
  'chief complaint': 'chief-complaint',
  'history of present illness': 'history-of-present-illness',
  history: 'history',
  'review of systems': 'review-of-systems',
  'past medical history': 'past-medical-history',
  'past surgical history': 'past-surgical-history',
  'family history': 'family-history',
  'social history': 'social-history',
  medications: 'medications',
  medication: 'medications',
  allergies: 'allergies',
  allergy: 'allergies',
  'physical examination': 'physical-examination',
  'physical exam': 'physical-examination',
  exam: 'physical-examination',
  'vital signs': 'vital-signs',
  general: 'general',
  heent: 'heent',
  neck: 'neck',
  lungs: 'lungs',
  heart: 'heart',
  abdomen: 'abdomen',
  extremities: 'extremities',
  neurologic: 'neurologic',
  assessment: 'assessment',
  impression: 'impression',
  diagnosis: 'diagnosis',
  diagnoses: 'diagnosis',
  plan: 'plan',
  'plan of care': 'plan',
  'assessment and plan': 'assessment-and-plan',
  'preoperative diagnosis': 'preoperative-diagnosis',
  'preoperative diagnoses': 'preoperative-diagnosis',
  'postoperative diagnosis': 'postoperative-diagnosis',
  'postoperative diagnoses': 'postoperative-diagnosis',
  procedure: 'procedure',
  procedures: 'procedure',
  operation: 'operation',
  operations: 'operation',
  indications: 'indications',
  indication: 'indications',
  'description of procedure': 'description-of-procedure',
  'description of the procedure': 'description-of-procedure',
  findings: 'findings',
  anesthesia: 'anesthesia',
  'estimated blood loss': 'estimated-blood-loss',
  complications: 'complications',
  complication: 'complications',
  specimens: 'specimens',
  specimen: 'specimens',
  'hospital course': 'hospital-course',
  'discharge diagnosis': 'discharge-diagnosis',
  'discharge diagnoses': 'discharge-diagnosis',
  'discharge medications': 'discharge-medications',
  disposition: 'disposition',
  recommendations: 'recommendations',
  recommendation: 'recommendations',
  subjective: 'subjective',
  objective: 'objective',
  'laboratory data': 'laboratory-data',
  labs: 'laboratory-data',
};

/** A typed heading's text as a key: lower case, `(ES)` dropped, `/` `&` → and, hyphens and marks removed. */
export function truthKey(text) {
  return text
    .toLowerCase()
    .replace(/\((?:es|s)\)/g, '')
    .replace(/\s*[/&]\s*/g, ' and ')
    .replace(/-/g, '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The common-section id of a typed heading, or undefined. */
export function commonId(text) {
  return COMMON[truthKey(text)];
}

/**
 * Speaks every report and scores the detector. `core` = { parseTranscript, detectSections, numberedItems }.
 * Returns recall over the common sections, precision over all headings written, item figures, and the
 * misses and false positives by id.
 */
export function scoreReports(rows, core, { seed = 1, model = 'clinician', sectionOptions = {} } = {}) {
  const s = {
    reports: 0,
    tokens: 0,
    truth: 0,
    common: 0,
    commonFound: 0,
    allFound: 0,
    written: 0,
    writtenRight: 0,
    items: 0,
    itemsFound: 0,
    itemsWritten: 0,
    itemsRight: 0,
    misses: {},
    falsePositives: {},
    mismatchedTokens: 0,
  };
  rows.forEach((row, n) => {
    const { json, truth } = speakReport(row.transcription, { seed: seed * 100_003 + n, model });
    const t = core.parseTranscript(json);
    s.reports++;
    s.tokens += t.tokens.length;
    if (t.tokens.length !== json.results.items.length) s.mismatchedTokens++;
    const found = core.detectSections(t.tokens, 0, t.tokens.length, sectionOptions);
    const byStart = new Map(found.map((d) => [d.headingStart, d]));
    const truthAt = new Map(truth.headings.map((h) => [h.start, h]));
    for (const h of truth.headings) {
      s.truth++;
      const d = byStart.get(h.start);
      const spanRight = d !== undefined && d.headingEnd === h.body;
      if (spanRight) s.allFound++;
      const id = commonId(h.text);
      if (id === undefined) continue;
      s.common++;
      if (spanRight && d.id === id) s.commonFound++;
      else {
        const why = d === undefined ? 'not found' : spanRight ? `as ${d.id}` : 'wrong extent';
        const key = `${id} (${why})`;
        s.misses[key] = (s.misses[key] ?? 0) + 1;
      }
    }
    for (const d of found) {
      s.written++;
      const h = truthAt.get(d.headingStart);
      if (h !== undefined && h.body === d.headingEnd) s.writtenRight++;
      else {
        const key = `${d.id}${h === undefined ? '' : ' (wrong extent)'}`;
        s.falsePositives[key] = (s.falsePositives[key] ?? 0) + 1;
      }
    }
    // Numbered items inside detected list sections, against the typed lists under the same headings.
    const listSections = found.filter((d) => d.lists && truthAt.get(d.headingStart)?.body === d.headingEnd);
    const listHeadings = new Set(
      listSections.map((d) => truth.headings.indexOf(truthAt.get(d.headingStart))),
    );
    const truthItems = new Map(
      truth.items.filter((i) => listHeadings.has(i.heading)).map((i) => [i.marker, i]),
    );
    s.items += truthItems.size;
    for (const d of listSections) {
      for (const item of core.numberedItems(t.tokens, d.headingEnd, d.bodyEnd)) {
        s.itemsWritten++;
        const ti = truthItems.get(item.markerStart);
        if (ti && ti.content === item.markerEnd && ti.ordinal === item.ordinal) {
          s.itemsRight++;
          s.itemsFound++;
        }
      }
    }
  });
  return {
    ...s,
    recall: s.commonFound / s.common,
    recallAll: s.allFound / s.truth,
    precision: s.writtenRight / s.written,
    itemRecall: s.itemsFound / s.items,
    itemPrecision: s.itemsRight / s.itemsWritten,
  };
}

/**
 * Paragraph lengths over every turn of a parsed transcript: `core` = { paragraphBreaks, joinTokens }.
 * Returns the longest turn, the paragraph count and lengths (characters of joined text).
 */
export function paragraphLengths(t, core, options) {
  const lengths = [];
  let longestTurn = 0;
  const turns = t.turns.length > 0 ? t.turns : [{ firstToken: 0, endToken: t.tokens.length }];
  for (const turn of turns) {
    const breaks = core.paragraphBreaks(t.tokens, turn.firstToken, turn.endToken, options);
    longestTurn = Math.max(
      longestTurn,
      core.joinTokens(t.tokens.slice(turn.firstToken, turn.endToken)).length,
    );
    const bounds = [turn.firstToken, ...breaks, turn.endToken];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const text = core.joinTokens(t.tokens.slice(bounds[i], bounds[i + 1]));
      if (text !== '') lengths.push(text.length);
    }
  }
  lengths.sort((a, b) => a - b);
  const at = (q) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  return {
    longestTurn,
    paragraphs: lengths.length,
    max: lengths[lengths.length - 1] ?? 0,
    p50: at(0.5),
    p95: at(0.95),
    over1200: lengths.filter((l) => l > 1200).length,
    over1500: lengths.filter((l) => l > 1500).length,
  };
}
