import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { errorInfo, journeyIds, objectRef, PLATFORM_SOURCE } from './platform-event.js';

/** An upload the experience manager could not place. The object itself is left untouched. */
export const UploadRejected = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Upload Rejected',
  version: 1,
  /** `useCase` is the tag that was asked for, or "unknown" when none could be found. */
  detail: journeyIds.extend({
    input: objectRef,
    error: errorInfo,
  }),
});
export type UploadRejectedDetail = z.output<typeof UploadRejected.detail>;
