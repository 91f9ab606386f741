import { S3ObjectCreated } from '#events/s3-object-created.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import { JourneyRequested } from '#events/journey-requested.js';
import { JourneyCompleted } from '#events/journey-completed.js';
import { JourneyFailed } from '#events/journey-failed.js';
import { UploadRejected } from '#events/upload-rejected.js';
import { onJourneyRequested, onObjectCreated, onStepCompleted, onStepFailed } from '#domain/managers/experience-manager.js';
import { onJourneyCompleted, onJourneyFailed, onUploadRejected } from '#domain/managers/delivery-manager.js';
import { DELIVERY_MANAGER, EXPERIENCE_MANAGER } from '#domain/routing/routing-table.js';
import type { FunctionPorts } from './function-ports.js';
import { dispatchTo, on } from './event-dispatch.js';
import { sqsEventFunction, type SqsEventHandler } from './sqs-event-function.js';
import { withinAccess } from './access-guard.js';
import { countingJourneys } from './journey-metrics.js';

export function createExperienceManagerFunction(allPorts: FunctionPorts): SqsEventHandler {
  const ports = withinAccess(EXPERIENCE_MANAGER, allPorts);
  const dispatch = dispatchTo([
    on(S3ObjectCreated, (envelope, detail) => onObjectCreated(envelope, detail, ports)),
    on(JourneyStepCompleted, onStepCompleted),
    on(JourneyStepFailed, onStepFailed),
    on(JourneyRequested, (envelope, detail) => onJourneyRequested(envelope, detail, ports)),
  ]);
  // It publishes every journey's start and end (and refuses uploads): the journey counts come from here.
  const publisher = countingJourneys(ports.publisher, ports.telemetry);
  return sqsEventFunction(EXPERIENCE_MANAGER, ports, async ({ envelope }) => publisher.publish(await dispatch(envelope)));
}

export function createDeliveryManagerFunction(allPorts: FunctionPorts): SqsEventHandler {
  const ports = withinAccess(DELIVERY_MANAGER, allPorts);
  const dispatch = dispatchTo([
    on(JourneyCompleted, (envelope, detail) => onJourneyCompleted(envelope, detail, ports)),
    on(JourneyFailed, (envelope, detail) => onJourneyFailed(envelope, detail, ports)),
    on(UploadRejected, (envelope, detail) => onUploadRejected(envelope, detail, ports)),
  ]);
  return sqsEventFunction(DELIVERY_MANAGER, ports, async ({ envelope }) => ports.publisher.publish(await dispatch(envelope)));
}
