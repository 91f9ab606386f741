import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createStepFunction } from '#functions/shared/step-function.js';

/** Step `validate_file`: triggered by its `Journey Step Requested` event through its SQS queue. */
export const handler = lazyHandler(() => createStepFunction('validate_file', awsPorts('validate-file')));
