import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { errorInfo, journeyIds, objectRef, PLATFORM_SOURCE, stepRecord } from './platform-event.js';

export const JourneyFailed = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Failed',
  version: 1,
  detail: journeyIds.extend({
    input: objectRef,
    failedStep: z.string(),
    error: errorInfo,
    completedSteps: z.array(stepRecord),
  }),
});
export type JourneyFailedDetail = z.output<typeof JourneyFailed.detail>;
