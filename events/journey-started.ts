import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { journeyIds, objectRef, PLATFORM_SOURCE } from './platform-event.js';

/** The experience manager placed an upload (or a follow-on request) and planned its steps. */
export const JourneyStarted = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Started',
  version: 1,
  detail: journeyIds.extend({
    input: objectRef,
    steps: z.array(z.string()).min(1),
    parentJourneyId: z.string().optional(),
    /** How the use case was resolved: object metadata, key prefix, or a parent journey. */
    resolvedBy: z.enum(['metadata', 'key-prefix', 'follow-on', 'replay']),
    /** For a journey started by an as-new replay: the journey it runs again. */
    replayOf: z.string().optional(),
  }),
});
export type JourneyStartedDetail = z.output<typeof JourneyStarted.detail>;
