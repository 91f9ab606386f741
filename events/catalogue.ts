import { JourneyCompleted } from './journey-completed.js';
import { JourneyDelivered } from './journey-delivered.js';
import { JourneyFailed } from './journey-failed.js';
import { JourneyRequested } from './journey-requested.js';
import { JourneyStarted } from './journey-started.js';
import { JourneyStepCompleted } from './journey-step-completed.js';
import { JourneyStepFailed } from './journey-step-failed.js';
import { JourneyStepRequested } from './journey-step-requested.js';
import { JourneyShardCompleted } from './journey-shard-completed.js';
import { JourneyShardRequested } from './journey-shard-requested.js';
import { S3ObjectCreated } from './s3-object-created.js';
import { UploadRejected } from './upload-rejected.js';
import type { EventBridgeEnvelope } from './platform-event.js';

/** Every event contract the platform knows, for validation, replay and documentation. */
export const eventContracts = [
  S3ObjectCreated,
  JourneyStarted,
  JourneyStepRequested,
  JourneyStepCompleted,
  JourneyStepFailed,
  JourneyShardRequested,
  JourneyShardCompleted,
  JourneyCompleted,
  JourneyFailed,
  UploadRejected,
  JourneyRequested,
  JourneyDelivered,
] as const;

export function contractFor(envelope: Pick<EventBridgeEnvelope, 'source' | 'detail-type'>) {
  return eventContracts.find((contract) => contract.describes(envelope));
}
