import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { journeyIds, objectRef, PLATFORM_SOURCE, stepRecord } from './platform-event.js';

export const JourneyStepCompleted = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Step Completed',
  version: 1,
  detail: journeyIds.extend({
    step: z.string().min(1),
    stepIndex: z.number().int().nonnegative(),
    input: objectRef,
    /** When the journey began (its trigger's event time): a stable date for layouts and checks. */
    journeyStartedAt: z.string(),
    steps: z.array(z.string()).min(1),
    /** This step's record (also the last entry of completedSteps). */
    record: stepRecord,
    completedSteps: z.array(stepRecord),
  }),
});
export type JourneyStepCompletedDetail = z.output<typeof JourneyStepCompleted.detail>;
