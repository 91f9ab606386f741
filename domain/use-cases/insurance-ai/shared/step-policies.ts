import { EDA_PASS_POLICY, STREAM_PASS_POLICY, type StepPolicyOverrides } from '#domain/journeys/step-policy.js';

/**
 * Memory for the passes that keep a few dozen bytes for every policy number: validation's
 * consistency check, the lake's first-line-of-policy index, the monetization policy book and the
 * EDA's policy counts. Unlike every other streaming pass they grow with the distinct policies.
 * Measured embedded on generated policy extracts of 100 MB and 1 GB (0.9 policies a line), their
 * peak RSS grew by 290-420 MiB per GB of extract, to 610-705 MiB at 1 GB; at the 5 GiB upload
 * limit that is 1.9-2.6 GiB, and the typed arrays holding the policies double as they grow, so
 * 3,584 MB leaves a third on top. The passes use one core, so the extra memory buys no speed.
 */
const PER_POLICY_MEMORY_MB = 3584;

export const PER_POLICY_STREAM_PASS_POLICY: StepPolicyOverrides = { ...STREAM_PASS_POLICY, memoryMb: PER_POLICY_MEMORY_MB };

export const PER_POLICY_EDA_PASS_POLICY: StepPolicyOverrides = { ...EDA_PASS_POLICY, memoryMb: PER_POLICY_MEMORY_MB };
