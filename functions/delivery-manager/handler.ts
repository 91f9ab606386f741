import { awsPorts, lazyHandler } from '#functions/shared/aws-ports.js';
import { createDeliveryManagerFunction } from '#functions/shared/manager-functions.js';

export const handler = lazyHandler(() => createDeliveryManagerFunction(awsPorts('delivery-manager')));
