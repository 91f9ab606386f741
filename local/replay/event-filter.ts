import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { journeyIdOf, useCaseOf } from './journey-of-event.js';

export interface EventFilter {
  journeys?: readonly string[];
  useCases?: readonly string[];
  detailTypes?: readonly string[];
  sources?: readonly string[];
  since?: Date;
  until?: Date;
}

export class TimeArgumentError extends Error {
  override readonly name = 'TimeArgumentError';
}

const RELATIVE = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `2026-11-27T09:00:00Z`, or a span back from now: `90s`, `15m`, `2h`, `1d`. */
export function parseTimeArgument(flag: string, value: string, now: Date): Date {
  const relative = RELATIVE.exec(value.trim());
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw new TimeArgumentError(`${flag} "${value}" is neither an ISO 8601 time (2026-11-27T09:00:00Z) nor a span back from now (15m, 2h, 1d)`);
  return new Date(parsed);
}

/**
 * Every given criterion must hold; a criterion given several times holds when any value does.
 * `useCaseOfJourney` lets an upload's trigger match by the use case its journey resolved to.
 */
export function matchesFilter(
  event: EventBridgeEnvelope,
  filter: EventFilter,
  useCaseOfJourney: (journeyId: string) => string | undefined = () => undefined,
): boolean {
  const journeyId = journeyIdOf(event);
  if (filter.journeys?.length && !(journeyId && filter.journeys.includes(journeyId))) return false;
  if (filter.useCases?.length) {
    const useCase = useCaseOf(event) ?? (journeyId ? useCaseOfJourney(journeyId) : undefined);
    if (!useCase || !filter.useCases.includes(useCase)) return false;
  }
  if (filter.detailTypes?.length && !filter.detailTypes.includes(event['detail-type'])) return false;
  if (filter.sources?.length && !filter.sources.includes(event.source)) return false;
  const time = Date.parse(event.time);
  if (filter.since && !(time >= filter.since.getTime())) return false;
  if (filter.until && !(time <= filter.until.getTime())) return false;
  return true;
}

export function isEmptyFilter(filter: EventFilter): boolean {
  return !filter.journeys?.length && !filter.useCases?.length && !filter.detailTypes?.length && !filter.sources?.length && !filter.since && !filter.until;
}
