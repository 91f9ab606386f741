import type { JourneyListing } from '#domain/journeys/journey-listing.js';
import { UsageError } from '#local/command-errors/command-error.js';

/** `--status --use-case --journey --since --limit`, as `journeys`, `redrive` and `GET /journeys` filter. */
export const journeyFilterOptionSpec = {
  status: { type: 'string' },
  'use-case': { type: 'string' },
  journey: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
} as const;

export const journeyFilterUsage = `  --status <s>      running, completed, failed or rejected
  --use-case <tag>  one use case's journeys
  --journey <name>  one journey (upload, eda, ...)
  --since <when>    started at or after: an ISO time (2026-12-01T09:00Z) or an age (90m, 24h, 7d)
  --limit <n>       at most n, newest first`;

export interface JourneyFilter {
  status?: string;
  useCase?: string;
  journey?: string;
  since?: Date;
  limit?: number;
}

const STATUSES = ['running', 'completed', 'failed', 'rejected'];
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function journeyFilterOf(
  values: { status?: string; 'use-case'?: string; journey?: string; since?: string; limit?: string },
  now: Date = new Date(),
): JourneyFilter {
  const filter: JourneyFilter = {};
  if (values.status !== undefined) {
    if (!STATUSES.includes(values.status)) throw new UsageError(`--status "${values.status}" is not a journey status (${STATUSES.join(', ')})`);
    filter.status = values.status;
  }
  if (values['use-case'] !== undefined) filter.useCase = values['use-case'];
  if (values.journey !== undefined) filter.journey = values.journey;
  if (values.since !== undefined) filter.since = sinceOf(values.since, now);
  if (values.limit !== undefined) {
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit "${values.limit}" must be a whole number of at least 1`);
    filter.limit = limit;
  }
  return filter;
}

function sinceOf(text: string, now: Date): Date {
  const age = /^(\d+)([smhd])$/.exec(text);
  if (age) return new Date(now.getTime() - Number(age[1]) * UNIT_MS[age[2]!]!);
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new UsageError(`--since "${text}" is neither an ISO time (2026-12-01T09:00Z) nor an age (90m, 24h, 7d)`);
  return new Date(time);
}

/** The listings the filter keeps, newest first, at most `limit`. */
export function filterJourneys<T extends Pick<JourneyListing, 'status' | 'useCase' | 'journey' | 'startedAt'>>(all: readonly T[], filter: JourneyFilter): T[] {
  const kept = all
    .filter((j) => !filter.status || j.status === filter.status)
    .filter((j) => !filter.useCase || j.useCase === filter.useCase)
    .filter((j) => !filter.journey || j.journey === filter.journey)
    .filter((j) => !filter.since || (j.startedAt !== null && Date.parse(j.startedAt) >= filter.since.getTime()))
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  return filter.limit ? kept.slice(0, filter.limit) : kept;
}
