// AWS benchmark (issue #8): download throughput of the real S3 client against fauxqs (local, in-process),
// `scribekit fetch --all` end to end against fauxqs + a minimal Transcribe JSON 1.1 endpoint, and the
// cold start of `scribekit --help` (the SDK is loaded lazily) compared with loading the SDK eagerly.
// Local stand-ins only: the figures measure scribekit's overhead, not S3 or network latency.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startFauxqs } from 'fauxqs';
import { createS3Api } from '../packages/cli/dist/aws/clients.js';
import { download } from '../packages/cli/dist/aws/download.js';
import { fmt, median } from './lib.mjs';
import { makeBenchTranscript } from './make-bench-transcript.mjs';

const bin = fileURLToPath(new URL('../packages/cli/bin/scribekit.js', import.meta.url));
const small = readFileSync(new URL('../test/fixtures/transcribe/medical-dictation.json', import.meta.url));

/** A Transcribe endpoint that knows `count` COMPLETED jobs (Get and List, 100 a page). */
async function fakeTranscribe(count, uriOf) {
  const names = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const input = JSON.parse(body || '{}');
    const target = req.headers['x-amz-target'];
    let out;
    if (target === 'Transcribe.GetMedicalTranscriptionJob') {
      const name = input.MedicalTranscriptionJobName;
      out = {
        MedicalTranscriptionJob: {
          MedicalTranscriptionJobName: name,
          TranscriptionJobStatus: 'COMPLETED',
          LanguageCode: 'en-US',
          CreationTime: 1_772_463_845,
          CompletionTime: 1_772_463_905,
          Transcript: { TranscriptFileUri: uriOf(name) },
          Specialty: 'PRIMARYCARE',
          Type: 'DICTATION',
        },
      };
    } else {
      const start = Number(input.NextToken ?? 0);
      out = {
        MedicalTranscriptionJobSummaries: names.slice(start, start + input.MaxResults).map((n) => ({
          MedicalTranscriptionJobName: n,
          TranscriptionJobStatus: 'COMPLETED',
          CreationTime: 1_772_463_845,
        })),
        ...(start + input.MaxResults < count ? { NextToken: String(start + input.MaxResults) } : {}),
      };
    }
    const text = JSON.stringify(out);
    res.writeHead(200, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function timeIt(fn, rounds = 5) {
  const samples = [];
  for (let i = 0; i < rounds + 1; i++) {
    const t0 = performance.now();
    await fn();
    if (i > 0) samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function pool(items, concurrency, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

function coldStart(args, env, rounds = 11) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    execFileSync('node', args, { env, stdio: 'ignore' });
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

export default async function awsBench() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  const s3 = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const s3Url = `http://127.0.0.1:${s3.port}`;
  s3.createBucket('bench');
  const writer = new S3Client({ endpoint: s3Url, region: 'us-east-1', forcePathStyle: true });
  const big = Buffer.from(makeBenchTranscript());
  const jobs = 100;
  await writer.send(new PutObjectCommand({ Bucket: 'bench', Key: 'big.json', Body: big }));
  for (let i = 0; i < jobs; i++) {
    const key = `medical/bench-${String(i).padStart(4, '0')}.json`;
    await writer.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: small }));
  }
  const api = await createS3Api({ region: 'us-east-1', endpointUrl: s3Url });
  const s3Fn = async () => api;
  const loc = (key) => ({ kind: 's3', bucket: 'bench', key, region: 'us-east-1' });
  const keys = Array.from({ length: jobs }, (_, i) => `medical/bench-${String(i).padStart(4, '0')}.json`);

  const bigMs = await timeIt(() => download(loc('big.json'), { s3: s3Fn }));
  const seqMs = await timeIt(async () => {
    for (const k of keys) await download(loc(k), { s3: s3Fn });
  }, 3);
  const par8Ms = await timeIt(() => pool(keys, 8, (k) => download(loc(k), { s3: s3Fn })), 3);

  const transcribe = await fakeTranscribe(
    jobs,
    (n) => `https://s3.us-east-1.amazonaws.com/bench/medical/${n}.json`,
  );
  const env = {
    PATH: process.env.PATH,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_TRANSCRIBE: transcribe.url,
    AWS_ENDPOINT_URL_S3: s3Url,
  };
  const fetchAll = async (to) => {
    const dir = mkdtempSync(join(tmpdir(), 'scribekit-bench-aws-'));
    const t0 = performance.now();
    await new Promise((resolve, reject) =>
      execFile('node', [bin, 'fetch', '--all', '-q', '-j', '8', '-o', dir, ...to], { env }, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    const ms = performance.now() - t0;
    rmSync(dir, { recursive: true, force: true });
    return ms;
  };
  const fetchRaw = median([await fetchAll([]), await fetchAll([]), await fetchAll([])]);
  const fetchSrt = median([
    await fetchAll(['--to', 'srt']),
    await fetchAll(['--to', 'srt']),
    await fetchAll(['--to', 'srt']),
  ]);
  await transcribe.close();
  writer.destroy();
  await s3.stop();

  const help = coldStart([bin, '--help'], env);
  const eager = coldStart(
    ['--import', '@aws-sdk/client-s3', '--import', '@aws-sdk/client-transcribe', bin, '--help'],
    env,
  );
  const bare = coldStart(['-e', '0'], env);
  const mib = big.length / 1024 / 1024;
  return {
    name: 'aws',
    lines: [
      `S3 GetObject + verify (MD5 ETag), ${fmt(mib, 1)} MiB bench transcript: ${fmt(bigMs)} ms (${fmt(mib / (bigMs / 1000), 0)} MiB/s)`,
      `${jobs} small transcripts (${fmt(small.length / 1024, 1)} KiB) one by one: ${fmt(seqMs)} ms (${fmt(jobs / (seqMs / 1000), 0)}/s); 8 at a time: ${fmt(par8Ms)} ms (${fmt(jobs / (par8Ms / 1000), 0)}/s)`,
      `\`scribekit fetch --all -j 8\` of ${jobs} jobs (list + ${jobs} Get + ${jobs} GetObject + parse + write), subprocess: raw JSON ${fmt(fetchRaw, 0)} ms, --to srt ${fmt(fetchSrt, 0)} ms`,
      `cold start \`scribekit --help\` (SDK lazy): median ${fmt(help.median, 0)} ms (min ${fmt(help.min, 0)}); with both SDK clients preloaded: median ${fmt(eager.median, 0)} ms (min ${fmt(eager.min, 0)}); \`node -e 0\`: ${fmt(bare.median, 0)} ms`,
    ],
    figures: { bigMs, seqMs, par8Ms, fetchRaw, fetchSrt, helpMs: help.median, eagerMs: eager.median },
  };
}
