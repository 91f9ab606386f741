import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { journeyIds, objectRef, PLATFORM_SOURCE, stepRecord } from './platform-event.js';

/** Run one step of a journey. Carries everything the step needs, so no manager keeps state. */
export const JourneyStepRequested = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Step Requested',
  version: 1,
  detail: journeyIds.extend({
    step: z.string().min(1),
    stepIndex: z.number().int().nonnegative(),
    input: objectRef,
    /** When the journey began (its trigger's event time): a stable date for layouts and checks. */
    journeyStartedAt: z.string(),
    /** Steps finished so far, in order, with their artifacts. */
    completedSteps: z.array(stepRecord),
    steps: z.array(z.string()).min(1),
  }),
});
export type JourneyStepRequestedDetail = z.output<typeof JourneyStepRequested.detail>;
