import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createStepFunction } from '#functions/shared/step-function.js';

/** Step `process_data_lake`: triggered by its `Journey Step Requested` event through its SQS queue. */
export const handler = lazyHandler(() => createStepFunction('process_data_lake', awsPorts('process-data-lake')));
