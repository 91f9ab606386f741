/**
 * The note a person receives when a journey ends. A step may word it by writing this artifact;
 * the delivery manager reads it back and writes its own under the same name once it delivers.
 * It sits below both the steps that write it and the manager that reads it, so neither imports
 * the other for a file name.
 */
export const NOTIFICATION_ARTIFACT = 'notification.json';

export interface Notification {
  subject: string;
  message: string;
}

/** A step's parsed notification.json as the delivery manager trusts it: both fields strings, else none. */
export function asNotification(value: unknown): Notification | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { subject, message } = value as Partial<Record<keyof Notification, unknown>>;
  return typeof subject === 'string' && typeof message === 'string' ? { subject, message } : undefined;
}
