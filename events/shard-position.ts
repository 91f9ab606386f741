import { z } from 'zod';
import { journeyIds, objectRef } from './platform-event.js';

/**
 * Which shard of which step an event is about. Shard events carry the byte range and where the
 * fan-out's plan is kept, never the data, so they stay small whatever the file.
 */
export const shardPosition = journeyIds.extend({
  step: z.string().min(1),
  stepIndex: z.number().int().nonnegative(),
  input: objectRef,
  shard: z.object({
    index: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    /** The shard's nominal byte range [start, end): its rows are those that start in it. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  /** The fan-out's plan in the artifact bucket: the step request it came from, the format, the header. */
  planKey: z.string().min(1),
});
export type ShardPosition = z.output<typeof shardPosition>;
