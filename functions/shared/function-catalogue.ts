import type { Route } from '#domain/routing/routing-table.js';
import { DELIVERY_MANAGER, EXPERIENCE_MANAGER, JOURNEY_RECORDER } from '#domain/routing/routing-table.js';
import { createJourneyRecorderFunction } from '../journey-recorder/journey-recorder-function.js';
import type { FunctionPorts } from './function-ports.js';
import { createDeliveryManagerFunction, createExperienceManagerFunction } from './manager-functions.js';
import type { SqsEventHandler } from './sqs-event-function.js';
import { createStepFunction } from './step-function.js';

/** Builds the handler behind a routing-table target, so runtimes never list functions by hand. */
export function createFunctionFor(route: Route, ports: FunctionPorts): SqsEventHandler {
  if (route.target === EXPERIENCE_MANAGER) return createExperienceManagerFunction(ports);
  if (route.target === DELIVERY_MANAGER) return createDeliveryManagerFunction(ports);
  if (route.target === JOURNEY_RECORDER) return createJourneyRecorderFunction(ports);
  if (route.step) return createStepFunction(route.step, ports);
  throw new Error(`routing target ${route.target} has no function`);
}
