// Sending MDM messages over MLLP to real MLLP servers from npm on 127.0.0.1 (@medplum/hl7's connection,
// node-hl7-server for TLS): AA, AE with ERR, AR, a server that closes mid-answer, one that never answers,
// one that answers garbage, stale ACKs, 200 messages in a row (counted at the server), TLS with a
// throwaway CA, retries on a refused connection, abort. Every wait is bounded by the client's timeouts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMdmMessage, type MdmInput } from '@scribekit/exporters';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MllpConnection, parseMllpUrl } from '../packages/cli/src/hl7/mllp.js';
import {
  describeResult,
  formatSendSummary,
  type SendEvent,
  type SendInput,
  sendExitCode,
  sendMessages,
  summarizeSend,
} from '../packages/cli/src/hl7/send.js';
import { makeTestCerts, opensslMissing, type TestCerts } from './support/hl7/certs.js';
import { sampleMdmInput } from './support/hl7/fixtures.js';
import {
  type Behaviour,
  closeMidAck,
  framedGarbage,
  freePort,
  garbage,
  onFirstConnections,
  type RunningServer,
  replyAA,
  replyAEWithErr,
  replyAR,
  silent,
  staleThenAA,
  startMedplumServer,
  startNodeHl7Server,
} from './support/hl7/servers.js';

/** A note word that must never appear in an error, a summary or a result description. */
const SECRET = 'Quixotrel';

function message(i: number, overrides: Partial<MdmInput['document']> = {}): SendInput {
  const input = sampleMdmInput({
    message: { controlId: `MSG${String(i).padStart(5, '0')}` },
    document: { uniqueDocumentNumber: { id: `DOC-${i}`, namespaceId: 'SCRIBEKIT' }, ...overrides },
    observations: {
      lines: [
        { kind: 'heading', text: 'Plan' },
        { kind: 'text', text: `${SECRET} note number ${i}.` },
      ],
    },
  });
  return { name: `note-${i}.hl7`, data: buildMdmMessage(input) };
}

const fast = { connectTimeoutMs: 2000, ackTimeoutMs: 2000, backoffMs: 20, maxBackoffMs: 100 } as const;

