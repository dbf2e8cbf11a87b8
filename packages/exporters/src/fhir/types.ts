// The FHIR R4 shapes this exporter emits (a small subset of R4, no runtime dependency on a FHIR library).

export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

export interface Identifier {
  readonly system?: string;
  readonly value?: string;
}

export interface Reference {
  readonly reference?: string;
  /** The target's resource type, for references such as `urn:uuid:` that do not show it. */
  readonly type?: string;
  readonly display?: string;
}

export interface Period {
  readonly start?: string;
  readonly end?: string;
}

export interface Meta {
  readonly profile?: readonly string[];
  readonly security?: readonly Coding[];
}

export interface Narrative {
  readonly status: 'generated' | 'extensions' | 'additional' | 'empty';
  /** One `<div xmlns="http://www.w3.org/1999/xhtml">` element, as a string. */
  readonly div: string;
}

export interface Attachment {
  readonly contentType?: string;
  readonly language?: string;
  /** Standard base64 with padding. */
  readonly data?: string;
  readonly url?: string;
  /** Bytes of the decoded data. */
  readonly size?: number;
  /** Base64 SHA-1 of the decoded data (R4). */
  readonly hash?: string;
  readonly title?: string;
  readonly creation?: string;
}

export interface DocumentReference {
  readonly resourceType: 'DocumentReference';
  readonly meta?: Meta;
  readonly text?: Narrative;
  readonly identifier?: readonly Identifier[];
  readonly status: 'current' | 'superseded' | 'entered-in-error';
  readonly docStatus?: 'preliminary' | 'final' | 'amended' | 'entered-in-error';
  readonly type?: CodeableConcept;
  readonly category?: readonly CodeableConcept[];
  readonly subject?: Reference;
  readonly date?: string;
  readonly author?: readonly Reference[];
  readonly authenticator?: Reference;
  readonly relatesTo?: readonly {
    readonly code: 'replaces' | 'transforms' | 'signs' | 'appends';
    readonly target: Reference;
  }[];
  readonly description?: string;
  readonly securityLabel?: readonly CodeableConcept[];
  readonly content: readonly { readonly attachment: Attachment }[];
  readonly context?: {
    readonly encounter?: readonly Reference[];
    readonly period?: Period;
    readonly related?: readonly Reference[];
  };
}

export interface CompositionSection {
  readonly title?: string;
  readonly code?: CodeableConcept;
  readonly text?: Narrative;
}

export interface Composition {
  readonly resourceType: 'Composition';
  readonly meta?: Meta;
  readonly text?: Narrative;
  readonly identifier?: Identifier;
  readonly status: 'preliminary' | 'final' | 'amended' | 'entered-in-error';
  readonly type: CodeableConcept;
  readonly category?: readonly CodeableConcept[];
  readonly subject?: Reference;
  readonly encounter?: Reference;
  readonly date: string;
  readonly author: readonly Reference[];
  readonly title: string;
  readonly confidentiality?: string;
  readonly attester?: readonly {
    readonly mode: 'personal' | 'professional' | 'legal' | 'official';
    readonly time?: string;
    readonly party?: Reference;
  }[];
  readonly section?: readonly CompositionSection[];
}

export interface Device {
  readonly resourceType: 'Device';
  readonly identifier?: readonly Identifier[];
  readonly manufacturer?: string;
  readonly deviceName?: readonly {
    readonly name: string;
    readonly type: 'manufacturer-name' | 'model-name' | 'other';
  }[];
  readonly type?: CodeableConcept;
}

export interface Provenance {
  readonly resourceType: 'Provenance';
  readonly target: readonly Reference[];
  readonly recorded: string;
  readonly reason?: readonly CodeableConcept[];
  readonly activity?: CodeableConcept;
  readonly agent: readonly { readonly type?: CodeableConcept; readonly who: Reference }[];
  readonly entity?: readonly {
    readonly role: 'derivation' | 'revision' | 'quotation' | 'source' | 'removal';
    readonly what: Reference;
  }[];
}

export type FhirResource = DocumentReference | Composition | Device | Provenance | Bundle;

export interface BundleEntry {
  readonly fullUrl?: string;
  readonly resource?: FhirResource;
  readonly request?: {
    readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
    readonly url: string;
    readonly ifNoneExist?: string;
  };
}

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly identifier?: Identifier;
  readonly type:
    | 'document'
    | 'message'
    | 'transaction'
    | 'transaction-response'
    | 'batch'
    | 'batch-response'
    | 'history'
    | 'searchset'
    | 'collection';
  readonly timestamp?: string;
  readonly entry?: readonly BundleEntry[];
}
