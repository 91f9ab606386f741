import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_POLICY, queueVisibilitySeconds, resolveStepPolicy, retryDelaySeconds } from '#domain/journeys/step-policy.js';
import { deadLetterReason, type AttemptOutcome } from '#domain/journeys/dead-letter.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { policyOfStep } from '#domain/journeys/step-policy.js';

describe('step policies', () => {
  it('grows the retry delay by the rate, caps it, and keeps the jitter within its fraction', () => {
    const policy = resolveStepPolicy({ backoff: { baseSeconds: 3, rate: 3, jitter: 0.1, maxSeconds: 60 } });
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(policy, attempt, 0.5))).toEqual([3, 9, 27, 60]);
    expect(retryDelaySeconds(policy, 2, 0)).toBe(8); // 9 - 10%
    expect(retryDelaySeconds(policy, 2, 0.999)).toBe(10); // 9 + 10%
    expect(retryDelaySeconds(policy, 4, 0.999)).toBe(60); // never past the cap
  });

  it('refuses a policy Lambda or SQS could not apply, naming each problem', () => {
    expect(() => resolveStepPolicy({ timeoutSeconds: 901, memoryMb: 64, maxAttempts: 0 })).toThrow(/timeoutSeconds 901 .*; memoryMb 64 .*|maxAttempts 0/);
    expect(() => resolveStepPolicy({ backoff: { jitter: 2 } })).toThrow(/jitter 2/);
  });

  it("gives the queue six times the timeout of visibility, and the steps that stream a whole upload Lambda's full fifteen minutes", () => {
    expect(queueVisibilitySeconds(DEFAULT_STEP_POLICY)).toBe(360);
    const registry = defaultUseCaseRegistry();
    expect(policyOfStep(registry, 'explore_data')).toMatchObject({ timeoutSeconds: 900, memoryMb: 2048, maxAttempts: 2 });
    expect(policyOfStep(registry, 'validate_file')).toMatchObject({ timeoutSeconds: 900, memoryMb: 1769, maxAttempts: 3 });
    expect(policyOfStep(registry, 'process_historical_data')).toMatchObject({ timeoutSeconds: 900, memoryMb: 1769 });
    expect(policyOfStep(registry, 'notify_completion').timeoutSeconds).toBeLessThan(60);
  });

  it('gives the insurance passes that keep state per policy the memory a 5 GiB extract needs, and keeps their retries and time', () => {
    const registry = defaultUseCaseRegistry();
    for (const step of ['validate_legacy_data', 'process_data_lake', 'identify_monetization']) {
      expect(policyOfStep(registry, step), step).toMatchObject({ timeoutSeconds: 900, memoryMb: 3584, maxAttempts: 3 });
    }
    for (const step of ['load_legacy_data', 'analyze_data_patterns']) {
      expect(policyOfStep(registry, step), step).toMatchObject({ timeoutSeconds: 900, memoryMb: 3584, maxAttempts: 2 });
    }
    expect(policyOfStep(registry, 'enable_ai_operations').memoryMb).toBe(1769);
  });
});

describe('why a step request was dead-lettered', () => {
  const policy = resolveStepPolicy({ maxAttempts: 3, timeoutSeconds: 30, memoryMb: 512 });
  const outcome = (attempt: number, more: Partial<AttemptOutcome> = {}): AttemptOutcome => ({
    attempt,
    outcome: 'error',
    reported: false,
    error: { code: 'function_error', message: 'PutEvents throttled' },
    at: '2026-12-01T10:00:00Z',
    ...more,
  });

  it('knows the journey was told when the last attempt reported its failure', () => {
    expect(deadLetterReason(outcome(3, { reported: true, error: { code: 'step_retries_exhausted', message: 'x threw' } }), policy, 'x')).toEqual({
      error: { code: 'step_retries_exhausted', message: 'x threw' },
      reported: true,
    });
  });

  it('reports a timeout the watchdog noted, and a failure outside the step with its last error', () => {
    expect(
      deadLetterReason(
        outcome(3, { outcome: 'timed_out', error: { code: 'step_timed_out', message: 'x ran out of its 30 s timeout and was stopped' } }),
        policy,
        'x',
      ).error.code,
    ).toBe('step_timed_out');
    const dead = deadLetterReason(outcome(3), policy, 'x');
    expect(dead).toMatchObject({ reported: false, error: { code: 'step_dead_lettered' } });
    expect(dead.error.message).toContain('PutEvents throttled');
  });

  it('calls a last attempt that never reported a kill for memory, naming the limit', () => {
    for (const seen of [undefined, outcome(2)]) {
      const dead = deadLetterReason(seen, policy, 'x');
      expect(dead.reported).toBe(false);
      expect(dead.error.code).toBe('step_out_of_memory');
      expect(dead.error.message).toContain('512 MB');
    }
  });
});
