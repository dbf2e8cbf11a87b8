// The AWS flags of `fetch`, `jobs` and `transcribe`, and the parsers of their durations and dates.
import { type Command, InvalidArgumentError } from 'commander';

/** Adds --profile, --region and --endpoint-url. */
export function addAwsOptions(cmd: Command): Command {
  return cmd
    .option('--profile <name>', 'AWS profile from ~/.aws/config (default: AWS_PROFILE or the default chain)')
    .option('--region <region>', 'AWS region (default: AWS_REGION, the profile, then AWS_DEFAULT_REGION)')
    .option(
      '--endpoint-url <url>',
      'send the AWS requests (Transcribe, S3, Comprehend Medical) to this endpoint (VPC endpoints, local stand-ins); AWS_ENDPOINT_URL_TRANSCRIBE, _S3 and _COMPREHENDMEDICAL work too',
      (value: string) => {
        if (!/^https?:\/\/[^/]/i.test(value)) throw new InvalidArgumentError('expected an http(s) URL');
        return value;
      },
    );
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
