// FHIR XML: well-formed (xmllint), converts back to the same JSON (FHIR.js xmlToJson), in canonical
// element order (FHIR.js objToXml of that JSON is the same XML), and the checks fail on broken XML.
import { spawnSync } from 'node:child_process';
import { ExportError, NoPhiEntitiesError } from '@scribekit/core';
import {
  buildFhirResource,
  type FhirDocumentReference,
  type FhirOptions,
  type FhirResource,
  resourceToXml,
} from '@scribekit/exporters';
import { Fhir } from 'fhir';
import { describe, expect, it } from 'vitest';
import {
  fhirInputs,
  loadInput,
  loadRedactableInput,
  stableOptions,
  syntheticHealthScribe,
} from './support/fhir-fixtures.js';
import { canRedact } from './support/phi.js';
import { readersAvailable } from './support/real-clients.js';
import { testTranscript } from './support/transcript.js';

const fhir = new Fhir();
const xmllint = readersAvailable('xmllint');

function xmllintErrors(xml: string): string {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr || `exit ${r.status}`;
}

/** XML without the declaration and the indentation between elements; `&apos;` written as `'` (same value). */
const compact = (xml: string) =>
  xml
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/>\s+</g, '><')
    .replace(/&apos;/g, "'")
    .trim();

const backToJson = (xml: string): unknown => JSON.parse(fhir.xmlToJson(xml));

const variants: Record<string, FhirOptions> = {
  stable: stableOptions,
  full: {
    ...stableOptions,
    turns: true,
    docStatus: 'final',
    verifier: { reference: 'Practitioner/v1', display: 'Dr. "Q" & <Co>' },
    confidentiality: 'R',
    audio: { reference: 'Media/m1', url: 'https://audio.example/a.wav?x=1&y=2' },
    speakerNames: { spk_0: 'Dr. <Example> & "Co"', ch_0: "O'Brien" },
    title: "Note & <draft> 'x'",
  },
  redacted: { ...stableOptions, redact: true },
};
const outputs = ['document-reference', 'document-bundle', 'transaction-bundle'] as const;

describe('FHIR XML', () => {
  const inputs = [
    // Fixtures without PHI entities get planted ones, so the redacted variant is checked on every input.
    ...fhirInputs.map((f) => [f, () => loadRedactableInput(f)] as const),
    ['synthetic HealthScribe', syntheticHealthScribe] as const,
  ];
  for (const [name, load] of inputs) {
    it.skipIf(!xmllint.ok)(`${name}: well-formed, same JSON back, canonical order ${xmllint.reason}`, () => {
      const t = load();
      for (const output of outputs) {
        for (const [variant, options] of Object.entries(variants)) {
          if (options.redact && !canRedact(t)) {
            expect(() => buildFhirResource(t, { ...options, output })).toThrow(NoPhiEntitiesError);
            continue;
          }
          const resource = buildFhirResource(t, { ...options, output });
          const xml = resourceToXml(resource);
          const label = `${output}/${variant}`;
          expect({ label, xmllint: xmllintErrors(xml) }).toEqual({ label, xmllint: '' });
          expect(backToJson(xml)).toEqual(JSON.parse(JSON.stringify(resource)));
          expect({ label, xml: compact(fhir.objToXml(backToJson(xml) as object)) }).toEqual({
            label,
            xml: compact(xml),
          });
        }
      }
    });
  }

  it('uses the FHIR namespace, value attributes, and the XHTML namespace on the div', () => {
    const xml = resourceToXml(
      buildFhirResource(loadInput('examples/conversation.json'), {
        ...stableOptions,
        output: 'document-bundle',
      }),
    );
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Bundle xmlns="http://hl7.org/fhir">\n'),
    ).toBe(true);
    expect(xml).not.toContain('resourceType');
    expect(xml).toContain('<type value="document"/>');
    expect(xml).toContain('<resource>\n      <Composition>\n');
    expect(xml).toMatch(/<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><p><b>spk_0:<\/b> Good morning/);
    expect(xml.match(/xmlns="http:\/\/hl7\.org\/fhir"/g)).toHaveLength(1);
  });

  it('escapes values and narrative text', () => {
    const xml = resourceToXml(
      buildFhirResource(syntheticHealthScribe(), { ...variants.full, output: 'document-bundle' }),
    );
    expect(xml).toContain('<title value="Note &amp; &lt;draft&gt; &apos;x&apos;"/>');
    expect(xml).toContain('<display value="Dr. &quot;Q&quot; &amp; &lt;Co&gt;"/>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    const tabbed = buildFhirResource(syntheticHealthScribe(), { ...stableOptions, title: 'A\tB' });
    expect(resourceToXml(tabbed)).toContain('<title value="A&#9;B"/>');
    expect(backToJson(resourceToXml(tabbed))).toEqual(JSON.parse(JSON.stringify(tabbed)));
  });
});

