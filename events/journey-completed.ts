import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { journeyIds, objectRef, PLATFORM_SOURCE, stepRecord } from './platform-event.js';

export const JourneyCompleted = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Completed',
  version: 1,
  detail: journeyIds.extend({
    input: objectRef,
    steps: z.array(stepRecord).min(1),
    parentJourneyId: z.string().optional(),
  }),
});
export type JourneyCompletedDetail = z.output<typeof JourneyCompleted.detail>;
