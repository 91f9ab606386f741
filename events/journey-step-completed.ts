import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { PLATFORM_SOURCE, stepPosition, stepRecord } from './platform-event.js';

export const JourneyStepCompleted = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Step Completed',
  version: 1,
  detail: stepPosition.extend({
    /** This step's record (also the last entry of completedSteps). */
    record: stepRecord,
    completedSteps: z.array(stepRecord),
  }),
});
export type JourneyStepCompletedDetail = z.output<typeof JourneyStepCompleted.detail>;
