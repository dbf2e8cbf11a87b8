// MLLP (HL7 v2 Minimal Lower Layer Protocol) client: frames are 0x0B <message> 0x1C 0x0D over TCP or TLS.
// One message in flight per connection; its ACK is the frame whose MSA-2 equals the message's MSH-10
// (ACKs for other control ids — late or repeated ones — are skipped). Errors carry a stable code, E_SEND,
// and name the receiver and the failure, never the message content.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { OptionsError } from '@scribekit/core';
import { messageHeader, type ParsedAck, parseAck } from '@scribekit/exporters/hl7';

export const MLLP_START = 0x0b;
export const MLLP_END = 0x1c;
export const MLLP_CR = 0x0d;

/** Default connect timeout (TCP and TLS handshake). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Default time to wait for the ACK after the message is written. */
export const DEFAULT_ACK_TIMEOUT_MS = 30_000;
/** Largest ACK frame accepted (a receiver answering with something else must not fill memory). */
export const DEFAULT_MAX_ACK_BYTES = 1024 * 1024;

/**
 * Why a send failed. Retryable on a new connection: `connect`, `connect-timeout`, `closed`,
 * `ack-timeout`. Not retryable: `tls` (certificate or handshake refused), `protocol` (the answer is not
 * an MLLP-framed HL7 ACK), `message` (not a sendable HL7 message), `busy` (a second send in flight).
 */
export type MllpFailure =
  | 'connect'
  | 'connect-timeout'
  | 'tls'
  | 'closed'
  | 'ack-timeout'
  | 'protocol'
  | 'message'
  | 'busy';

const RETRYABLE: readonly MllpFailure[] = ['connect', 'connect-timeout', 'closed', 'ack-timeout'];

/** A send that failed. `code` is `E_SEND` (exit code 6 in the proposed table, docs/hl7.md). */
export class MllpError extends Error {
  override name = 'MllpError';
  readonly code = 'E_SEND';
  readonly reason: MllpFailure;
  /** The message had been written (maybe only in part): the receiver may have it. */
  readonly sent: boolean;
  /** Worth another attempt on a new connection. */
  readonly retryable: boolean;

  constructor(reason: MllpFailure, message: string, options: { sent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.reason = reason;
    this.sent = options.sent ?? false;
    this.retryable = RETRYABLE.includes(reason);
  }
}

/** Where to send: `mllp://host:port` (TCP) or `mllps://host:port` (TLS). */
export interface MllpEndpoint {
  readonly tls: boolean;
  readonly host: string;
  readonly port: number;
}

/** Parses `mllp://host:port` / `mllps://host:port` (IPv6 as `[::1]`); the port is required. */
export function parseMllpUrl(url: string): MllpEndpoint {
  const fail = () =>
    new OptionsError('Expected an MLLP address such as mllp://host:port or mllps://host:port (TLS)');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw fail();
  }
  const secure = u.protocol === 'mllps:';
  if ((!secure && u.protocol !== 'mllp:') || u.hostname === '' || u.port === '') throw fail();
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '' && u.pathname !== '/'))
    throw fail();
  const port = Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail();
  return { tls: secure, host: u.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase(), port };
}

/** `mllps://host:port`, for messages. */
export function endpointLabel(e: MllpEndpoint): string {
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  return `${e.tls ? 'mllps' : 'mllp'}://${host}:${e.port}`;
}

export interface MllpTlsOptions {
  /** A PEM file of extra CA certificates (trusted besides the default store). */
  readonly caFile?: string | undefined;
  /** The same, as PEM text. */
  readonly ca?: string | Buffer | undefined;
  /** TLS server name when it differs from the host (SNI and certificate check). */
  readonly servername?: string | undefined;
}

export interface MllpConnectOptions {
  readonly connectTimeoutMs?: number | undefined;
  readonly ackTimeoutMs?: number | undefined;
  readonly tls?: MllpTlsOptions | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly maxAckBytes?: number | undefined;
}

