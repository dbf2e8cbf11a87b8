// HL7 v2 acknowledgements (ACK: MSH, MSA, [ERR…]): a tolerant reader for what receivers answer, and a
// writer for test servers. The reader takes the ACK's own delimiters from its MSH and keeps only the
// acknowledgement fields (MSA, ERR) — nothing else of the message is read or returned.
import { TranscriptParseError } from '@scribekit/core';
import { hl7DateTime } from './datetime.js';
import { escapeHl7, HL7_DELIMITERS, type Hl7Delimiters, unescapeHl7 } from './escape.js';
import { joinParts } from './fields.js';
import { HL7_VERSION } from './mdm.js';

/** Table 0008: A* application (original mode), C* commit (enhanced mode). */
export type AckCode = 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';
const ACK_CODES: readonly string[] = ['AA', 'AE', 'AR', 'CA', 'CE', 'CR'];

/** One ERR segment (v2.5 fields, with the v2.3 ERR-1 as a fallback for code and location). */
export interface AckError {
  /** ERR-2 (segment^sequence^field…) or ERR-1's location, as `TXA^1^12`. */
  readonly location: string | null;
  /** ERR-3.1 (table 0357, e.g. `207`), or ERR-1.4.1. */
  readonly code: string | null;
  /** ERR-3.2, e.g. `Application internal error`. */
  readonly codeText: string | null;
  /** ERR-4 (table 0516): E error, F fatal, I information, W warning. */
  readonly severity: string | null;
  /** ERR-5.1 application error code. */
  readonly applicationCode: string | null;
  /** ERR-7 diagnostic information. */
  readonly diagnostic: string | null;
  /** ERR-8 user message. */
  readonly userMessage: string | null;
}

export interface ParsedAck {
  /** MSA-1 */
  readonly code: AckCode;
  /** MSA-2: the MSH-10 of the message acknowledged. */
  readonly controlId: string;
  /** MSA-3 text message, when given. */
  readonly text: string | null;
  /** MSA-6.2 (or .1) error condition of v2.3-style receivers, when given. */
  readonly errorCondition: string | null;
  readonly errors: readonly AckError[];
}

/** True for AA and CA (the receiver took the message). */
export function isAccepted(ack: Pick<ParsedAck, 'code'>): boolean {
  return ack.code === 'AA' || ack.code === 'CA';
}

interface Parsed {
  readonly d: Hl7Delimiters;
  readonly segments: readonly (readonly string[])[];
}

function parseSegments(text: string, what: string): Parsed {
  const raw = text.replace(/^[\r\n]+/, '');
  if (!raw.startsWith('MSH') || raw.length < 8) {
    throw new TranscriptParseError(what, [
      { path: 'MSH', message: 'expected the message to start with MSH' },
    ]);
  }
  const d: Hl7Delimiters = {
    field: raw[3]!,
    component: raw[4]!,
    repetition: raw[5]!,
    escape: raw[6]!,
    subcomponent: raw[7]!,
  };
  const segments = raw
    .split(/\r\n|\r|\n/)
    .filter((s) => s !== '')
    .map((s) => s.split(d.field));
  return { d, segments };
}

/**
 * Reads an acknowledgement. Throws TranscriptParseError (naming the field, never its content) when it is
 * not an HL7 message, has no MSA, or MSA-1/MSA-2 are missing or unknown.
 */
