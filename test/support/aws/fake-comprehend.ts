// A local Amazon Comprehend Medical endpoint speaking JSON 1.1 on 127.0.0.1, enough for the real SDK client:
// `X-Amz-Target: ComprehendMedical_20181030.DetectPHI`, SigV4 checked (for the `comprehendmedical` service),
// the "fewer than 20,000 bytes" limit enforced, errors on demand (throttling, 5xx, AccessDenied), and a
// deterministic recogniser for planted synthetic identifiers answering as DetectPHI does: `Entities` with
// `Id`, `BeginOffset`/`EndOffset` in Unicode code points, `Score`, `Text`, `Category`, `Type`, `Traits`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4 } from './sigv4.js';

export const DETECT_PHI_TARGET = 'ComprehendMedical_20181030.DetectPHI';

/** An answer other than the normal one: an AWS error (`__type`, HTTP status 400 unless given). */
export interface FakeFailure {
  readonly error: string;
  readonly httpStatus?: number;
  readonly message?: string;
}

export interface DetectPhiRequest {
  readonly target: string;
  readonly text: string;
  readonly bytes: number;
  /** Credential scope's service name (`comprehendmedical` for the real client). */
  readonly service: string;
  /** `amz-sdk-request` header, e.g. `attempt=2; max=3`. */
  readonly attempt: string;
  /** Status the fake answered with. */
  status: number;
}

export interface FakeComprehendEntity {
  readonly Id: number;
  readonly BeginOffset: number;
  readonly EndOffset: number;
  readonly Score: number;
  readonly Text: string;
  readonly Category: 'PROTECTED_HEALTH_INFORMATION';
  readonly Type: string;
  readonly Traits: readonly never[];
}

export interface FakeComprehend {
  readonly url: string;
  readonly requests: DetectPhiRequest[];
  /** Failures to answer with, one per request, before answering normally again. */
  readonly failures: FakeFailure[];
  /** When set, every request gets this failure (e.g. AccessDeniedException). */
  always: FakeFailure | null;
  close(): Promise<void>;
}

export interface FakeComprehendOptions {
  /** Access key id → secret key (default `test` → `test`). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Words recognised as NAME with their score (default 0.97); adjacent names form one entity. */
  readonly names?: Readonly<Record<string, number>>;
}

/** Statuses AWS uses for these errors when the failure does not say. */
const STATUS: Readonly<Record<string, number>> = {
  InternalServerException: 500,
  ServiceUnavailableException: 503,
};

