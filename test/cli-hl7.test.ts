// `convert --to hl7`, `scribekit send` and `convert --send` end to end against a real MLLP server
// (@medplum/hl7) on 127.0.0.1: the message written 0600, read back by an independent reader, sent and
// acknowledged; rejections and unreachable receivers map to the documented exit codes, never naming note text.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, repoRoot, tempDir } from './support/cli.js';
import { readWithNode } from './support/hl7/readers.js';
import {
  freePort,
  type RunningServer,
  replyAA,
  replyAEWithErr,
  startMedplumServer,
} from './support/hl7/servers.js';

const dictation = join(repoRoot, 'test/fixtures/transcribe/dictation-report.json');
const conversation = join(repoRoot, 'test/fixtures/transcribe/medical-conversation-phi.json');
const fast = ['--connect-timeout', '2000', '--ack-timeout', '2000', '--attempts', '1'];

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('scribekit convert --to hl7 and send', () => {
  it('writes one MDM^T02 message (0600) with the patient, author and the dictation’s sections', async () => {
    const out = tempDir();
    const r = await cli([
      'convert',
      dictation,
      '--to',
      'hl7',
      '-o',
      out,
      '--subject',
      'Patient/123',
      '--author',
      'Practitioner/7',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const path = join(out, 'dictation-report.hl7');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r')[0]).toMatch(/^MSH\|\^~\\&\|SCRIBEKIT\|/);
    const m = readWithNode(text, ['MSH-9.1', 'MSH-9.2', 'PID-3.1', 'TXA-2', 'TXA-9.1', 'TXA-17']);
    expect(m.fields).toMatchObject({
      'MSH-9.1': 'MDM',
      'MSH-9.2': 'T02',
      'PID-3.1': '123',
      'TXA-2': 'PR',
      'TXA-9.1': '7',
      'TXA-17': 'DO',
    });
    expect(m.obx.map((o) => o.values.join(' '))).toContain('ASSESSMENT:');
  });

  it('names the flag when HL7 options are wrong, before any work', async () => {
    const out = tempDir();
    const both = await cli([
      'convert',
      dictation,
      '--to',
      'hl7',
      '-o',
      out,
      '--subject',
      'Patient/1',
      '--replaces',
      'A',
      '--addendum-to',
      'B',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--replaces and --addendum-to exclude each other');
    const generic = await cli([
      'convert',
      dictation,
      '--to',
      'hl7',
      '-o',
      out,
      '--subject',
      'Patient/1',
      '--note-type',
      'note',
    ]);
    expect(generic.code).toBe(2);
    expect(generic.stderr).toContain('--hl7-document-type');
    const noOut = await cli([
      'convert',
      dictation,
      '--to',
      'hl7',
      '--subject',
      'Patient/1',
      '--send',
      'mllp://127.0.0.1:1',
    ]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('-o');
  });

  it('convert --send: converted, sent, acknowledged (exit 0); the server got the message byte for byte', async () => {
    const s = await startMedplumServer(replyAA);
    servers.push(s);
    const out = tempDir();
    const r = await cli([
      'convert',
      dictation,
      conversation,
      '--to',
      'hl7,txt',
      '-o',
      out,
      '--subject',
      'Patient/1',
      '--send',
      s.url,
      ...fast,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 accepted/);
    expect(s.log.received).toHaveLength(2);
    const sent = Buffer.concat(s.log.bytes).toString('utf8');
    expect(sent).toContain(readFileSync(join(out, 'dictation-report.hl7'), 'utf8'));
  });

  it('send: an AE answer is a rejection naming the receiver’s error (exit 6), never the note', async () => {
    const s = await startMedplumServer(replyAEWithErr);
    servers.push(s);
    const out = tempDir();
    await cli(['convert', dictation, '--to', 'hl7', '-o', out, '--subject', 'Patient/1']);
    const r = await cli(['send', join(out, 'dictation-report.hl7'), '--to', s.url, ...fast]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/rejected/);
    expect(r.stderr).not.toMatch(/bunion|metatarsal/i);
  });

  it('send: nobody listening is exit 6; a bad address is exit 2; a missing file is exit 3', async () => {
    const out = tempDir();
    await cli(['convert', dictation, '--to', 'hl7', '-o', out, '--subject', 'Patient/1']);
    const file = join(out, 'dictation-report.hl7');
    const port = await freePort();
    const down = await cli(['send', file, '--to', `mllp://127.0.0.1:${port}`, ...fast]);
    expect(down.code).toBe(6);
    expect((await cli(['send', file, '--to', 'http://127.0.0.1:1'])).code).toBe(2);
    expect((await cli(['send', join(out, 'nope.hl7'), '--to', `mllp://127.0.0.1:${port}`])).code).toBe(3);
  });
});
