// The MLLP address parser and the send summary, result lines and exit codes (no network here; the
// sends themselves are tested against real servers in test/hl7-mllp.test.ts).
import type { ParsedAck } from '@scribekit/exporters';
import { describe, expect, it } from 'vitest';
import { endpointLabel, MllpError, parseMllpUrl } from '../src/hl7/mllp.js';
import {
  describeResult,
  formatSendSummary,
  receiverText,
  type SendResult,
  sendExitCode,
  summarizeSend,
} from '../src/hl7/send.js';

describe('parseMllpUrl', () => {
  it.each([
    ['mllp://127.0.0.1:2575', { tls: false, host: '127.0.0.1', port: 2575 }],
    ['mllps://ehr.example.org:6661', { tls: true, host: 'ehr.example.org', port: 6661 }],
    ['mllp://[::1]:2575/', { tls: false, host: '::1', port: 2575 }],
    ['MLLP://Host:1', { tls: false, host: 'host', port: 1 }],
  ])('%s', (url, endpoint) => {
    expect(parseMllpUrl(url)).toEqual(endpoint);
    expect(endpointLabel(parseMllpUrl(url))).toBe(
      `${endpoint.tls ? 'mllps' : 'mllp'}://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`,
    );
  });

  it.each([
    'mllp://host',
    'http://host:80',
    'mllp://:2575',
    'mllp://host:0',
    'mllp://host:70000',
    'mllp://user:pw@host:2575',
    'mllp://host:2575/path',
    'mllp://host:2575?x=1',
    'host:2575',
    '',
  ])('refuses %j with an OptionsError that does not repeat it', (url) => {
    let error: (Error & { code?: string }) | undefined;
    try {
      parseMllpUrl(url);
    } catch (e) {
      error = e as Error & { code?: string };
    }
    expect(error?.code).toBe('E_OPTIONS');
    expect(error?.message).toBe(
      'Expected an MLLP address such as mllp://host:port or mllps://host:port (TLS)',
    );
  });
});

describe('MllpError', () => {
  it('has the stable code E_SEND and says which failures are worth retrying', () => {
    const retryable = ['connect', 'connect-timeout', 'closed', 'ack-timeout'] as const;
    const final = ['tls', 'protocol', 'message', 'busy'] as const;
    for (const reason of retryable) expect(new MllpError(reason, 'x').retryable).toBe(true);
    for (const reason of final) expect(new MllpError(reason, 'x').retryable).toBe(false);
    expect(new MllpError('closed', 'x', { sent: true })).toMatchObject({ code: 'E_SEND', sent: true });
  });
});

const ack = (code: ParsedAck['code'], extra: Partial<ParsedAck> = {}): ParsedAck => ({
  code,
  controlId: 'C1',
  text: null,
  errorCondition: null,
  errors: [],
  ...extra,
});
const result = (status: SendResult['status'], extra: Partial<SendResult> = {}): SendResult => ({
  index: 0,
  name: 'visit.hl7',
  status,
  controlId: 'C1',
  attempts: 1,
  maybeDelivered: status !== 'skipped',
  ...extra,
});

describe('summary, result lines and exit codes', () => {
  const results = [
    result('accepted', { ack: ack('AA') }),
    result('accepted', { ack: ack('CA') }),
    result('rejected', { ack: ack('AE') }),
    result('rejected', { ack: ack('AR') }),
    result('rejected', { ack: ack('AE') }),
    result('failed', { error: { code: 'E_SEND', reason: 'ack-timeout', message: 'No ACK within 5 ms' } }),
    result('skipped', { attempts: 0 }),
  ];

  it('counts by status and rejection code', () => {
    expect(summarizeSend(results)).toEqual({
      total: 7,
      accepted: 2,
      rejected: 3,
      failed: 1,
      skipped: 1,
      rejectedBy: { AE: 2, AR: 1 },
    });
    expect(formatSendSummary(summarizeSend(results), parseMllpUrl('mllps://h:1'))).toBe(
      'sent 7 messages to mllps://h:1: 2 accepted, 3 rejected (AE 2, AR 1), 1 failed, 1 not sent\n',
    );
  });

  it('exit codes: 0 all accepted, 1 some not, 6 none', () => {
    expect(sendExitCode(results.slice(0, 2))).toBe(0);
    expect(sendExitCode(results)).toBe(1);
    expect(sendExitCode(results.slice(2))).toBe(6);
  });

  it('describes rejections by MSA-3, MSA-6 and ERR; failures by their message', () => {
    const r = result('rejected', {
      ack: ack('AE', {
        text: 'Bad\r\ndocument\u0000 number',
        errorCondition: 'Unknown key',
        errors: [
          {
            location: 'TXA^1^12',
            code: '204',
            codeText: 'Unknown key identifier',
            severity: 'E',
            applicationCode: null,
            diagnostic: null,
            userMessage: 'Call the desk',
          },
          {
            location: null,
            code: null,
            codeText: null,
            severity: 'W',
            applicationCode: null,
            diagnostic: 'x'.repeat(500),
            userMessage: null,
          },
        ],
      }),
    });
    const line = describeResult(r);
    expect(
      line.startsWith(
        'visit.hl7: rejected AE; MSA-3 "Bad document number"; MSA-6 "Unknown key"; ERR 204 Unknown key identifier (E) at TXA^1^12: "Call the desk"; (W): "',
      ),
    ).toBe(true);
    expect(line.length).toBeLessThan(400);
    expect(describeResult(results[5]!)).toBe(
      'visit.hl7: failed: No ACK within 5 ms (the receiver may have it)',
    );
    expect(describeResult(results[0]!)).toBe('visit.hl7: accepted (AA)');
  });

  it('receiverText removes controls, collapses whitespace and bounds the length', () => {
    expect(receiverText('a\u0007\u001b[31m b\n\tc')).toBe('a [31m b c');
    expect(receiverText('y'.repeat(300), 10)).toBe(`${'y'.repeat(9)}…`);
  });
});
