import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { errorInfo, objectRef, PLATFORM_SOURCE } from './platform-event.js';

/** An upload the experience manager could not place. The object itself is left untouched. */
export const UploadRejected = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Upload Rejected',
  version: 1,
  detail: z.object({
    schemaVersion: z.literal(1),
    journeyId: z.string().min(1),
    /** The tag that was asked for, or "unknown" when none could be found. */
    useCase: z.string().min(1),
    journey: z.string().min(1),
    correlationId: z.string().min(1),
    causationId: z.string().min(1),
    input: objectRef,
    error: errorInfo,
  }),
});
export type UploadRejectedDetail = z.output<typeof UploadRejected.detail>;
