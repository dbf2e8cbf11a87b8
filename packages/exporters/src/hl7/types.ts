// The neutral, fully resolved input of the MDM encoder: HL7 v2.5.1 fields and table values only
// (no transcript, no FHIR). Table numbers are the v2.5.1 ones; the code lists are in tables.ts.
import type { Hl7Instant } from './datetime.js';
import type {
  AcknowledgmentType,
  DocumentAvailabilityStatus,
  DocumentCompletionStatus,
  DocumentConfidentialityStatus,
  DocumentType,
  MdmEvent,
  ObservationResultStatus,
  PatientClass,
  ProcessingId,
} from './tables.js';

/** HD (hierarchic designator): a namespace id, or a universal id with its type (`ISO`, `DNS`, `UUID`…). */
export interface Hl7HierarchicDesignator {
  readonly namespaceId?: string | undefined;
  readonly universalId?: string | undefined;
  readonly universalIdType?: string | undefined;
}

/** An HD as a bare namespace id (`SCRIBEKIT`) or in full. */
export type Hl7Hd = string | Hl7HierarchicDesignator;

/** CX (extended composite id): PID-3 and PV1-19. */
export interface Hl7ExtendedId {
  /** CX-1 */
  readonly id: string;
  /** CX-4, e.g. `HOSP` or `{ universalId: '1.2.3', universalIdType: 'ISO' }`. */
  readonly assigningAuthority?: Hl7Hd | undefined;
  /** CX-5 (table 0203), e.g. `MR` for a medical record number, `VN` for a visit number. */
  readonly identifierTypeCode?: string | undefined;
  /** CX-6 */
  readonly assigningFacility?: Hl7Hd | undefined;
}

/** XPN name parts (PID-5). */
export interface Hl7PersonName {
  readonly family?: string | undefined;
  readonly given?: string | undefined;
  readonly middle?: string | undefined;
  readonly suffix?: string | undefined;
  readonly prefix?: string | undefined;
  readonly degree?: string | undefined;
}

/** XCN (a person with an id): TXA-5, -9, -10, -11. Give an id, a family name, or both. */
export interface Hl7Person extends Hl7PersonName {
  /** XCN-1 */
  readonly id?: string | undefined;
  /** XCN-9 */
  readonly assigningAuthority?: Hl7Hd | undefined;
  /** XCN-13 (table 0203), e.g. `NPI`. */
  readonly identifierTypeCode?: string | undefined;
}

/** PPN (a person and when they acted): TXA-22, the authentication person and time. */
export interface Hl7Authentication extends Hl7Person {
  /** PPN-15 Date/Time Action Performed. */
  readonly at?: Hl7Instant | undefined;
}

/** EI (entity identifier): TXA-12 and TXA-13. */
export interface Hl7EntityId {
  /** EI-1 */
  readonly id: string;
  /** EI-2, e.g. `SCRIBEKIT`. */
  readonly namespaceId?: string | undefined;
  /** EI-3 */
  readonly universalId?: string | undefined;
  /** EI-4, e.g. `ISO`, `UUID`. */
  readonly universalIdType?: string | undefined;
}

/** CE (coded element): identifier ^ text ^ coding system. */
export interface Hl7Coded {
  readonly identifier: string;
  readonly text?: string | undefined;
  /** Table 0396, e.g. `LN` (LOINC), `L` (local). */
  readonly codingSystem?: string | undefined;
}

/** One block of the note: a heading, or a paragraph (which may hold line breaks). */
export interface MdmLine {
  readonly kind: 'heading' | 'text';
  readonly text: string;
}

