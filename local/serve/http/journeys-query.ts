import type { JourneyView } from '#domain/journeys/journey-state.js';
import { badRequest } from './http-error.js';
import { integerParameter, queryParameters } from './query-parameters.js';

const STATUSES = ['running', 'completed', 'failed', 'rejected'];

/** `GET /journeys?status=&use-case=&limit=`: newest first, like `symphainy journeys`. */
export function selectJourneys(url: URL, views: JourneyView[]): JourneyView[] {
  const query = queryParameters(url, ['status', 'use-case', 'limit'], 'GET /journeys');
  const status = query.get('status');
  if (status !== undefined && !STATUSES.includes(status)) throw badRequest('bad_parameter', `status must be one of ${STATUSES.join(', ')}, not "${status}"`);
  const useCase = query.get('use-case');
  const limit = integerParameter('limit', query.get('limit'), { min: 1, max: 10_000 });
  const selected = views
    .filter((v) => (status === undefined || v.status === status) && (useCase === undefined || v.useCase === useCase))
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  return limit === undefined ? selected : selected.slice(0, limit);
}
