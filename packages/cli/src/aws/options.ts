// The AWS flags shared by `fetch` and `jobs`, and the AwsConfig they make (flag → SDK chain).
import { type Command, InvalidArgumentError } from 'commander';
import type { AwsConfig } from './clients.js';

export interface AwsFlags {
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
  readonly endpointUrl?: string | undefined;
}

/** Adds --profile, --region and --endpoint-url. */
export function addAwsOptions(cmd: Command): Command {
  return cmd
    .option('--profile <name>', 'AWS profile from ~/.aws/config (default: AWS_PROFILE or the default chain)')
    .option('--region <region>', 'AWS region (default: AWS_REGION, the profile, then AWS_DEFAULT_REGION)')
    .option(
      '--endpoint-url <url>',
      'send Transcribe and S3 requests to this endpoint (VPC endpoints, local stand-ins); AWS_ENDPOINT_URL_TRANSCRIBE and AWS_ENDPOINT_URL_S3 work too',
      (value: string) => {
        if (!/^https?:\/\/[^/]/i.test(value)) throw new InvalidArgumentError('expected an http(s) URL');
        return value;
      },
    );
}

/**
 * The AWS settings: flags first; otherwise the SDK's own chain (AWS_REGION / AWS_PROFILE / ~/.aws/config).
 * The JS SDK ignores AWS_DEFAULT_REGION (the AWS CLI reads it), so it is used as a last resort here.
 */
export function awsConfigFrom(flags: AwsFlags, env: Readonly<Record<string, string | undefined>>): AwsConfig {
  const profile = flags.profile ?? undefined;
  const region =
    flags.region ??
    (env.AWS_REGION || profile || env.AWS_PROFILE ? undefined : env.AWS_DEFAULT_REGION || undefined);
  return { region, profile, endpointUrl: flags.endpointUrl };
}

/** `90` (seconds), `90s`, `15m`, `2h`, `500ms` → milliseconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 90, 90s, 15m or 2h');
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const ms = unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'h' ? n * 3_600_000 : n * 60_000;
  if (ms <= 0) throw new InvalidArgumentError('expected a duration above zero');
  return Math.round(ms);
}

/** `2026-03-01`, `2026-03-01T12:00:00Z`, or a relative `7d` / `12h` (before now). */
export function parseSince(value: string, now: number = Date.now()): Date {
  const rel = /^(\d+)\s*([dh])$/i.exec(value.trim());
  if (rel) return new Date(now - Number(rel[1]) * (rel[2]!.toLowerCase() === 'd' ? 86_400_000 : 3_600_000));
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected a date such as 2026-03-01, an ISO instant, or 7d');
  }
  return date;
}

export const JOB_STATUSES = ['QUEUED', 'IN_PROGRESS', 'FAILED', 'COMPLETED'] as const;
