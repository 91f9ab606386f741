import type { StepContext } from '#domain/journeys/step-definition.js';
import { NOTIFICATION_ARTIFACT, type Notification } from '#domain/delivery/notification.js';

/**
 * The note the delivery manager sends when the journey completes: a step's notification.json
 * wins over the use case's wording, which is written for its upload journey.
 */
export async function writeEdaNotification(context: StepContext, notice: { subject: string; lines: string[] }): Promise<void> {
  const notification: Notification = {
    subject: notice.subject,
    message: [...notice.lines, `Journey ${context.journeyId}; open it with: symphainy report ${context.journeyId}`].join('\n\n'),
  };
  await context.writeJsonArtifact(NOTIFICATION_ARTIFACT, notification);
}
