import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { JOURNEY_SWEEPER } from '#domain/routing/routing-table.js';
import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { withinAccess } from '#functions/shared/access-guard.js';
import { countingJourneys } from '#functions/shared/journey-metrics.js';
import { sweepOverdueJourneys } from './sweep-journeys.js';

/** Journey sweeper: triggered by the stack's schedule; fails journeys that stopped moving. */
export const handler = lazyHandler(() => {
  const allowed = withinAccess(JOURNEY_SWEEPER, awsPorts(JOURNEY_SWEEPER));
  // The journeys it fails count among the failed ones.
  const ports = { ...allowed, publisher: countingJourneys(allowed.publisher, allowed.telemetry) };
  const handler = middy(async () => {
    const result = await sweepOverdueJourneys(ports);
    ports.logger.info('swept', { running: result.running, failed: result.failed.length, cleared: result.cleared.length });
    return result;
  }).use(injectLambdaContext(ports.logger));
  if (ports.telemetry) handler.use(ports.telemetry.handlerMiddleware());
  return handler;
});
