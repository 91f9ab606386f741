import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { runRequestedStep } from '#domain/journeys/run-step.js';
import type { FunctionPorts } from './function-ports.js';
import { sqsEventFunction, type SqsEventHandler } from './sqs-event-function.js';
import { functionNameForStep } from '#domain/routing/routing-table.js';
import { withinAccess } from './access-guard.js';

/** A journey step's function: runs the step, reports the outcome, rethrows what a retry may cure. */
export function createStepFunction(step: string, allPorts: FunctionPorts): SqsEventHandler {
  const ports = withinAccess(functionNameForStep(step), allPorts);
  return sqsEventFunction(functionNameForStep(step), ports, async ({ envelope, attempt }) => {
    const request = JourneyStepRequested.parseDetail(envelope);
    if (request.step !== step) throw new Error(`function for step ${step} received a request for step ${request.step}: the routing is wrong`);
    const result = await runRequestedStep(envelope, request, attempt, ports);
    await ports.publisher.publish(result.events);
    if (result.retryableError) throw result.retryableError;
  });
}