export function parseAck(text: string): ParsedAck {
  const what = 'HL7 acknowledgement';
  const { d, segments } = parseSegments(text, what);
  const msa = segments.find((s) => s[0] === 'MSA');
  if (!msa) throw new TranscriptParseError(what, [{ path: 'MSA', message: 'expected an MSA segment' }]);
  const value = (fields: readonly string[], n: number, component = 1, sub = 1): string | null => {
    const f = fields[n]?.split(d.repetition)[0];
    const c = f?.split(d.component)[component - 1];
    const s = c?.split(d.subcomponent)[sub - 1];
    return s === undefined || s === '' ? null : unescapeHl7(s, d);
  };
  const code = value(msa, 1)?.toUpperCase() ?? null;
  if (code === null || !ACK_CODES.includes(code)) {
    throw new TranscriptParseError(what, [
      { path: 'MSA-1', message: `expected one of ${ACK_CODES.join(', ')}` },
    ]);
  }
  const controlId = value(msa, 2);
  if (controlId === null) {
    throw new TranscriptParseError(what, [{ path: 'MSA-2', message: 'expected the message control id' }]);
  }
  const errors = segments
    .filter((s) => s[0] === 'ERR')
    .map((err): AckError => {
      const erl = err[2]?.split(d.repetition)[0];
      const eld = err[1]?.split(d.repetition)[0];
      const location = erl
        ? erl.split(d.component).map((p) => unescapeHl7(p, d))
        : eld
          ? eld
              .split(d.component)
              .slice(0, 3)
              .map((p) => unescapeHl7(p, d))
          : [];
      return {
        location: location.some((p) => p !== '') ? joinParts(location, '^') : null,
        code: value(err, 3) ?? value(err, 1, 4),
        codeText: value(err, 3, 2) ?? value(err, 1, 4, 2),
        severity: value(err, 4),
        applicationCode: value(err, 5),
        diagnostic: value(err, 7),
        userMessage: value(err, 8),
      };
    });
  return {
    code: code as AckCode,
    controlId,
    text: value(msa, 3),
    errorCondition: value(msa, 6, 2) ?? value(msa, 6),
    errors,
  };
}

/** The MSH-10 control id and MSH-9 type of a message (raw text); null when it has no MSH-10. */
export function messageHeader(text: string): { controlId: string | null; messageType: string } {
  const { d, segments } = parseSegments(text, 'HL7 message');
  const msh = segments[0]!;
  // MSH-1 is the separator itself, so MSH-n is at index n - 1.
  const controlId = msh[9] ? unescapeHl7(msh[9], d) : null;
  const type = (msh[8] ?? '').split(d.component).slice(0, 2).join('^');
  return { controlId: controlId === '' ? null : controlId, messageType: type };
}

export interface BuildAckOptions {
  readonly code: AckCode;
  /** MSA-3 */
  readonly text?: string | undefined;
  /** ERR segments (v2.5: ERR-2 location, ERR-3 code^text^HL70357, ERR-4 severity, ERR-7 diagnostic). */
  readonly errors?:
    | readonly {
        readonly location?: readonly string[] | undefined;
        readonly code: string;
        readonly codeText?: string | undefined;
        readonly severity: 'E' | 'F' | 'I' | 'W';
        readonly diagnostic?: string | undefined;
      }[]
    | undefined;
  /** MSH-10 of the ACK; default `ACK` + the acknowledged control id (truncated to 20). */
  readonly controlId?: string | undefined;
  /** MSH-7; default now. */
  readonly dateTime?: string | Date | undefined;
}

/** An ACK answering `message` (sender and receiver swapped, MSA-2 = its MSH-10), `\r`-terminated. */
export function buildAck(message: string, options: BuildAckOptions): string {
  const { segments } = parseSegments(message, 'HL7 message');
  const msh = segments[0]!;
  const { controlId } = messageHeader(message);
  const trigger = (msh[8] ?? '').split('^')[1] ?? '';
  const e = (v: string | undefined) => (v === undefined ? '' : escapeHl7(v));
  const { component: C } = HL7_DELIMITERS;
  const fields = [
    'MSH',
    '^~\\&',
    msh[4] ?? '',
    msh[5] ?? '',
    msh[2] ?? '',
    msh[3] ?? '',
    hl7DateTime(options.dateTime ?? new Date(), 'dateTime'),
    '',
    joinParts(['ACK', trigger, 'ACK'], C),
    options.controlId ?? `ACK${controlId ?? ''}`.slice(0, 20),
    msh[10] ?? 'P',
    msh[11] ?? HL7_VERSION,
  ];
  const out = [
    joinParts(fields, '|'),
    joinParts(['MSA', options.code, e(controlId ?? ''), e(options.text)], '|'),
  ];
  for (const err of options.errors ?? []) {
    out.push(
      joinParts(
        [
          'ERR',
          '',
          (err.location ?? []).map(e).join(C),
          joinParts([e(err.code), e(err.codeText), 'HL70357'], C),
          err.severity,
          '',
          '',
          e(err.diagnostic),
        ],
        '|',
      ),
    );
  }
  return `${out.join('\r')}\r`;
}
