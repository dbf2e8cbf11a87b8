// `scribekit send <files.hl7…> --to mllp://host:port`, and the sending step of `convert … --send`: HL7 messages
// over MLLP, one in flight, with the batch summary. Lines name files, control ids and the receiver's answer,
// never message content.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseMllpUrl } from '../hl7/mllp.js';
import {
  describeResult,
  formatSendSummary,
  type SendOptions,
  sendExitCode,
  sendMessages,
  summarizeSend,
} from '../hl7/send.js';
import { type CliIo, displayPath, resolveIo } from '../io.js';

/** How to send (the command line as plain data). */
export interface SendRequest {
  readonly to: string;
  readonly caFile?: string | undefined;
  readonly connectTimeoutMs?: number | undefined;
  readonly ackTimeoutMs?: number | undefined;
  readonly attempts?: number | undefined;
  readonly resendUnacknowledged?: boolean | undefined;
  readonly continueAfterFailure?: boolean | undefined;
  readonly quiet?: boolean | undefined;
}

/** Sends the messages in `paths` (read first: an unreadable file stops before anything is sent). Returns the exit code. */
export async function sendFiles(
  paths: readonly string[],
  request: SendRequest,
  ioIn: CliIo,
): Promise<number> {
  const io = resolveIo(ioIn);
  const endpoint = parseMllpUrl(request.to);
  const messages = [];
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    try {
      messages.push({ name: displayPath(io.cwd, full), data: await readFile(full) });
    } catch (error) {
      throw new InputError(
        `${path}: cannot read the message (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
  }
  const options: SendOptions = {
    signal: io.signal,
    ...(request.caFile ? { tls: { caFile: resolve(io.cwd, request.caFile) } } : {}),
    ...(request.connectTimeoutMs !== undefined ? { connectTimeoutMs: request.connectTimeoutMs } : {}),
    ...(request.ackTimeoutMs !== undefined ? { ackTimeoutMs: request.ackTimeoutMs } : {}),
    ...(request.attempts !== undefined ? { attempts: request.attempts } : {}),
    ...(request.resendUnacknowledged === false ? { resendUnacknowledged: false } : {}),
    ...(request.continueAfterFailure ? { continueAfterFailure: true } : {}),
    onEvent: (e) => {
      if (e.type === 'result' && !request.quiet && e.result.status !== 'accepted')
        io.stderr(`${describeResult(e.result)}\n`);
    },
  };
  const results = await sendMessages(endpoint, messages, options);
  io.stderr(`${formatSendSummary(summarizeSend(results), endpoint)}\n`);
  return sendExitCode(results);
}
