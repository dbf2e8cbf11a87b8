// Real MLLP servers from npm on 127.0.0.1 for the send tests:
// - @medplum/hl7's Hl7Connection (the MLLP framing and message parsing Medplum's agent runs) on a listener
//   of ours, because its Hl7Server.start(port) binds every interface and tests listen on loopback only;
// - node-hl7-server (its own TCP/TLS listener, bound to 127.0.0.1) for TLS.
// Each server counts what it received (control ids, connections) so tests can check nothing was lost or
// duplicated. Every server closes its sockets on close().
import net from 'node:net';
import tls from 'node:tls';
import { type Hl7Message, Hl7Segment } from '@medplum/core';
import { Hl7Connection, type Hl7MessageEvent } from '@medplum/hl7';
import { Server as NodeHl7Server } from 'node-hl7-server';

export interface ServerLog {
  /** MSH-10 of every message received, in order. */
  readonly received: string[];
  /** Every message received, as the server's parser printed it back. */
  readonly messages: string[];
  /** Every byte received, in order (medplum servers only). */
  readonly bytes: Buffer[];
  connections: number;
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly log: ServerLog;
  close(): Promise<void>;
}

/** What a medplum-based server does with each message (the default: AA). */
export type Behaviour = (message: Hl7Message, connection: Hl7Connection, log: ServerLog) => void;

export const replyAA: Behaviour = (m, c) => c.send(m.buildAck({ ackCode: 'AA' }));

/** AE with an ERR segment (v2.5: ERR-2 location, ERR-3 code, ERR-4 severity, ERR-7 diagnostic). */
export const replyAEWithErr: Behaviour = (m, c) =>
  c.send(
    m.buildAck({
      ackCode: 'AE',
      errSegment: new Hl7Segment([
        'ERR',
        '',
        'TXA^1^12',
        '205^Duplicate key identifier^HL70357',
        'E',
        '',
        '',
        'Document number already on file',
      ]),
    }),
  );

export const replyAR: Behaviour = (m, c) => c.send(m.buildAck({ ackCode: 'AR' }));

/** Never answers. */
export const silent: Behaviour = () => {};

/** Writes the first half of an AA frame, then drops the connection. */
export const closeMidAck: Behaviour = (m, c) => {
  const frame = Buffer.from(`\x0b${m.buildAck({ ackCode: 'AA' }).toString()}\x1c\r`, 'utf8');
  c.socket.end(frame.subarray(0, Math.floor(frame.length / 2)));
  c.socket.destroy();
};

/** Answers with something that is not MLLP at all. */
export const garbage: Behaviour = (_m, c) => c.socket.write('HTTP/1.1 400 Bad Request\r\n\r\n');

/** Answers with an MLLP frame that holds no HL7 ACK. */
export const framedGarbage: Behaviour = (_m, c) => c.socket.write('\x0bhello, this is not HL7\x1c\r');

/** First an ACK for another control id (as a receiver repeating an old ACK would), then the right one. */
export const staleThenAA: Behaviour = (m, c) => {
  const stale = m.buildAck({ ackCode: 'AA' });
  stale.getSegment('MSA')!.setField(2, 'SOMEOTHERID');
  c.send(stale);
  c.send(m.buildAck({ ackCode: 'AA' }));
};

/** The first `n` connections get `first`, later ones `then`. */
export function onFirstConnections(n: number, first: Behaviour, then: Behaviour): Behaviour {
  return (m, c, log) => (log.connections <= n ? first : then)(m, c, log);
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve((server.address() as net.AddressInfo).port));
  });
}

/**
 * A medplum Hl7Connection per accepted socket; TCP, or TLS when `tlsOptions` is given.
 * `port` reuses a port (for the refused-then-listening test).
 */
export async function startMedplumServer(
  behaviour: Behaviour = replyAA,
  options: { tls?: tls.TlsOptions; port?: number } = {},
): Promise<RunningServer> {
  const log: ServerLog = { received: [], messages: [], bytes: [], connections: 0 };
  const sockets = new Set<net.Socket>();
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => log.bytes.push(chunk));
    log.connections++;
    const connection = new Hl7Connection(socket, 'utf-8');
    connection.addEventListener('error', () => {});
    connection.addEventListener('message', (event: Hl7MessageEvent) => {
      log.received.push(event.message.getSegment('MSH')?.getField(10)?.toString() ?? '');
      log.messages.push(event.message.toString());
      behaviour(event.message, connection, log);
    });
  };
  const server = options.tls ? tls.createServer(options.tls, onSocket) : net.createServer(onSocket);
  const port =
    options.port === undefined
      ? await listen(server)
      : await new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ host: '127.0.0.1', port: options.port }, () => resolve(options.port!));
        });
  return {
    port,
    url: `${options.tls ? 'mllps' : 'mllp'}://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** node-hl7-server on 127.0.0.1 (TLS when key/cert are given), answering every message with `code`. */
export async function startNodeHl7Server(
  code: 'AA' | 'AE' | 'AR',
  tlsOptions?: { key: Buffer; cert: Buffer },
): Promise<RunningServer> {
  const log: ServerLog = { received: [], messages: [], bytes: [], connections: 0 };
  const server = new NodeHl7Server({ bindAddress: '127.0.0.1', ...(tlsOptions ? { tls: tlsOptions } : {}) });
  const inbound = server.createInbound({ port: 0 }, async (req, res) => {
    const message = req.getMessage();
    log.received.push(message.get('MSH.10').toString());
    log.messages.push(message.toString());
    await res.sendResponse(code);
  });
  inbound.on('client.connect', () => {
    log.connections++;
  });
  inbound.on('client.error', () => {});
  await new Promise<void>((resolve, reject) => {
    inbound.once('listen', () => resolve());
    inbound.once('error', reject);
  });
  // The listener's net/tls server is internal; its address gives the port chosen for port 0.
  const port = ((inbound as unknown as { _socket: net.Server })._socket.address() as net.AddressInfo).port;
  return {
    port,
    url: `${tlsOptions ? 'mllps' : 'mllp'}://127.0.0.1:${port}`,
    log,
    close: async () => {
      await inbound.close();
    },
  };
}

/** A port nothing listens on (bound once, then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