interface Pending {
  readonly controlId: string;
  readonly resolve: (ack: ParsedAck) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The default trust store plus the extra CAs. Node 20's default store is its bundled Mozilla list (and
 * NODE_EXTRA_CA_CERTS, or the OpenSSL system store with --use-openssl-ca); on Node ≥ 22.15
 * `tls.getCACertificates('default')` reflects those choices.
 */
function trustedCas(extra: string | Buffer): (string | Buffer)[] {
  const get = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  return [...(get ? get('default') : tls.rootCertificates), extra];
}

/** The extra CA certificates: `ca`, or the contents of `caFile` (OptionsError naming the file if unreadable). */
export function extraCa(options: MllpTlsOptions | undefined): string | Buffer | undefined {
  if (options?.ca !== undefined) return options.ca;
  if (options?.caFile === undefined) return undefined;
  try {
    return readFileSync(options.caFile);
  } catch (e) {
    throw new OptionsError(`Cannot read the CA file ${options.caFile}`, { cause: e });
  }
}

const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|HOSTNAME|ALTNAME|EPROTO/i;

function connectError(e: NodeJS.ErrnoException, endpoint: MllpEndpoint, handshake: boolean): MllpError {
  const where = endpointLabel(endpoint);
  const code = e.code ?? 'error';
  if (endpoint.tls && (TLS_ERROR.test(code) || (handshake && /certificate|handshake/i.test(e.message)))) {
    return new MllpError('tls', `TLS to the MLLP receiver at ${where} failed (${code})`, { cause: e });
  }
  return new MllpError('connect', `Could not connect to the MLLP receiver at ${where} (${code})`, {
    cause: e,
  });
}

/** One MLLP connection. Open with `MllpConnection.open`; `send` one message at a time. */
export class MllpConnection {
  readonly endpoint: MllpEndpoint;
  /** ACK frames skipped because their MSA-2 named another message. */
  skippedAcks = 0;
  private readonly socket: net.Socket;
  private readonly ackTimeoutMs: number;
  private readonly maxAckBytes: number;
  private readonly signal: AbortSignal | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private failure: MllpError | null = null;
  private readonly onAbort = () => this.abort();

