import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createExperienceManagerFunction } from '#functions/shared/manager-functions.js';

export const handler = lazyHandler(() => createExperienceManagerFunction(awsPorts('experience-manager')));
