import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createStepFunction } from '#functions/shared/step-function.js';

/** Step `notify_completion`: triggered by its `Journey Step Requested` event through its SQS queue. */
export const handler = lazyHandler(() => createStepFunction('notify_completion', awsPorts('notify-completion')));