  private constructor(socket: net.Socket, endpoint: MllpEndpoint, options: MllpConnectOptions) {
    this.socket = socket;
    this.endpoint = endpoint;
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.maxAckBytes = options.maxAckBytes ?? DEFAULT_MAX_ACK_BYTES;
    this.signal = options.signal;
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      this.fail(
        new MllpError(
          'closed',
          `The connection to ${endpointLabel(endpoint)} failed (${e.code ?? 'error'})`,
          {
            sent: true,
            cause: e,
          },
        ),
      ),
    );
    socket.on('close', () =>
      this.fail(
        new MllpError('closed', `The MLLP receiver at ${endpointLabel(endpoint)} closed the connection`, {
          sent: true,
        }),
      ),
    );
  }

  /** Connects (and completes the TLS handshake) within the connect timeout. */
  static open(endpoint: MllpEndpoint, options: MllpConnectOptions = {}): Promise<MllpConnection> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    let ca: string | Buffer | undefined;
    try {
      ca = endpoint.tls ? extraCa(options.tls) : undefined;
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      const servername = options.tls?.servername ?? (net.isIP(endpoint.host) ? undefined : endpoint.host);
      const socket = endpoint.tls
        ? tls.connect({
            host: endpoint.host,
            port: endpoint.port,
            minVersion: 'TLSv1.2',
            ...(servername ? { servername } : {}),
            ...(ca !== undefined ? { ca: trustedCas(ca) } : {}),
          })
        : net.connect({ host: endpoint.host, port: endpoint.port });
      const ready = endpoint.tls ? 'secureConnect' : 'connect';
      let connected = false;
      const done = (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('error', onError);
        socket.off(ready, onReady);
        if (error === null) {
          resolve(new MllpConnection(socket, endpoint, options));
          return;
        }
        socket.destroy();
        reject(error);
      };
      const onReady = () => done(null);
      const onError = (e: NodeJS.ErrnoException) => done(connectError(e, endpoint, connected));
      const onAbort = () => done(signal?.reason);
      const ms = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      const timer = setTimeout(
        () =>
          done(
            new MllpError(
              'connect-timeout',
              `No connection to the MLLP receiver at ${endpointLabel(endpoint)} within ${ms} ms`,
            ),
          ),
        ms,
      );
      socket.once('connect', () => {
        connected = true;
      });
      socket.once(ready, onReady);
      socket.on('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** False once the connection failed or was closed; open a new one then. */
  get isOpen(): boolean {
    return this.failure === null && !this.socket.destroyed;
  }

  /**
   * Writes one message and resolves with its ACK (AA, AE, AR, CA, CE or CR); rejects with an MllpError
   * on timeouts, closed connections and answers that are not HL7 ACKs (the connection is then closed).
   */
  send(message: string): Promise<ParsedAck> {
    if (this.signal?.aborted) return Promise.reject(this.signal.reason);
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) {
      return Promise.reject(new MllpError('busy', 'One message at a time: the previous one has no ACK yet'));
    }
    let controlId: string | null;
    try {
      controlId = messageHeader(message).controlId;
    } catch {
      controlId = null;
    }
    if (controlId === null) {
      return Promise.reject(
        new MllpError('message', 'Expected an HL7 message starting with MSH, with MSH-10'),
      );
    }
    const body = Buffer.from(message, 'utf8');
    if (body.includes(MLLP_START) || body.includes(MLLP_END)) {
      return Promise.reject(
        new MllpError('message', 'The message contains MLLP framing bytes (0x0B or 0x1C)'),
      );
    }
    return new Promise<ParsedAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(
          new MllpError(
            'ack-timeout',
            `No ACK from ${endpointLabel(this.endpoint)} within ${this.ackTimeoutMs} ms`,
            { sent: true },
          ),
        );
      }, this.ackTimeoutMs);
      this.pending = { controlId, resolve, reject, timer };
      this.socket.write(Buffer.concat([Buffer.of(MLLP_START), body, Buffer.of(MLLP_END, MLLP_CR)]));
    });
  }

  /** Closes the connection (pending sends fail as `closed`). */
  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
  }

  private abort(): void {
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(this.signal?.reason);
    }
    this.close();
  }

  /** Settles the pending send with `error` and closes the connection for good. */
  private fail(error: MllpError): void {
    this.failure ??= error;
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.close();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      let start = 0;
      while (start < this.buffer.length && (this.buffer[start] === MLLP_CR || this.buffer[start] === 0x0a))
        start++;
      if (start === this.buffer.length) {
        this.buffer = Buffer.alloc(0);
        return;
      }
      if (this.buffer[start] !== MLLP_START) {
        this.protocolError('the answer is not MLLP-framed');
        return;
      }
      const end = this.buffer.indexOf(MLLP_END, start + 1);
      if (end < 0 || end + 1 >= this.buffer.length) {
        if (this.buffer.length - start > this.maxAckBytes) {
          this.protocolError(`the answer exceeds ${this.maxAckBytes} bytes`);
          return;
        }
        this.buffer = this.buffer.subarray(start);
        return;
      }
      if (this.buffer[end + 1] !== MLLP_CR) {
        this.protocolError('an MLLP frame does not end in 0x1C 0x0D');
        return;
      }
      const frame = this.buffer.subarray(start + 1, end).toString('utf8');
      this.buffer = this.buffer.subarray(end + 2);
      if (!this.onFrame(frame)) return;
    }
  }

  /** Handles one frame; false when the connection failed. */
  private onFrame(frame: string): boolean {
    let ack: ParsedAck;
    try {
      ack = parseAck(frame);
    } catch (e) {
      this.protocolError('the answer is not an HL7 acknowledgement', e);
      return false;
    }
    const p = this.pending;
    if (!p || ack.controlId !== p.controlId) {
      this.skippedAcks++;
      return true;
    }
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(ack);
    return true;
  }

  private protocolError(what: string, cause?: unknown): void {
    this.fail(
      new MllpError(
        'protocol',
        `The MLLP receiver at ${endpointLabel(this.endpoint)} answered badly: ${what}`,
        {
          sent: true,
          cause,
        },
      ),
    );
  }
}
