// The US Core (7.0.0) DocumentReference carrying the transcript: the primary EHR import artefact.

import { createHash } from 'node:crypto';
import type { Transcript } from '@scribekit/core';
import { renderContext } from '../render/context.js';
import {
  CLINICAL_NOTE_CATEGORY,
  confidentialityCoding,
  noteTypeCoding,
  US_CORE_DOCREF_PROFILE,
} from './codes.js';
import { businessIdentifier, documentFacts, type FhirContext, fhirContext } from './context.js';
import { factsXhtml, narrative } from './narrative.js';
import { type FhirOptions, referenceType } from './options.js';
import { turnsJson } from './transcript-text.js';
import type { Attachment, DocumentReference } from './types.js';

const AUTHENTICATORS = ['Practitioner', 'PractitionerRole', 'Organization'];

/** Inline attachment of UTF-8 text: base64 data, decoded size and base64 SHA-1 hash. */
export function inlineAttachment(contentType: string, text: string, fields: Partial<Attachment>): Attachment {
  const bytes = Buffer.from(text, 'utf8');
  return {
    contentType,
    ...(fields.language ? { language: fields.language } : {}),
    data: bytes.toString('base64'),
    size: bytes.length,
    hash: createHash('sha1').update(bytes).digest('base64'),
    ...(fields.title ? { title: fields.title } : {}),
    ...(fields.creation ? { creation: fields.creation } : {}),
  };
}

/** Builds the DocumentReference from a prepared export context. */
export function documentReferenceFrom(c: FhirContext): DocumentReference {
  const { o, t } = c;
  const language = t.metadata.languageCode ?? undefined;
  const content: { attachment: Attachment }[] = [
    {
      attachment: inlineAttachment('text/plain; charset=utf-8', c.text, {
        ...(language ? { language } : {}),
        title: o.title ?? 'Transcript',
        creation: c.creation,
      }),
    },
  ];
  if (o.turns) {
    content.push({
      attachment: inlineAttachment('application/json', turnsJson(t, c.lines, c.options), {
        title: 'Speaker turns (scribekit JSON)',
        creation: c.creation,
      }),
    });
  }
  if (o.audio.url !== null && o.audio.contentType !== null) {
    content.push({
      attachment: { contentType: o.audio.contentType, url: o.audio.url, title: 'Source audio' },
    });
  }
  const audioRef = o.audio.reference;
  const audioIsDocument = audioRef !== null && /(^|\/)DocumentReference\//.test(audioRef.reference);
  const context = {
    ...(o.encounter ? { encounter: [o.encounter] } : {}),
    ...(c.period ? { period: c.period } : {}),
    ...(audioRef && !audioIsDocument ? { related: [audioRef] } : {}),
  };
  const type = noteTypeCoding(o.noteType);
  // A signed (final) note names its signer; `authenticator` allows Practitioner, PractitionerRole, Organization.
  const verifierType = o.verifier ? referenceType(o.verifier.reference) : null;
  const authenticator =
    o.docStatus === 'final' && o.verifier && (verifierType === null || AUTHENTICATORS.includes(verifierType))
      ? o.verifier
      : null;
  return {
    resourceType: 'DocumentReference',
    meta: { profile: [US_CORE_DOCREF_PROFILE], security: c.security },
    text: narrative('generated', factsXhtml(`${c.noteDisplay}: transcript`, documentFacts(c))),
    identifier: [businessIdentifier(c, 'document-reference')],
    status: 'current',
    docStatus: o.docStatus,
    type: { coding: [type], text: type.display! },
    category: [{ coding: [CLINICAL_NOTE_CATEGORY] }],
    subject: o.subject,
    date: o.date,
    ...(o.authors.length > 0 ? { author: o.authors } : {}),
    ...(authenticator ? { authenticator } : {}),
    ...(audioRef && audioIsDocument
      ? { relatesTo: [{ code: 'transforms' as const, target: audioRef }] }
      : {}),
    description: `Transcript by ${c.source.name}`,
    ...(o.confidentiality ? { securityLabel: [{ coding: [confidentialityCoding(o.confidentiality)] }] } : {}),
    content,
    ...(Object.keys(context).length > 0 ? { context } : {}),
  };
}

/** The US Core DocumentReference for a transcript, as a plain object. Throws OptionsError/ExportError. */
export function buildDocumentReference(t: Transcript, options?: FhirOptions): DocumentReference {
  return documentReferenceFrom(fhirContext(renderContext(t, options)));
}
