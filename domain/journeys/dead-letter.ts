import type { ErrorInfo } from '#events/platform-event.js';
import type { StepPolicy } from './step-policy.js';

/** Where a function notes how an attempt ended without success: `<prefix><function>/<delivery-key>.json`. */
export const ATTEMPT_OUTCOME_PREFIX = 'state/attempts/';
/** Where dead-lettered messages are kept until redriven or dropped: `<prefix><function>/<message-id>.json`. */
export const DEAD_LETTER_PREFIX = 'state/dead-letters/';

/** The last unsuccessful attempt of one delivery, as its function saw it (it is overwritten by each). */
export interface AttemptOutcome {
  attempt: number;
  outcome: 'error' | 'timed_out';
  /** True when the function already told the journey it failed for good (Journey Step Failed, final). */
  reported: boolean;
  error: ErrorInfo;
  at: string;
}

/** A message its queue gave up on, kept with why. */
export interface DeadLetter {
  function: string;
  messageId: string;
  body: string;
  detailType: string;
  journeyId: string | null;
  useCase: string | null;
  step: string | null;
  redrive: number;
  attempts: number;
  reason: ErrorInfo;
  diedAt: string;
}

export function attemptOutcomeKey(functionName: string, deliveryKey: string): string {
  return `${ATTEMPT_OUTCOME_PREFIX}${functionName}/${encodeURIComponent(deliveryKey)}.json`;
}

export function deadLetterKey(functionName: string, messageId: string): string {
  return `${DEAD_LETTER_PREFIX}${functionName}/${encodeURIComponent(messageId)}.json`;
}

/**
 * Why a step request was dead-lettered, from the last outcome its function noted. No note for the
 * last attempt means the function was stopped before it could write one: a Lambda killed for its
 * memory (a timeout is noted by the function's own watchdog just before the limit, unless
 * synchronous work kept the watchdog from running).
 * `reported` says the journey already knows, so nothing more is to be published.
 */
export function deadLetterReason(outcome: AttemptOutcome | undefined, policy: StepPolicy, step: string): { error: ErrorInfo; reported: boolean } {
  const last = policy.maxAttempts;
  if (outcome && outcome.attempt >= last) {
    if (outcome.reported) return { error: outcome.error, reported: true };
    if (outcome.outcome === 'timed_out') return { error: outcome.error, reported: false };
    return {
      error: {
        code: 'step_dead_lettered',
        message: `${step} was given up after ${last} attempt${last === 1 ? '' : 's'}; the last failed with: ${outcome.error.message}`,
      },
      reported: false,
    };
  }
  return {
    error: {
      code: 'step_out_of_memory',
      // The runtime says which only in its own log: a kill for memory and a timeout reached while
      // synchronous work held the event loop (so the watchdog could not speak) look the same here.
      message: `${step} attempt ${last} of ${last} stopped without reporting: the function was killed, most likely for running out of its ${policy.memoryMb} MB, or at its timeout while busy in work that kept its watchdog from reporting`,
    },
    reported: false,
  };
}

/** The timeout a step's watchdog reports just before the runtime would stop it, with the limit the attempt actually had. */
export function timedOutError(step: string, timeoutSeconds: number): ErrorInfo {
  return { code: 'step_timed_out', message: `${step} ran out of its ${timeoutSeconds} s timeout and was stopped` };
}
