import { stageBucketName } from './stage-names.js';

/** S3 takes bucket names of at most 63 characters: lowercase letters, digits, dots and dashes. */
const BUCKET_NAME_MAX_LENGTH = 63;
const ACCOUNT_ID = '123456789012';
/** The longest region names AWS gives (ap-southeast-1, ap-northeast-3, ...). */
const LONGEST_REGION = 'ap-southeast-1';

/**
 * The longest name a stage deploys is its artifact bucket in the longest region; every other
 * name (stack, bus, queues, rules, functions) leaves more room, which a unit test checks against
 * the routing table. So a stage name is as long as that bucket name allows, and lowercase.
 */
export const STAGE_NAME_MAX_LENGTH = BUCKET_NAME_MAX_LENGTH - stageBucketName('', 'artifacts', ACCOUNT_ID, LONGEST_REGION).length;

const STAGE_NAME = new RegExp(`^[a-z0-9-]{1,${STAGE_NAME_MAX_LENGTH}}$`);

/** Why `stage` cannot name a deployed stage, as `--stage` refusals say it; undefined when it can. */
export function stageNameProblem(stage: string): string | undefined {
  if (STAGE_NAME.test(stage)) return undefined;
  return `--stage "${stage}" is not a stage name: lowercase letters, digits and dashes, at most ${STAGE_NAME_MAX_LENGTH} (so its bucket symphainy-<stage>-artifacts-<account>-<region> fits S3's ${BUCKET_NAME_MAX_LENGTH} characters)`;
}
