import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createJourneyRecorderFunction } from './journey-recorder-function.js';

/** Every platform event, through its SQS queue, into `journeys/<journey-id>/events/`. */
export const handler = lazyHandler(() => createJourneyRecorderFunction(awsPorts('journey-recorder')));
