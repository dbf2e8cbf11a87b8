// Golden FHIR outputs: deterministic ids and a fixed date make them stable (update with `vitest -u`).
import { basename } from 'node:path';
import { type FhirOptions, toFhirJson, toFhirXml } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { loadInput, stableOptions, syntheticHealthScribe } from './support/fhir-fixtures.js';

const golden = (name: string) => new URL(`golden/${name}`, import.meta.url).pathname;

const fixtures = [
  'test/fixtures/transcribe/medical-dictation.json',
  'test/fixtures/transcribe/medical-conversation-phi.json',
  'test/fixtures/transcribe/two-channel.json',
  'test/fixtures/transcribe/pii-redacted.json',
  'test/fixtures/transcribe/show-alternatives.json',
  'test/fixtures/transcribe/speaker-label-gaps.json',
];

describe('FHIR golden files', () => {
  for (const file of fixtures) {
    const name = basename(file, '.json');
    it(`${name}: DocumentReference`, async () => {
      const t = loadInput(file);
      await expect(toFhirJson(t, stableOptions)).toMatchFileSnapshot(golden(`${name}.fhir.json`));
      await expect(toFhirXml(t, stableOptions)).toMatchFileSnapshot(golden(`${name}.fhir.xml`));
    });
  }

  const bundles: [string, () => ReturnType<typeof loadInput>, FhirOptions][] = [
    [
      'medical-conversation-phi.document-bundle',
      () => loadInput(fixtures[1]!),
      { ...stableOptions, output: 'document-bundle' },
    ],
    [
      'medical-conversation-phi.transaction-bundle',
      () => loadInput(fixtures[1]!),
      {
        ...stableOptions,
        output: 'transaction-bundle',
        redact: true,
        turns: true,
        audio: { reference: 'Media/example-4' },
      },
    ],
    [
      'healthscribe-synthetic.document-bundle',
      syntheticHealthScribe,
      {
        ...stableOptions,
        output: 'document-bundle',
        noteType: 'history-and-physical',
        verifier: 'Practitioner/example-2',
      },
    ],
  ];
  for (const [name, load, options] of bundles) {
    it(name, async () => {
      await expect(toFhirJson(load(), options)).toMatchFileSnapshot(golden(`${name}.fhir.json`));
      await expect(toFhirXml(load(), options)).toMatchFileSnapshot(golden(`${name}.fhir.xml`));
    });
  }
});
