import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createStepFunction } from '#functions/shared/step-function.js';

/** Step `create_test_plan`: triggered by its `Journey Step Requested` event through its SQS queue. */
export const handler = lazyHandler(() => createStepFunction('create_test_plan', awsPorts('create-test-plan')));
