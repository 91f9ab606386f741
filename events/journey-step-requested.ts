import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { PLATFORM_SOURCE, stepPosition, stepRecord } from './platform-event.js';

/** Run one step of a journey. Carries everything the step needs, so no manager keeps state. */
export const JourneyStepRequested = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Step Requested',
  version: 1,
  detail: stepPosition.extend({
    /** Steps finished so far, in order, with their artifacts. */
    completedSteps: z.array(stepRecord),
  }),
});
export type JourneyStepRequestedDetail = z.output<typeof JourneyStepRequested.detail>;
