// Sends a batch of HL7 messages over one MLLP connection, in order, one in flight, with bounded retries
// and exponential backoff on connection failures and timeouts (never after an AE/AR answer). Results say
// per message: accepted (AA/CA), rejected (AE/AR/CE/CR, naming MSA-3 and ERR), failed or skipped.
// Nothing is logged; results and errors hold no message content.
import type { ParsedAck } from '@scribekit/exporters/hl7';
import { messageHeader } from '@scribekit/exporters/hl7';
import { sleep } from '../aws/sleep.js';
import {
  endpointLabel,
  extraCa,
  MllpConnection,
  type MllpConnectOptions,
  type MllpEndpoint,
  MllpError,
  parseMllpUrl,
} from './mllp.js';

export interface SendInput {
  /** The file name (for the summary). */
  readonly name: string;
  /** The message: text or UTF-8 bytes. */
  readonly data: string | Uint8Array;
}

export interface SendOptions extends MllpConnectOptions {
  /** Attempts per message, the first included (default 3). */
  readonly attempts?: number | undefined;
  /** Delay before the first retry; doubled each time (default 1000 ms). */
  readonly backoffMs?: number | undefined;
  /** Longest delay between attempts (default 16000 ms). */
  readonly maxBackoffMs?: number | undefined;
  /**
   * Resend a message whose ACK never came (timeout, connection closed after writing). Default true: the
   * resend is byte-identical (same MSH-10 and TXA-12), so a receiver can recognise the duplicate. Set false
   * for receivers that cannot; such a message is then `failed` with `maybeDelivered`.
   */
  readonly resendUnacknowledged?: boolean | undefined;
  /** Keep sending after a message failed for good (default false: the rest are `skipped`). */
  readonly continueAfterFailure?: boolean | undefined;
  /** Progress callback (retries and results); it must not throw. */
  readonly onEvent?: ((event: SendEvent) => void) | undefined;
}

export type SendEvent =
  | {
      readonly type: 'retry';
      readonly index: number;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'result'; readonly result: SendResult };

export type SendStatus = 'accepted' | 'rejected' | 'failed' | 'skipped';

export interface SendResult {
  readonly index: number;
  readonly name: string;
  readonly status: SendStatus;
  /** MSH-10, when the message has one. */
  readonly controlId: string | null;
  /** Connections tried for this message. */
  readonly attempts: number;
  /** The receiver's answer (accepted and rejected). */
  readonly ack?: ParsedAck | undefined;
  /** Why it failed or was skipped: stable code, MLLP failure reason, one-line message. */
  readonly error?: { readonly code: string; readonly reason: string; readonly message: string } | undefined;
  /** Failed after being written at least once: the receiver may have it. */
  readonly maybeDelivered: boolean;
}

/** Sends `messages` in order over one connection (reopened after a failure); results in input order. */
export async function sendMessages(
  to: MllpEndpoint | string,
  messages: readonly SendInput[],
  options: SendOptions = {},
): Promise<SendResult[]> {
  const endpoint = typeof to === 'string' ? parseMllpUrl(to) : to;
  // Read the CA file once, before anything is sent (an unreadable one is an OptionsError).
  const ca = endpoint.tls ? extraCa(options.tls) : undefined;
  const connectOptions: MllpConnectOptions =
    ca === undefined ? options : { ...options, tls: { ...options.tls, ca, caFile: undefined } };
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const results: SendResult[] = [];
  const seen = new Map<string, number>();
  let connection: MllpConnection | null = null;
  let stopped: SendResult | null = null;
  const emit = (r: SendResult) => {
    results.push(r);
    options.onEvent?.({ type: 'result', result: r });
  };

  try {
    for (const [index, input] of messages.entries()) {
      const prepared = prepare(input.data);
      const base = { index, name: input.name, controlId: prepared.controlId };
      if (stopped) {
        emit({
          ...base,
          status: 'skipped',
          attempts: 0,
          maybeDelivered: false,
          error: {
            code: 'E_SEND',
            reason: 'skipped',
            message: `Not sent: message ${stopped.index + 1} failed`,
          },
        });
        continue;
      }
      if (prepared.problem !== null) {
        emit({
          ...base,
          status: 'failed',
          attempts: 0,
          maybeDelivered: false,
          error: { code: 'E_PARSE', reason: 'message', message: prepared.problem },
        });
        continue;
      }
      const controlId = prepared.controlId!;
      const earlier = seen.get(controlId);
      if (earlier !== undefined) {
        emit({
          ...base,
          status: 'failed',
          attempts: 0,
          maybeDelivered: false,
          error: {
            code: 'E_PARSE',
            reason: 'message',
            message: `MSH-10 repeats the control id of message ${earlier + 1}: ACKs could not be told apart`,
          },
        });
        continue;
      }
      seen.set(controlId, index);

      let written = false;
      for (let attempt = 1; ; attempt++) {
        try {
          if (!connection?.isOpen) connection = await MllpConnection.open(endpoint, connectOptions);
          const ack = await connection.send(prepared.text);
          const accepted = ack.code === 'AA' || ack.code === 'CA';
          emit({
            ...base,
            status: accepted ? 'accepted' : 'rejected',
            attempts: attempt,
            ack,
            maybeDelivered: true,
          });
          break;
        } catch (error) {
          if (options.signal?.aborted) throw error;
          connection?.close();
          connection = null;
          if (!(error instanceof MllpError)) throw error;
          written ||= error.sent;
          const again =
            error.retryable && attempt < attempts && (!error.sent || options.resendUnacknowledged !== false);
          if (!again) {
            const result: SendResult = {
              ...base,
              status: 'failed',
              attempts: attempt,
              maybeDelivered: written,
              error: { code: error.code, reason: error.reason, message: error.message },
            };
            emit(result);
            if (!options.continueAfterFailure) stopped = result;
            break;
          }
          const delayMs = Math.min(
            options.maxBackoffMs ?? 16_000,
            (options.backoffMs ?? 1000) * 2 ** (attempt - 1),
          );
          options.onEvent?.({ type: 'retry', index, attempt, delayMs, reason: error.reason });
          await sleep(delayMs, options.signal);
        }
      }
    }
  } finally {
    connection?.close();
  }
  return results;
}

