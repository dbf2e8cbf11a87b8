// Reading acknowledgements (MSA, ERR in v2.5 and v2.3 styles, other delimiters) and writing them for tests.
import { buildAck, buildMdmMessage, isAccepted, messageHeader, parseAck } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { sampleMdmInput, segmentsOf } from '../../../test/support/hl7/fixtures.js';

const message = buildMdmMessage(sampleMdmInput());

describe('parseAck', () => {
  it('reads MSA-1, MSA-2, MSA-3 and v2.5 ERR segments', () => {
    const ack = parseAck(
      [
        'MSH|^~\\&|EHR|HOSP|SCRIBEKIT|CLINIC-A|20260304090531||ACK^T02^ACK|A1|T|2.5.1',
        'MSA|AE|CTRL0001|Document \\T\\ patient mismatch',
        'ERR||TXA^1^12^1|207^Application internal error^HL70357|E|DUP^Duplicate|||Contact \\F\\ desk',
        'ERR||PID^1^3|101^Required field missing^HL70357|W|||Missing id',
        '',
      ].join('\r'),
    );
    expect(ack).toEqual({
      code: 'AE',
      controlId: 'CTRL0001',
      text: 'Document & patient mismatch',
      errorCondition: null,
      errors: [
        {
          location: 'TXA^1^12^1',
          code: '207',
          codeText: 'Application internal error',
          severity: 'E',
          applicationCode: 'DUP',
          diagnostic: null,
          userMessage: 'Contact | desk',
        },
        {
          location: 'PID^1^3',
          code: '101',
          codeText: 'Required field missing',
          severity: 'W',
          applicationCode: null,
          diagnostic: 'Missing id',
          userMessage: null,
        },
      ],
    });
    expect(isAccepted(ack)).toBe(false);
  });

  it('reads v2.3 acknowledgements (ERR-1 ELD, MSA-6), other delimiters and LF segment ends', () => {
    const ack = parseAck(
      'MSH#!*$%#EHR#HOSP###20260304##ACK#X9#P#2.3\nMSA#AR#CTRL0001#Rejected $F$ here###!Unsupported event\nERR#TXA!1!2!201%Unsupported event code\n',
    );
    expect(ack.code).toBe('AR');
    expect(ack.text).toBe('Rejected # here');
    expect(ack.errorCondition).toBe('Unsupported event');
    expect(ack.errors).toEqual([
      {
        location: 'TXA^1^2',
        code: '201',
        codeText: 'Unsupported event code',
        severity: null,
        applicationCode: null,
        diagnostic: null,
        userMessage: null,
      },
    ]);
  });

  it.each([['AA'], ['CA'], ['aa']])('%s is accepted', (code) => {
    const ack = parseAck(`MSH|^~\\&|||||||ACK|1|P|2.5.1\rMSA|${code}|C1\r`);
    expect(isAccepted(ack)).toBe(true);
    expect(ack.controlId).toBe('C1');
  });

  it.each([
    ['not HL7', 'HTTP/1.1 400 Bad Request\r\n', /start with MSH/],
    ['no MSA', 'MSH|^~\\&|||||||ACK|1|P|2.5.1\r', /MSA segment/],
    ['unknown code', 'MSH|^~\\&|||||||ACK|1|P|2.5.1\rMSA|ZZ|C1\r', /MSA-1/],
    ['no control id', 'MSH|^~\\&|||||||ACK|1|P|2.5.1\rMSA|AA\r', /MSA-2/],
  ])('%s → TranscriptParseError naming the field, not the content', (_name, text, pattern) => {
    let error: (Error & { code?: string }) | undefined;
    try {
      parseAck(text);
    } catch (e) {
      error = e as Error & { code?: string };
    }
    expect(error?.code).toBe('E_PARSE');
    expect(error?.message).toMatch(pattern);
    expect(error?.message).not.toMatch(/ZZ|Bad Request/);
  });
});

describe('buildAck and messageHeader', () => {
  it('answers a message: swapped applications, ACK^T02^ACK, MSA-2 = MSH-10, ERR segments', () => {
    const ack = buildAck(message, {
      code: 'AE',
      text: 'No such patient',
      errors: [
        { location: ['PID', '1', '3'], code: '204', codeText: 'Unknown key identifier', severity: 'E' },
      ],
      dateTime: '2026-03-04T09:05:31Z',
    });
    const segs = segmentsOf(ack);
    expect(segs.map((s) => s[0])).toEqual(['MSH', 'MSA', 'ERR']);
    expect(segs[0]!.slice(2, 12)).toEqual([
      'EHR',
      'HOSP^1.2.840.99999.1^ISO',
      'SCRIBEKIT',
      'CLINIC-A',
      '20260304090531+0000',
      '',
      'ACK^T02^ACK',
      'ACKCTRL0001',
      'T',
      '2.5.1',
    ]);
    const parsed = parseAck(ack);
    expect(parsed.code).toBe('AE');
    expect(parsed.controlId).toBe('CTRL0001');
    expect(parsed.text).toBe('No such patient');
    expect(parsed.errors[0]).toMatchObject({ location: 'PID^1^3', code: '204', severity: 'E' });
  });

  it('messageHeader reads MSH-10 and MSH-9', () => {
    expect(messageHeader(message)).toEqual({ controlId: 'CTRL0001', messageType: 'MDM^T02' });
    expect(messageHeader('MSH|^~\\&|A\r').controlId).toBeNull();
  });
});
