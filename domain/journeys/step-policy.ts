/**
 * How a step is run: attempts, the wait between them, how long one attempt may take, the memory it
 * gets, and the error codes no retry can cure. Declared once per step; the embedded queues enforce
 * it and the stack's functions, queues and event source mappings are generated from it.
 */
export interface StepPolicy {
  /** Deliveries of one request before it is given up (SQS maxReceiveCount). */
  maxAttempts: number;
  /** Wait before attempt n+1: base * rate^(n-1), capped, spread by +/- jitter (a fraction). */
  backoff: { baseSeconds: number; rate: number; jitter: number; maxSeconds: number };
  /** One attempt's time limit (the Lambda timeout). */
  timeoutSeconds: number;
  memoryMb: number;
  /** Error codes (an error's `code`) that fail the step at once: retrying cannot change them. */
  nonRetryable: readonly string[];
}

export type StepPolicyOverrides = Partial<Omit<StepPolicy, 'backoff'>> & { backoff?: Partial<StepPolicy['backoff']> };

/**
 * Fits the upload steps, which read one file once (0.5-2 s for 150,000 rows measured embedded):
 * a minute leaves room for files near the upload cap. Heavier steps raise it in their definition.
 */
export const DEFAULT_STEP_POLICY: StepPolicy = {
  maxAttempts: 3,
  backoff: { baseSeconds: 2, rate: 2, jitter: 0.2, maxSeconds: 300 },
  timeoutSeconds: 60,
  memoryMb: 1024,
  // A write-once artifact that already holds other bytes, or a key the function's role may not
  // touch, stays so however often the step is retried.
  nonRetryable: ['ArtifactConflictError', 'AccessDeniedError'],
};

/**
 * The EDA passes stream a whole upload, some of them more than one way (3-10 MB/s measured
 * embedded): Lambda's full fifteen minutes and twice the memory, for the sketches they keep; two
 * attempts, as a third rarely differs.
 */
export const EDA_PASS_POLICY: StepPolicyOverrides = { timeoutSeconds: 900, memoryMb: 2048, maxAttempts: 2 };

/**
 * Upload steps that stream a whole upload once (validate, normalise, copy, segment). They read
 * 5-10 MB/s on one core measured embedded, so a file near the 5 GiB limit needs Lambda's full
 * fifteen minutes; 1,769 MB is where Lambda gives a function a whole vCPU. Their memory stays
 * flat whatever the size; the time is what grows. (A use case's pass that keeps state for every
 * key it meets raises the memory in its own policy, from what it measured.)
 */
export const STREAM_PASS_POLICY: StepPolicyOverrides = { timeoutSeconds: 900, memoryMb: 1769 };

/** Steps that write a notice or a small summary from what earlier steps left. */
export const SMALL_STEP_POLICY: StepPolicyOverrides = { timeoutSeconds: 15, memoryMb: 512 };

/** Longest SQS allows a message to stay invisible, and so the longest retry delay. */
const MAX_VISIBILITY_SECONDS = 12 * 60 * 60;
/** Lambda's limits. */
const MAX_TIMEOUT_SECONDS = 900;
const MEMORY_MB = { min: 128, max: 10_240 };

export function resolveStepPolicy(overrides: StepPolicyOverrides | undefined): StepPolicy {
  const policy: StepPolicy = {
    ...DEFAULT_STEP_POLICY,
    ...overrides,
    backoff: { ...DEFAULT_STEP_POLICY.backoff, ...overrides?.backoff },
    nonRetryable: [...(overrides?.nonRetryable ?? DEFAULT_STEP_POLICY.nonRetryable)],
  };
  const problems = stepPolicyProblems(policy);
  if (problems.length) throw new Error(`invalid step policy: ${problems.join('; ')}`);
  return policy;
}

export function stepPolicyProblems(policy: StepPolicy): string[] {
  const problems: string[] = [];
  const { maxAttempts, timeoutSeconds, memoryMb, backoff } = policy;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 1000)
    problems.push(`maxAttempts ${maxAttempts} must be a whole number from 1 to 1000 (SQS maxReceiveCount)`);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS)
    problems.push(`timeoutSeconds ${timeoutSeconds} must be a whole number from 1 to ${MAX_TIMEOUT_SECONDS}`);
  if (!Number.isInteger(memoryMb) || memoryMb < MEMORY_MB.min || memoryMb > MEMORY_MB.max)
    problems.push(`memoryMb ${memoryMb} must be from ${MEMORY_MB.min} to ${MEMORY_MB.max}`);
  if (!(backoff.baseSeconds >= 0)) problems.push(`backoff.baseSeconds ${backoff.baseSeconds} must be 0 or more`);
  if (!(backoff.rate >= 1)) problems.push(`backoff.rate ${backoff.rate} must be 1 or more`);
  if (!(backoff.jitter >= 0 && backoff.jitter <= 1)) problems.push(`backoff.jitter ${backoff.jitter} must be a fraction from 0 to 1`);
  if (!(backoff.maxSeconds >= backoff.baseSeconds && backoff.maxSeconds <= MAX_VISIBILITY_SECONDS))
    problems.push(`backoff.maxSeconds ${backoff.maxSeconds} must be from baseSeconds to ${MAX_VISIBILITY_SECONDS}`);
  return problems;
}

/**
 * Seconds to wait after failed attempt `attempt` (1-based) before the next. `random` in [0, 1) is
 * handed in so the domain stays deterministic; whole seconds, because SQS visibility is set in them.
 */
export function retryDelaySeconds(policy: StepPolicy, attempt: number, random: number): number {
  const { baseSeconds, rate, jitter, maxSeconds } = policy.backoff;
  const planned = Math.min(maxSeconds, baseSeconds * rate ** Math.max(0, attempt - 1));
  const spread = planned * jitter * (2 * random - 1);
  return Math.max(0, Math.min(maxSeconds, Math.round(planned + spread)));
}

/** Deliveries of a failed message come back after the queue's visibility timeout: well past one attempt's time, as AWS advises (6x). */
export function queueVisibilitySeconds(policy: StepPolicy): number {
  return Math.min(MAX_VISIBILITY_SECONDS, policy.timeoutSeconds * 6);
}

/** The policy of a registered step; the default for a name no use case declares. */
export function policyOfStep(registry: { step(name: string): { definition: { policy?: StepPolicyOverrides } } | undefined }, step: string): StepPolicy {
  return resolveStepPolicy(registry.step(step)?.definition.policy);
}
