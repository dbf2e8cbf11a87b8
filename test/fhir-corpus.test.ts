// The FHIR exporter on every parsable real transcript of the shared corpus: valid (Medplum, US Core, our
// rules), every word once in order, well-formed XML that converts back to the same JSON.
import { spawnSync } from 'node:child_process';
import { joinTokens, parseTranscript } from '@scribekit/core';
import { buildFhirResource, type FhirDocumentReference, resourceToXml } from '@scribekit/exporters';
import { Fhir } from 'fhir';
import { describe, expect, it } from 'vitest';
import { parsableBatch, readCorpus } from './support/corpus.js';
import { stableOptions } from './support/fhir-fixtures.js';
import { allErrors } from './support/fhir-validate.js';
import { redactableTranscript } from './support/phi.js';
import { readersAvailable } from './support/real-clients.js';

const fhir = new Fhir();
const xmllint = readersAvailable('xmllint');

describe('FHIR export of the corpus', () => {
  for (const entry of parsableBatch()) {
    it.skipIf(!xmllint.ok)(`${entry.file} ${xmllint.reason}`, () => {
      const t = parseTranscript(readCorpus(entry.file), { file: entry.file });
      const docRef = buildFhirResource(t, { ...stableOptions, turns: true }) as FhirDocumentReference;
      expect(allErrors(docRef as never)).toEqual([]);
      // Every token once, in order: drop the `Name: ` prefix of each line and compare the words.
      const names = new Set([...t.speakers.map((s) => s.label), ...t.channels.map((c) => c.label)]);
      const body = Buffer.from(docRef.content[0]!.attachment.data!, 'base64')
        .toString('utf8')
        .split('\n')
        .map((line) => {
          const i = line.indexOf(': ');
          return i > 0 && names.has(line.slice(0, i)) ? line.slice(i + 2) : line;
        });
      expect(body.join(' ').split(/\s+/).filter(Boolean)).toEqual(
        joinTokens(t.tokens).split(/\s+/).filter(Boolean),
      );

      // The file carries no PHI entities: planted ones (times a little off) are redacted.
      const planted = redactableTranscript(readCorpus(entry.file), entry.file);
      const bundle = buildFhirResource(planted, {
        ...stableOptions,
        output: 'document-bundle',
        redact: true,
      });
      expect(allErrors(bundle as never)).toEqual([]);
      for (const resource of [docRef, bundle]) {
        const xml = resourceToXml(resource);
        const lint = spawnSync('xmllint', ['--noout', '-'], {
          input: xml,
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        expect(lint.stderr).toBe('');
        expect(JSON.parse(fhir.xmlToJson(xml))).toEqual(JSON.parse(JSON.stringify(resource)));
      }
    });
  }
});
