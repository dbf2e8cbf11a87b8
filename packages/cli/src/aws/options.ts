// The AWS settings (flag → SDK chain) shared by every command that talks to AWS.
import type { AwsConfig } from './clients.js';

export interface AwsFlags {
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
  readonly endpointUrl?: string | undefined;
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

export const JOB_STATUSES = ['QUEUED', 'IN_PROGRESS', 'FAILED', 'COMPLETED'] as const;