const servers: RunningServer[] = [];
async function server(behaviour: Behaviour, options?: Parameters<typeof startMedplumServer>[1]) {
  const s = await startMedplumServer(behaviour, options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function expectNoNoteText(...texts: string[]) {
  for (const t of texts) expect(t).not.toContain(SECRET);
}

describe('MLLP send to a real server (@medplum/hl7 Hl7Connection)', () => {
  it('AA: accepted, one attempt, the server got the message once, byte for byte', async () => {
    const s = await server(replyAA);
    const m = message(1);
    const [r] = await sendMessages(s.url, [m], fast);
    expect(r).toMatchObject({ status: 'accepted', attempts: 1, controlId: 'MSG00001', maybeDelivered: true });
    expect(r!.ack!.code).toBe('AA');
    expect(s.log.received).toEqual(['MSG00001']);
    expect(Buffer.concat(s.log.bytes).toString('utf8')).toBe(`\x0b${m.data}\x1c\r`);
    expect(sendExitCode([r!])).toBe(0);
  });

  it('AE with ERR: rejected, never resent, the ERR fields named (not the note)', async () => {
    const s = await server(replyAEWithErr);
    const results = await sendMessages(s.url, [message(1), message(2)], fast);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const r = results[0]!;
    expect(r.attempts).toBe(1);
    expect(r.ack?.code).toBe('AE');
    expect(r.ack?.errors[0]).toMatchObject({
      location: 'TXA^1^12',
      code: '205',
      codeText: 'Duplicate key identifier',
      severity: 'E',
      diagnostic: 'Document number already on file',
    });
    const line = describeResult(r);
    expect(line).toMatch(
      /^note-1\.hl7: rejected AE; MSA-3 "Application Error"; ERR 205 Duplicate key identifier \(E\) at TXA\^1\^12: /,
    );
    expect(line).toContain('"Document number already on file"');
    // An AE is about the message, not the connection: the next message is still sent.
    expect(s.log.received).toEqual(['MSG00001', 'MSG00002']);
    expect(s.log.connections).toBe(1);
    expect(sendExitCode(results)).toBe(6);
    expectNoNoteText(line, formatSendSummary(summarizeSend(results)));
  });

  it('AR: rejected, never resent', async () => {
    const s = await server(replyAR);
    const [r] = await sendMessages(s.url, [message(1)], fast);
    expect(r).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(r!.ack!.code).toBe('AR');
    expect(s.log.received).toHaveLength(1);
    expect(formatSendSummary(summarizeSend([r!]))).toBe('sent 1 message: 0 accepted, 1 rejected (AR 1)\n');
  });

  it('a server that closes mid-answer: the half ACK is not taken; the identical message is resent', async () => {
    const s = await server(onFirstConnections(1, closeMidAck, replyAA));
    const events: SendEvent[] = [];
    const m = message(1);
    const [r] = await sendMessages(s.url, [m], { ...fast, onEvent: (e) => events.push(e) });
    expect(r).toMatchObject({ status: 'accepted', attempts: 2 });
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      { type: 'retry', index: 0, attempt: 1, delayMs: 20, reason: 'closed' },
    ]);
    // At-least-once: the receiver saw it twice, byte-identical (same MSH-10 and TXA-12) so it can drop one.
    expect(s.log.received).toEqual(['MSG00001', 'MSG00001']);
    expect(s.log.messages[0]).toBe(s.log.messages[1]);
    expect(s.log.connections).toBe(2);
  });

  it('… and with resendUnacknowledged: false it fails once, saying the receiver may have it', async () => {
    const s = await server(onFirstConnections(1, closeMidAck, replyAA));
    const results = await sendMessages(s.url, [message(1), message(2)], {
      ...fast,
      resendUnacknowledged: false,
    });
    expect(results[0]).toMatchObject({ status: 'failed', attempts: 1, maybeDelivered: true });
    expect(results[0]!.error).toMatchObject({ code: 'E_SEND', reason: 'closed' });
    expect(describeResult(results[0]!)).toMatch(/closed the connection \(the receiver may have it\)$/);
    // The batch stops after a failure: the rest is reported, not sent.
    expect(results[1]).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(s.log.received).toEqual(['MSG00001']);
  });

  it('a server that never answers: ACK timeout on each attempt, bounded, then failed', async () => {
    const s = await server(silent);
    const [r] = await sendMessages(s.url, [message(1)], { ...fast, ackTimeoutMs: 300, attempts: 2 });
    expect(r).toMatchObject({ status: 'failed', attempts: 2, maybeDelivered: true });
    expect(r!.error).toMatchObject({ code: 'E_SEND', reason: 'ack-timeout' });
    expect(r!.error!.message).toBe(`No ACK from mllp://127.0.0.1:${s.port} within 300 ms`);
    expect(s.log.received).toEqual(['MSG00001', 'MSG00001']);
  });

  it.each([
    ['not MLLP at all (an HTTP answer)', garbage],
    ['an MLLP frame without an HL7 ACK', framedGarbage],
  ])('a server that answers garbage (%s): protocol error, not resent', async (_name, behaviour) => {
    const s = await server(behaviour);
    const results = await sendMessages(s.url, [message(1), message(2)], fast);
    expect(results[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(results[0]!.error!.reason).toBe('protocol');
    expect(results[0]!.error!.message).toMatch(/answered badly/);
    expect(results[0]!.error!.message).not.toMatch(/HTTP|hello/);
    expect(results[1]!.status).toBe('skipped');
    expect(s.log.received).toEqual(['MSG00001']);
  });

  it('continueAfterFailure sends the rest after a failure', async () => {
    const s = await server(onFirstConnections(1, garbage, replyAA));
    const results = await sendMessages(s.url, [message(1), message(2)], {
      ...fast,
      continueAfterFailure: true,
    });
    expect(results.map((r) => r.status)).toEqual(['failed', 'accepted']);
    expect(sendExitCode(results)).toBe(1);
  });

  it('an ACK for another control id is skipped; the matching one is taken', async () => {
    const s = await server(staleThenAA);
    const results = await sendMessages(s.url, [message(1), message(2), message(3)], fast);
    expect(results.map((r) => [r.status, r.ack?.controlId])).toEqual([
      ['accepted', 'MSG00001'],
      ['accepted', 'MSG00002'],
      ['accepted', 'MSG00003'],
    ]);
    expect(s.log.connections).toBe(1);
  });

  it('200 messages in a row over one connection: all accepted, none lost or duplicated at the server', async () => {
    const s = await server(replyAA);
    const inputs = Array.from({ length: 200 }, (_, i) => message(i));
    const results = await sendMessages(s.url, inputs, fast);
    expect(results.map((r) => r.status)).toEqual(Array(200).fill('accepted'));
    expect(results.map((r) => r.index)).toEqual(inputs.map((_, i) => i));
    expect(results.map((r) => r.ack!.controlId)).toEqual(
      inputs.map((_, i) => `MSG${String(i).padStart(5, '0')}`),
    );
    expect(s.log.received).toEqual(results.map((r) => r.controlId));
    expect(new Set(s.log.received).size).toBe(200);
    expect(s.log.connections).toBe(1);
    expect(formatSendSummary(summarizeSend(results), parseMllpUrl(s.url))).toBe(
      `sent 200 messages to mllp://127.0.0.1:${s.port}: 200 accepted\n`,
    );
  });

  it('a refused connection is retried with backoff until the server is up', async () => {
    const port = await freePort();
    const events: SendEvent[] = [];
    let starting: Promise<RunningServer> | undefined;
    const [r] = await sendMessages(`mllp://127.0.0.1:${port}`, [message(1)], {
      ...fast,
      backoffMs: 200,
      maxBackoffMs: 1000,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'retry') starting ??= server(replyAA, { port });
      },
    });
    expect(r).toMatchObject({ status: 'accepted', attempts: 2, maybeDelivered: true });
    expect(events[0]).toEqual({ type: 'retry', index: 0, attempt: 1, delayMs: 200, reason: 'connect' });
    expect((await starting!).log.received).toEqual(['MSG00001']);
  });

  it('a connection refused every time: failed after the attempts, the rest not sent, backoff doubling', async () => {
    const port = await freePort();
    const events: SendEvent[] = [];
    const results = await sendMessages(`mllp://127.0.0.1:${port}`, [message(1), message(2)], {
      ...fast,
      attempts: 4,
      backoffMs: 10,
      maxBackoffMs: 30,
      onEvent: (e) => events.push(e),
    });
    expect(results.map((r) => [r.status, r.attempts, r.maybeDelivered])).toEqual([
      ['failed', 4, false],
      ['skipped', 0, false],
    ]);
    expect(results[0]!.error!.message).toBe(
      `Could not connect to the MLLP receiver at mllp://127.0.0.1:${port} (ECONNREFUSED)`,
    );
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.delayMs : 0))).toEqual(
      [10, 20, 30],
    );
    expect(sendExitCode(results)).toBe(6);
  });

  it('an abort stops a send waiting for its ACK', async () => {
    const s = await server(silent);
    const controller = new AbortController();
    const sending = sendMessages(s.url, [message(1)], {
      ...fast,
      ackTimeoutMs: 60_000,
      signal: controller.signal,
    });
    for (let i = 0; i < 500 && s.log.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(s.log.received).toHaveLength(1);
    controller.abort();
    await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('files that are not sendable are reported and not sent; LF segment ends are sent as CR', async () => {
    const s = await server(replyAA);
    const good = message(1);
    const lf = {
      name: 'lf.hl7',
      data: new TextEncoder().encode((message(2).data as string).replace(/\r/g, '\n')),
    };
    const results = await sendMessages(
      s.url,
      [
        { name: 'empty.hl7', data: '' },
        { name: 'not-hl7.hl7', data: `PID|1||${SECRET}\r` },
        { name: 'latin1.hl7', data: Uint8Array.of(0x4d, 0x53, 0x48, 0xe9, 0xff) },
        { name: 'no-id.hl7', data: 'MSH|^~\\&|A|B|C|D|20260101||ACK\r' },
        { name: 'framing.hl7', data: `${good.data}\u000b` },
        good,
        { name: 'again.hl7', data: good.data },
        lf,
      ],
      fast,
    );
    expect(results.map((r) => [r.name, r.status, r.error?.code])).toEqual([
      ['empty.hl7', 'failed', 'E_PARSE'],
      ['not-hl7.hl7', 'failed', 'E_PARSE'],
      ['latin1.hl7', 'failed', 'E_PARSE'],
      ['no-id.hl7', 'failed', 'E_PARSE'],
      ['framing.hl7', 'failed', 'E_PARSE'],
      ['note-1.hl7', 'accepted', undefined],
      ['again.hl7', 'failed', 'E_PARSE'],
      ['lf.hl7', 'accepted', undefined],
    ]);
    expect(results[6]!.error!.message).toMatch(/repeats the control id of message 6/);
    expect(s.log.received).toEqual(['MSG00001', 'MSG00002']);
    // The LF file went out with CR segment ends: the same bytes as the CR original.
    expect(Buffer.concat(s.log.bytes).toString('utf8')).toBe(
      `\x0b${good.data}\x1c\r\x0b${message(2).data}\x1c\r`,
    );
    for (const r of results) expectNoNoteText(describeResult(r), JSON.stringify(r.error ?? {}));
  });

  it('one message in flight per connection', async () => {
    const s = await server(silent);
    const c = await MllpConnection.open(parseMllpUrl(s.url), { ackTimeoutMs: 500 });
    try {
      const first = c.send(message(1).data as string);
      await expect(c.send(message(2).data as string)).rejects.toMatchObject({
        reason: 'busy',
        code: 'E_SEND',
      });
      await expect(first).rejects.toMatchObject({ reason: 'ack-timeout' });
      expect(c.isOpen).toBe(false);
    } finally {
      c.close();
    }
  });
});

describe('MLLP over TLS (mllps://) with a throwaway CA', () => {
  let dir: string;
  let certs: TestCerts | null = null;
  let missing: string | null = null;
  beforeAll(() => {
    missing = opensslMissing();
    if (missing) return;
    dir = mkdtempSync(join(tmpdir(), 'scribekit-hl7-tls-'));
    certs = makeTestCerts(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('node-hl7-server over TLS: accepted with --ca-file; the default store refuses the self-made CA', async (ctx) => {
    if (missing || !certs) return ctx.skip(missing ?? 'no certificates');
    const s = await startNodeHl7Server('AA', { key: certs.key, cert: certs.cert });
    servers.push(s);
    const [ok] = await sendMessages(s.url, [message(1)], { ...fast, tls: { caFile: certs.caFile } });
    expect(ok).toMatchObject({ status: 'accepted', attempts: 1 });
    expect(s.log.received).toEqual(['MSG00001']);

    const [refused] = await sendMessages(s.url, [message(2)], fast);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, maybeDelivered: false });
    expect(refused!.error!.reason).toBe('tls');
    expect(refused!.error!.message).toMatch(
      /^TLS to the MLLP receiver at mllps:\/\/127\.0\.0\.1:\d+ failed \(/,
    );
    expect(s.log.received).toEqual(['MSG00001']);
  });

  it('a certificate for another name is refused (no retry)', async (ctx) => {
    if (missing || !certs) return ctx.skip(missing ?? 'no certificates');
    const s = await server(replyAA, { tls: { key: certs.key, cert: certs.cert } });
    const [r] = await sendMessages(s.url, [message(1)], {
      ...fast,
      tls: { ca: certs.ca, servername: 'ehr.example.org' },
    });
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    expect(r!.error!.reason).toBe('tls');
    expect(s.log.received).toEqual([]);
  });

  it('several messages on one TLS connection (medplum connection behind tls.createServer)', async (ctx) => {
    if (missing || !certs) return ctx.skip(missing ?? 'no certificates');
    const s = await server(replyAA, { tls: { key: certs.key, cert: certs.cert } });
    const results = await sendMessages(
      s.url.replace('127.0.0.1', 'localhost'),
      [1, 2, 3].map((i) => message(i)),
      {
        ...fast,
        tls: { caFile: certs.caFile },
      },
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(s.log.received).toEqual(['MSG00001', 'MSG00002', 'MSG00003']);
    expect(s.log.connections).toBe(1);
  });

  it('an unreadable CA file is an OptionsError before anything is sent', async () => {
    const s = await server(replyAA);
    await expect(
      sendMessages(s.url.replace('mllp:', 'mllps:'), [message(1)], {
        ...fast,
        tls: { caFile: join(tmpdir(), 'scribekit-no-such-ca.pem') },
      }),
    ).rejects.toMatchObject({
      code: 'E_OPTIONS',
      message: expect.stringMatching(/^Cannot read the CA file /),
    });
    expect(s.log.connections).toBe(0);
  });

  it('mllps:// to a plain MLLP server fails (handshake never completes or is refused), bounded', async (ctx) => {
    if (missing || !certs) return ctx.skip(missing ?? 'no certificates');
    const s = await server(replyAA);
    const [r] = await sendMessages(s.url.replace('mllp:', 'mllps:'), [message(1)], {
      ...fast,
      connectTimeoutMs: 300,
      attempts: 2,
      tls: { caFile: certs.caFile },
    });
    expect(r!.status).toBe('failed');
    expect(['tls', 'connect-timeout', 'connect']).toContain(r!.error!.reason);
    expect(s.log.received).toEqual([]);
  });
});
