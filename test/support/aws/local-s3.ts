// fauxqs (an in-process S3 emulator) on 127.0.0.1, plus a writer client for fixtures, and a tiny
// HTTP server for presigned/other URLs that can truncate or corrupt a download on purpose.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startFauxqs } from 'fauxqs';

export const testCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Environment for a CLI subprocess that may talk to nothing but the local stand-ins. */
export function awsTestEnv(urls: { transcribe?: string; s3?: string }): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '3',
    NO_COLOR: '1',
  };
  if (urls.transcribe) env.AWS_ENDPOINT_URL_TRANSCRIBE = urls.transcribe;
  if (urls.s3) env.AWS_ENDPOINT_URL_S3 = urls.s3;
  return env;
}

export interface LocalS3 {
  readonly url: string;
  readonly client: S3Client;
  createBucket(name: string): void;
  put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    metadata?: Record<string, string>,
  ): Promise<string>;
  /** True when the object exists. */
  exists(bucket: string, key: string): Promise<boolean>;
  /** The object's bytes and headers (metadata, checksum, encryption), or null when it does not exist. */
  get(
    bucket: string,
    key: string,
  ): Promise<{ body: Uint8Array; head: Omit<GetObjectCommandOutput, 'Body'> } | null>;
  stop(): Promise<void>;
}

export async function startLocalS3(): Promise<LocalS3> {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const url = `http://127.0.0.1:${server.port}`;
  const client = new S3Client({
    endpoint: url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: testCredentials,
  });
  return {
    url,
    client,
    createBucket: (name) => void server.createBucket(name),
    async put(bucket, key, body, metadata) {
      const out = await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
          ...(metadata ? { Metadata: metadata } : {}),
        }),
      );
      return out.ETag ?? '';
    },
    async exists(bucket, key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
    async get(bucket, key) {
      try {
        const { Body, ...head } = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }),
        );
        return { body: Body ? await Body.transformToByteArray() : new Uint8Array(), head };
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}

export interface FileServer {
  readonly url: string;
  /** Serves `body` at `path`; `faults` are used one per request (then the body is served whole). */
  serve(path: string, body: Uint8Array | string, faults?: ('truncate' | 'corrupt' | '500')[]): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, { body: Buffer; faults: string[]; hits: number }>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = files.get(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    file.hits++;
    const fault = file.faults.shift();
    const etag = `"${createHash('md5').update(file.body).digest('hex')}"`;
    if (fault === '500') {
      res.writeHead(500).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': file.body.length, etag });
    if (fault === 'truncate') {
      res.write(file.body.subarray(0, file.body.length >> 1));
      setTimeout(() => res.destroy(), 10);
    } else if (fault === 'corrupt') {
      const copy = Buffer.from(file.body);
      copy[copy.length >> 1] = (copy[copy.length >> 1]! + 1) % 256;
      res.end(copy);
    } else {
      res.end(file.body);
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(path, body, faults = []) {
      files.set(path, { body: Buffer.from(body), faults: [...faults], hits: 0 });
    },
    hits: (path) => files.get(path)?.hits ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