describe('characters XML cannot carry', () => {
  it.skipIf(!xmllint.ok)(`become U+FFFD everywhere, once, when the model is built ${xmllint.reason}`, () => {
    const t = testTranscript({
      tokens: ['a\u0001b', 'x\ud800y', '😀', 'fin'].map((text, i) => ({
        kind: 'word' as const,
        text,
        startMs: i * 100,
        endMs: i * 100 + 50,
        confidence: null,
        speaker: null,
        channel: null,
      })),
    });
    const bundle = buildFhirResource(t, { ...stableOptions, output: 'document-bundle' });
    const xml = resourceToXml(bundle);
    expect(xmllintErrors(xml)).toBe('');
    expect(xml).toContain('<p>a\ufffdb x\ufffdy 😀 fin</p>');
    const doc = buildFhirResource(t, stableOptions) as FhirDocumentReference;
    expect(Buffer.from(doc.content[0]!.attachment.data!, 'base64').toString('utf8')).toBe(
      'a\ufffdb x\ufffdy 😀 fin',
    );
    expect(t.warnings).toEqual([
      '2 token(s) held control, bidirectional-override or broken characters; they were replaced with U+FFFD',
    ]);
  });
});

describe('the XML checks catch broken XML', () => {
  const resource = buildFhirResource(loadInput('examples/dictation.json'), stableOptions);
  const xml = resourceToXml(resource);

  it.skipIf(!xmllint.ok)(`xmllint rejects malformed XML ${xmllint.reason}`, () => {
    expect(xmllintErrors(xml)).toBe('');
    expect(xmllintErrors(xml.replace('<b>', '<b>&'))).not.toBe('');
    expect(xmllintErrors(xml.replace('</DocumentReference>', ''))).not.toBe('');
  });

  it('the round trip notices an unknown element, and the order check a swapped pair', () => {
    const injected = xml.replace(
      '<status value="current"/>',
      '<status value="current"/>\n  <bogus value="x"/>',
    );
    // FHIR.js drops the unknown element silently, so JSON equality alone would not notice it …
    expect(backToJson(injected)).toEqual(JSON.parse(JSON.stringify(resource)));
    // … but the canonical re-serialisation differs.
    expect(compact(fhir.objToXml(backToJson(injected) as object))).not.toBe(compact(injected));
    const swapped = xml.replace(
      /(<status value="current"\/>)(\s*)(<docStatus value="preliminary"\/>)/,
      (_m, a: string, ws: string, b: string) => `${b}${ws}${a}`,
    );
    expect(swapped).not.toBe(xml);
    expect(compact(fhir.objToXml(backToJson(swapped) as object))).not.toBe(compact(swapped));
    const changed = xml.replace('<docStatus value="preliminary"/>', '<docStatus value="final"/>');
    expect(backToJson(changed)).not.toEqual(JSON.parse(JSON.stringify(resource)));
  });

  it('refuses to write an element it has no order for, rather than dropping it', () => {
    const bad = { ...resource, speakerTurns: 'x' } as unknown as FhirResource;
    expect(() => resourceToXml(bad)).toThrow(ExportError);
    expect(() => resourceToXml(bad)).toThrow(
      'FHIR XML: unknown element `speakerTurns` at `DocumentReference`',
    );
  });
});
