import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { errorInfo, PLATFORM_SOURCE } from './platform-event.js';
import { shardPosition } from './shard-position.js';

/**
 * A shard has been read and its partial result stored (or its read failed, with why). The step's
 * function merges once every shard of the plan has reported, and then runs the step.
 */
export const JourneyShardCompleted = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Shard Completed',
  version: 1,
  detail: shardPosition.extend({
    /** Where its read began (a guess unless it is the first shard) and ended, and the rows in between. */
    read: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), rows: z.number().int().nonnegative() }),
    /** Set when the read failed; it counts only if the shard's guessed start proves right. */
    error: errorInfo.optional(),
    attempts: z.number().int().positive(),
  }),
});
export type JourneyShardCompletedDetail = z.output<typeof JourneyShardCompleted.detail>;
