import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { errorInfo, PLATFORM_SOURCE, stepPosition, stepRecord } from './platform-event.js';

/**
 * One attempt of a step failed. `final` is true when no retry follows: the data was rejected
 * (retrying cannot help) or the attempts are used up and the message goes to the dead-letter queue.
 */
export const JourneyStepFailed = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Step Failed',
  version: 1,
  detail: stepPosition.extend({
    attempt: z.number().int().positive(),
    maxAttempts: z.number().int().positive(),
    final: z.boolean(),
    kind: z.enum(['rejected', 'error']),
    startedAt: z.string(),
    endedAt: z.string(),
    error: errorInfo,
    completedSteps: z.array(stepRecord),
  }),
});
export type JourneyStepFailedDetail = z.output<typeof JourneyStepFailed.detail>;
