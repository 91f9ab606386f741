export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;

/**
 * Time of day from the local clock hour. Perception and driver behaviour change with light and
 * traffic, which follow the local clock, not UTC.
 */
export function timeOfDayFromHour(hour: number): string {
  if (hour >= 6 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 22) return 'evening';
  return 'night';
}
