import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { artifactRef, journeyIds, PLATFORM_SOURCE } from './platform-event.js';

/** The delivery manager handed over a journey's outcome: the manifest and the notification. */
export const JourneyDelivered = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Delivered',
  version: 1,
  detail: journeyIds.extend({
    outcome: z.enum(['completed', 'failed', 'rejected']),
    manifest: artifactRef.optional(),
    notification: z.object({
      subject: z.string(),
      message: z.string(),
      ref: artifactRef,
    }),
    followOn: z.array(z.string()),
  }),
});
export type JourneyDeliveredDetail = z.output<typeof JourneyDelivered.detail>;