export async function startFakeComprehend(options: FakeComprehendOptions = {}): Promise<FakeComprehend> {
  const secrets = options.secrets ?? { test: 'test' };
  const recognise = recogniser(options.names ?? {});
  const requests: DetectPhiRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeComprehend = {
    url: '',
    requests,
    failures: [],
    always: null,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, 500, { __type: 'InternalServerException', Message: String(error) });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const target = String(req.headers['x-amz-target'] ?? '');
    const scope = /Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\//.exec(
      String(req.headers.authorization ?? ''),
    );
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return send(res, 400, { __type: 'SerializationException', Message: 'Malformed JSON' });
    }
    const text = typeof body.Text === 'string' ? body.Text : '';
    const request: DetectPhiRequest = {
      target,
      text,
      bytes: Buffer.byteLength(text, 'utf8'),
      service: scope?.[1] ?? '',
      attempt: String(req.headers['amz-sdk-request'] ?? ''),
      status: 0,
    };
    requests.push(request);
    const answer = (status: number, json: unknown) => {
      request.status = status;
      send(res, status, json);
    };
    const signatureProblem = verifySigV4(req, raw, secrets);
    if (signatureProblem)
      return answer(403, { __type: 'InvalidSignatureException', Message: signatureProblem });
    if (request.service !== 'comprehendmedical') {
      return answer(403, {
        __type: 'InvalidSignatureException',
        Message: `Credential should be scoped to correct service: 'comprehendmedical'`,
      });
    }
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
      return answer(400, { __type: 'SerializationException', Message: 'Expected JSON 1.1' });
    }
    if (target !== DETECT_PHI_TARGET) {
      return answer(400, { __type: 'UnknownOperationException', Message: `Unknown operation ${target}` });
    }
    const failure = fake.always ?? fake.failures.shift();
    if (failure) {
      return answer(failure.httpStatus ?? STATUS[failure.error] ?? 400, {
        __type: failure.error,
        Message: failure.message ?? failure.error,
      });
    }
    if (text.length === 0) {
      return answer(400, {
        __type: 'ValidationException',
        Message:
          "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must have length greater than or equal to 1",
      });
    }
    if (request.bytes >= 20_000) {
      return answer(400, {
        __type: 'TextSizeLimitExceededException',
        Message:
          'The size of the text you submitted exceeds the size limit. Reduce the size of the text or use a smaller document and then retry your request.',
      });
    }
    answer(200, { Entities: recognise(text), ModelVersion: '0.0.0-fake' });
  }

  function send(res: ServerResponse, status: number, json: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(json);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': `req-${requests.length}`,
    });
    res.end(text);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (fake as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

interface Found {
  /** UTF-16 offsets of the match. */
  readonly begin: number;
  readonly end: number;
  readonly type: string;
  readonly score: number;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Synthetic identifier shapes: the whole match, or the first group when the pattern has one. */
const PATTERNS: readonly { readonly type: string; readonly score: number; readonly re: RegExp }[] = [
  { type: 'EMAIL', score: 0.99, re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g },
  { type: 'URL', score: 0.96, re: /\bhttps?:\/\/[^\s]*[^\s.,?!]/g },
  { type: 'PHONE_OR_FAX', score: 0.98, re: /(?:\(\d{3}\) ?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b/g },
  { type: 'ID', score: 0.96, re: /\bMRN[ :#-]*(\d{6,10})\b/g },
  {
    type: 'DATE',
    score: 0.95,
    re: new RegExp(`\\b(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:, \\d{4})?\\b`, 'g'),
  },
  { type: 'DATE', score: 0.95, re: /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g },
  { type: 'AGE', score: 0.93, re: /\b(\d{1,3})[- ]years?[- ]old\b/g },
  { type: 'ADDRESS', score: 0.94, re: /\b\d{1,5} [A-Z][a-z]+ (?:Street|Avenue|Road|Lane|Drive)\b/g },
];

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/** The recogniser: every pattern and configured name, longest first where they overlap. */
function recogniser(names: Readonly<Record<string, number>>): (text: string) => FakeComprehendEntity[] {
  const nameList = Object.keys(names).sort((a, b) => b.length - a.length);
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const nameRe =
    nameList.length > 0
      ? new RegExp(
          nameList
            .map((n) => (CJK.test(n) ? escapeRe(n) : `(?<![\\p{L}\\p{N}])${escapeRe(n)}(?![\\p{L}\\p{N}])`))
            .join('|'),
          'gu',
        )
      : null;
  return (text) => {
    const found: Found[] = [];
    for (const { type, score, re } of PATTERNS) {
      for (const m of text.matchAll(re)) {
        const group = m[1];
        const begin = group !== undefined ? m.index + m[0].indexOf(group) : m.index;
        found.push({ begin, end: begin + (group ?? m[0]).length, type, score });
      }
    }
    if (nameRe) {
      const hits = [...text.matchAll(nameRe)].map((m) => ({
        begin: m.index,
        end: m.index + m[0].length,
        score: names[m[0]] ?? 0.97,
      }));
      // "Ada Quennick": adjacent names (one space apart, or touching in CJK) are one entity.
      for (let k = 0; k < hits.length; k++) {
        let { begin, end, score } = hits[k]!;
        while (k + 1 < hits.length && /^ ?$/.test(text.slice(end, hits[k + 1]!.begin))) {
          end = hits[k + 1]!.end;
          score = Math.min(score, hits[k + 1]!.score);
          k++;
        }
        found.push({ begin, end, type: 'NAME', score });
      }
    }
    found.sort((a, b) => a.begin - b.begin || b.end - a.end);
    const kept: Found[] = [];
    for (const f of found) if (kept.length === 0 || f.begin >= kept.at(-1)!.end) kept.push(f);
    const cp = codePointIndex(text);
    return kept.map((f, id) => ({
      Id: id,
      BeginOffset: cp[f.begin]!,
      EndOffset: cp[f.end]!,
      Score: f.score,
      Text: text.slice(f.begin, f.end),
      Category: 'PROTECTED_HEALTH_INFORMATION',
      Type: f.type,
      Traits: [],
    }));
  };
}

/** Code points before each UTF-16 index: DetectPHI's offsets count code points. */
function codePointIndex(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const low = c >= 0xdc00 && c <= 0xdfff && i > 0 && /[\uD800-\uDBFF]/.test(text[i - 1]!);
    out[i + 1] = out[i]! + (low ? 0 : 1);
  }
  return out;
}
