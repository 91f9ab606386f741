import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { createDeadLetterRecorderFunction } from './dead-letter-recorder-function.js';

/** Dead-letter recorder: triggered by every function's dead-letter queue. */
export const handler = lazyHandler(() => {
  const ports = awsPorts('dead-letter-recorder');
  const targets = [...new Set(routingTable(defaultUseCaseRegistry(), { uploadBucket: ports.config.uploadBucket }).map((route) => route.target))];
  return createDeadLetterRecorderFunction(ports, targets);
});
