// The PHI-detection step of convert, fetch and analyze (`--detect-phi comprehend`): the transcript's text goes
// to Amazon Comprehend Medical DetectPHI and the PHI found joins the transcript's own entities, before any
// redaction or rendering. Plain data in (it crosses to worker threads); the client is made in the thread that
// calls it. Nothing is sent unless the flag asks.
import type { Transcript } from '@scribekit/core';
import type { AwsConfig } from '../aws/clients.js';
import type { ComprehendMedicalApi } from '../aws/comprehend.js';

export interface PhiDetectRequest {
  readonly service: 'comprehend';
  /** Entities scoring below this (0..1) are ignored; default 0.3. */
  readonly minScore?: number | undefined;
  /** Types kept (DetectPHI's names or scribekit's); default all. */
  readonly types?: readonly string[] | undefined;
  readonly aws: AwsConfig;
}

const clients = new Map<string, Promise<ComprehendMedicalApi>>();

/** One client per AWS configuration and thread. */
function clientFor(aws: AwsConfig): Promise<ComprehendMedicalApi> {
  const key = JSON.stringify(aws);
  let api = clients.get(key);
  if (!api) {
    api = import('../aws/comprehend.js').then((m) => m.createComprehendMedicalApi(aws));
    clients.set(key, api);
  }
  return api;
}

/** What will be sent, in counts: `sends 12,345 characters in 1 call to Amazon Comprehend Medical DetectPHI`. */
export async function phiDetectionNotice(t: Transcript): Promise<string> {
  const { planPhiDetection } = await import('../aws/detect-phi.js');
  const p = planPhiDetection(t);
  const n = (x: number) => x.toLocaleString('en-US');
  return `PHI detection sends ${n(p.characters)} characters in ${p.calls} call${p.calls === 1 ? '' : 's'} to Amazon Comprehend Medical DetectPHI (${n(p.billedUnits)} billed units of 100 characters)`;
}

/** The transcript with DetectPHI's entities merged in, and a one-line account (counts only). */
export async function detectPhiStep(
  t: Transcript,
  request: PhiDetectRequest,
  signal?: AbortSignal,
  api?: ComprehendMedicalApi,
): Promise<{ transcript: Transcript; found: string }> {
  const { detectPhiWithComprehend } = await import('../aws/detect-phi.js');
  if (t.tokens.length === 0) return { transcript: t, found: 'PHI detection: no words to send' };
  const { transcript, stats } = await detectPhiWithComprehend(t, api ?? (await clientFor(request.aws)), {
    ...(request.minScore !== undefined ? { minScore: request.minScore } : {}),
    ...(request.types !== undefined ? { types: request.types } : {}),
    ...(signal ? { signal } : {}),
  });
  return {
    transcript,
    found: `Amazon Comprehend Medical found ${stats.kept} PHI entit${stats.kept === 1 ? 'y' : 'ies'} (${stats.added} added, ${stats.duplicates + stats.merged} already known, ${stats.belowScore} below the minimum score)`,
  };
}