interface Prepared {
  readonly text: string;
  readonly controlId: string | null;
  readonly problem: string | null;
}

/**
 * A message file as it goes on the wire: UTF-8 (a BOM dropped), segments ended by CR (CRLF and LF, as
 * editors may save them, become CR), one final CR.
 */
function prepare(data: string | Uint8Array): Prepared {
  let text: string;
  try {
    text = typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { text: '', controlId: null, problem: 'The message is not UTF-8 text' };
  }
  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n|\n/g, '\r')
    .replace(/\r+$/, '');
  text = `${text}\r`;
  if (!text.startsWith('MSH'))
    return { text, controlId: null, problem: 'The message does not start with MSH' };
  let controlId: string | null = null;
  try {
    controlId = messageHeader(text).controlId;
  } catch {
    // reported below
  }
  if (controlId === null) return { text, controlId, problem: 'The message has no MSH-10 control id' };
  if (/[\u000B\u001C]/.test(text)) {
    return { text, controlId, problem: 'The message contains MLLP framing bytes (0x0B or 0x1C)' };
  }
  return { text, controlId, problem: null };
}

export interface SendSummary {
  readonly total: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly failed: number;
  readonly skipped: number;
  /** Rejections by ACK code (AE, AR, CE, CR). */
  readonly rejectedBy: Readonly<Record<string, number>>;
}

export function summarizeSend(results: readonly SendResult[]): SendSummary {
  const count = (s: SendStatus) => results.filter((r) => r.status === s).length;
  const rejectedBy: Record<string, number> = {};
  for (const r of results)
    if (r.status === 'rejected' && r.ack) rejectedBy[r.ack.code] = (rejectedBy[r.ack.code] ?? 0) + 1;
  return {
    total: results.length,
    accepted: count('accepted'),
    rejected: count('rejected'),
    failed: count('failed'),
    skipped: count('skipped'),
    rejectedBy,
  };
}

/** `sent 200 messages to mllp://host:2575: 198 accepted, 1 rejected (AE 1), 1 failed` */
export function formatSendSummary(summary: SendSummary, endpoint?: MllpEndpoint): string {
  const parts = [`${summary.accepted} accepted`];
  if (summary.rejected > 0) {
    const by = Object.entries(summary.rejectedBy)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    parts.push(`${summary.rejected} rejected (${by})`);
  }
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} not sent`);
  const to = endpoint ? ` to ${endpointLabel(endpoint)}` : '';
  return `sent ${summary.total} message${summary.total === 1 ? '' : 's'}${to}: ${parts.join(', ')}\n`;
}

/** Receiver text for a terminal line: controls removed, whitespace collapsed, at most `max` characters. */
export function receiverText(text: string, max = 200): string {
  const clean = text
    .replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * One line per message that was not accepted: the receiver's MSA-3 and ERR (code, severity, location,
 * diagnostic), or the failure. These are the receiver's words, never the note's.
 */
export function describeResult(result: SendResult): string {
  const head = `${result.name}: ${result.status}`;
  if (result.status === 'accepted') return `${head} (${result.ack?.code ?? 'AA'})`;
  if (result.status === 'rejected' && result.ack) {
    const ack = result.ack;
    const parts = [`${ack.code}`];
    if (ack.text) parts.push(`MSA-3 "${receiverText(ack.text)}"`);
    if (ack.errorCondition) parts.push(`MSA-6 "${receiverText(ack.errorCondition)}"`);
    for (const e of ack.errors) {
      const what = [
        e.code && `ERR ${e.code}${e.codeText ? ` ${receiverText(e.codeText, 60)}` : ''}`,
        e.severity && `(${e.severity})`,
        e.location && `at ${e.location}`,
      ]
        .filter(Boolean)
        .join(' ');
      const text = e.diagnostic ?? e.userMessage;
      parts.push([what, text && `"${receiverText(text)}"`].filter(Boolean).join(': '));
    }
    return `${head} ${parts.join('; ')}`;
  }
  const delivered = result.status === 'failed' && result.maybeDelivered ? ' (the receiver may have it)' : '';
  return `${head}: ${result.error?.message ?? 'unknown error'}${delivered}`;
}

/** Proposed exit codes of `send` (docs/hl7.md): 0 all accepted, 1 some not, 6 none accepted. */
export const SEND_EXIT = { ok: 0, someFailed: 1, sendFailed: 6 } as const;

export function sendExitCode(results: readonly SendResult[]): number {
  const s = summarizeSend(results);
  if (s.accepted === s.total) return SEND_EXIT.ok;
  return s.accepted === 0 ? SEND_EXIT.sendFailed : SEND_EXIT.someFailed;
}