export interface MdmInput {
  /** MSH-9.2 / EVN-1: T02 original, T06 addendum, T10 replacement (all MDM_T02 structure). */
  readonly event: MdmEvent;
  readonly message: {
    /** MSH-3 */
    readonly sendingApplication: Hl7Hd;
    /** MSH-4 */
    readonly sendingFacility?: Hl7Hd | undefined;
    /** MSH-5 */
    readonly receivingApplication?: Hl7Hd | undefined;
    /** MSH-6 */
    readonly receivingFacility?: Hl7Hd | undefined;
    /** MSH-7 */
    readonly dateTime: Hl7Instant;
    /** MSH-10: unique per message (at most 20 printable ASCII characters, no delimiters). */
    readonly controlId: string;
    /** MSH-11 (table 0103): P production, T training/test. */
    readonly processingId: ProcessingId;
    /** MSH-15 (table 0155); empty = original acknowledgment mode. */
    readonly acceptAckType?: AcknowledgmentType | undefined;
    /** MSH-16 (table 0155). */
    readonly applicationAckType?: AcknowledgmentType | undefined;
    /** MSH-19 principal language, e.g. `{ identifier: 'en', text: 'English', codingSystem: 'ISO639' }`. */
    readonly language?: Hl7Coded | undefined;
  };
  /** EVN-2 Recorded Date/Time (required); default MSH-7. */
  readonly eventRecordedAt?: Hl7Instant | undefined;
  readonly patient: {
    /** PID-3: at least one. */
    readonly identifiers: readonly Hl7ExtendedId[];
    /** PID-5 (required by base v2.5.1, left empty when unknown: receivers match on PID-3). */
    readonly name?: Hl7PersonName | undefined;
  };
  readonly visit: {
    /** PV1-2 (table 0004), required: `U` unknown when the source does not say. */
    readonly patientClass: PatientClass;
    /** PV1-19 */
    readonly visitNumber?: Hl7ExtendedId | undefined;
  };
  readonly document: {
    /** TXA-2 (table 0270). */
    readonly type: DocumentType;
    /** TXA-4 */
    readonly activityAt?: Hl7Instant | undefined;
    /** TXA-5 */
    readonly primaryActivityProviders?: readonly Hl7Person[] | undefined;
    /** TXA-6 */
    readonly originatedAt?: Hl7Instant | undefined;
    /** TXA-7 */
    readonly transcribedAt?: Hl7Instant | undefined;
    /** TXA-8 */
    readonly editedAt?: readonly Hl7Instant[] | undefined;
    /** TXA-9 */
    readonly originators?: readonly Hl7Person[] | undefined;
    /** TXA-10 */
    readonly assignedAuthenticators?: readonly Hl7Person[] | undefined;
    /** TXA-11 */
    readonly transcriptionists?: readonly Hl7Person[] | undefined;
    /** TXA-12 (required). */
    readonly uniqueDocumentNumber: Hl7EntityId;
    /** TXA-13: the document replaced (T10) or added to (T06); required for those, refused for T02. */
    readonly parentDocumentNumber?: Hl7EntityId | undefined;
    /** TXA-16 */
    readonly uniqueDocumentFileName?: string | undefined;
    /** TXA-17 (table 0271, required). */
    readonly completionStatus: DocumentCompletionStatus;
    /** TXA-18 (table 0272). */
    readonly confidentiality?: DocumentConfidentialityStatus | undefined;
    /** TXA-19 (table 0273). */
    readonly availability?: DocumentAvailabilityStatus | undefined;
    /** TXA-21 */
    readonly changeReason?: string | undefined;
    /** TXA-22: required when the completion status is AU or LA. */
    readonly authentications?: readonly Hl7Authentication[] | undefined;
  };
  readonly observations: {
    /** OBX-2 and TXA-3. */
    readonly valueType: 'TX' | 'FT';
    /** OBX-3, the same on every OBX. */
    readonly identifier: Hl7Coded;
    /** OBX-11 (table 0085); default F when the completion status is AU or LA, else P. */
    readonly resultStatus?: ObservationResultStatus | undefined;
    /** The note, in order: one OBX per block (see docs/hl7.md). */
    readonly lines: readonly MdmLine[];
  };
}

/** What `buildMdm` returns besides the message. */
export interface MdmResult {
  readonly message: string;
  /** OBX segments written. */
  readonly observations: number;
  /** Characters of the note (its lines) replaced by U+FFFD because HL7 cannot carry them (never dropped). */
  readonly replacedCharacters: number;
}
