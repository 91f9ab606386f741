import type { z } from 'zod';
import { defineEvent } from './define-event.js';
import { PLATFORM_SOURCE } from './platform-event.js';
import { shardPosition } from './shard-position.js';

/** Read one shard of a step's input: published by the step's function when it fans a large input out, handled by the same function. */
export const JourneyShardRequested = defineEvent({
  source: PLATFORM_SOURCE,
  detailType: 'Journey Shard Requested',
  version: 1,
  detail: shardPosition,
});
export type JourneyShardRequestedDetail = z.output<typeof JourneyShardRequested.detail>;
