import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { journeyIds, objectRef, PLATFORM_SOURCE } from './platform-event.js';

/** A follow-on journey a use case asked for once a journey was delivered (e.g. eda after upload). */
export const JourneyRequested = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Requested',
  version: 1,
  detail: journeyIds.extend({
    input: objectRef,
    parentJourneyId: z.string().min(1),
  }),
});
export type JourneyRequestedDetail = z.output<typeof JourneyRequested.detail>;
