import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createStepFunction } from '#functions/shared/step-function.js';

/** Step `enable_ai_operations`: triggered by its `Journey Step Requested` event through its SQS queue. */
export const handler = lazyHandler(() => createStepFunction('enable_ai_operations', awsPorts('enable-ai-operations')));
