// Independent HL7 readers for the tests: Debian's python3-hl7 (run with /usr/bin/python3) and the npm
// parser node-hl7-client. Both return the same shape, so tests compare them with the input and each other.
// A missing python3-hl7 fails under CI=true and skips elsewhere (as test/support/real-clients.ts does).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Message } from 'node-hl7-client';
import { inCi, python } from '../real-clients.js';

export interface ReadMessage {
  /** Segment names in order. */
  readonly segments: string[];
  /** Values of the keys asked for (`MSH-9.2`, `PID-3[2].1`, `TXA-22.15`), unescaped by the reader. */
  readonly fields: Record<string, string>;
  /** Each repetition of the repeating fields asked for (`PID-3`), unescaped. */
  readonly repeats: Record<string, string[]>;
  readonly obx: {
    readonly setId: string;
    readonly valueType: string;
    readonly identifier: string;
    readonly subId: string;
    /** OBX-5 repetitions, unescaped; FT line breaks (`\.br\`) as `\n`. */
    readonly values: string[];
    readonly status: string;
  }[];
}

const script = fileURLToPath(new URL('read_hl7.py', import.meta.url));

/** Why python3-hl7 cannot run here (null when it can); throws under CI. */
export function pythonHl7Missing(): string | null {
  const ok = spawnSync(python, ['-c', 'import hl7'], { stdio: 'ignore' }).status === 0;
  if (ok) return null;
  const reason = `${python} cannot import hl7 (apt-get install python3-hl7)`;
  if (inCi) throw new Error(`${reason} — CI must install every reader`);
  return reason;
}

/** Reads messages with python-hl7 (`hl7.parse`, accessor keys, `Message.unescape`). */
export function readWithPython(
  messages: readonly string[],
  keys: readonly string[],
  repeats: readonly string[] = [],
): ReadMessage[] {
  const r = spawnSync(python, [script], {
    input: JSON.stringify({ messages, keys, repeats }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`read_hl7.py failed (status ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ReadMessage[];
}

const KEY = /^([A-Z0-9]{3})-(\d+)(?:\[(\d+)\])?(?:\.(\d+))?(?:\.(\d+))?$/;

/**
 * Reads a message with node-hl7-client's Message. It unescapes the delimiter and hex escapes but leaves
 * FT formatting commands as written, so `\.br\` is turned into `\n` here (its one-pass reading of `\E\`
 * makes a literal `\.br\` in the text indistinguishable afterwards: FT round trips avoid that text).
 */
export function readWithNode(
  message: string,
  keys: readonly string[],
  repeats: readonly string[] = [],
): ReadMessage {
  const m = new Message({ text: message });
  const fields: Record<string, string> = {};
  for (const key of keys) {
    const k = KEY.exec(key);
    if (!k) throw new Error(`bad key ${key}`);
    const [, seg, field, rep, comp, sub] = k;
    if (rep !== undefined && rep !== '1') {
      const f = m.get(`${seg}.${field}`);
      const r = f.get(Number(rep) - 1);
      fields[key] = comp === undefined ? r.toString() : (r.get(Number(comp) - 1)?.toString() ?? '');
      continue;
    }
    fields[key] = m.get([seg, field, comp, sub].filter((p) => p !== undefined).join('.')).toString();
  }
  const repetitions = (f: { length: number; get(i: number): { toString(): string } }) =>
    Array.from({ length: f.length }, (_, i) => f.get(i).toString());
  const reps: Record<string, string[]> = {};
  for (const key of repeats) reps[key] = repetitions(m.get(key.replace('-', '.')));
  const obx: ReadMessage['obx'] = [];
  m.get('OBX').forEach(
    (s: {
      get(path: string): { toString(): string; length: number; get(i: number): { toString(): string } };
    }) => {
      const values = repetitions(s.get('OBX.5')).map((v) => v.replace(/\\\.br\\/g, '\n'));
      obx.push({
        setId: s.get('OBX.1').toString(),
        valueType: s.get('OBX.2').toString(),
        identifier: s.get('OBX.3').toString(),
        subId: s.get('OBX.4').toString(),
        values,
        status: s.get('OBX.11').toString(),
      });
    },
  );
  const children = (m as unknown as { children: { name: string }[] }).children;
  return { segments: children.map((c) => c.name), fields, repeats: reps, obx };
}
