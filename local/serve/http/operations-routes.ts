import type { DeadLetter } from '#domain/journeys/dead-letter.js';
import { readDeadLetters, redriveDeadLetter } from '#local/operations/dead-letter-book.js';
import type { JourneyOperations } from '#local/operations/journey-operations.js';
import { redriveJourney } from '#local/operations/redrive-journeys.js';
import type { PlatformHost } from '../platform-host.js';
import { HttpError } from './http-error.js';
import { sendJson } from './respond.js';
import { decodePathSegment, type Route } from './route.js';

/** A dead letter as the page lists it: the message body stays on the server. */
function listed({ body: _body, ...letter }: DeadLetter) {
  return letter;
}

/**
 * Redrive and the dead letters over HTTP, as `symphainy redrive` and `symphainy dlq` work them:
 * the same operations, so the page and the CLI cannot disagree about what a redrive does.
 */
export function operationsRoutes(host: PlatformHost): Route[] {
  const operations = (what: string): JourneyOperations => {
    if (!host.operations) throw new HttpError(501, 'not_on_this_host', `serve --aws does not ${what}; use the CLI with --stage <name>`);
    return host.operations();
  };
  return [
    {
      pattern: /^\/journeys\/([^/]+)\/redrive$/,
      name: '/journeys/:id/redrive',
      methods: {
        POST: async (_req, res, _url, [id]) => {
          const journeyId = decodePathSegment(id!);
          const plan = await redriveJourney(operations('redrive journeys'), journeyId);
          if (!plan) throw new HttpError(404, 'journey_not_found', `no journey ${journeyId}`);
          if (!plan.ok) throw new HttpError(409, plan.code, plan.reason);
          sendJson(
            res,
            202,
            { journeyId, redriven: true, step: plan.step, redrive: plan.redrive, reusedSteps: plan.reusedSteps },
            { location: `/journeys/${journeyId}` },
          );
        },
      },
    },
    {
      pattern: /^\/dead-letters$/,
      name: '/dead-letters',
      methods: { GET: async (_req, res) => sendJson(res, 200, (await readDeadLetters(operations('read dead letters'))).map(listed)) },
    },
    {
      pattern: /^\/dead-letters\/([^/]+)\/([^/]+)\/redrive$/,
      name: '/dead-letters/:function/:message/redrive',
      methods: {
        POST: async (_req, res, _url, [fn, message]) => {
          const ops = operations('redrive dead letters');
          const functionName = decodePathSegment(fn!);
          const messageId = decodePathSegment(message!);
          const letter = (await readDeadLetters(ops, functionName)).find((l) => l.messageId === messageId);
          if (!letter) throw new HttpError(404, 'dead_letter_not_found', `no dead letter ${messageId} for ${functionName}`);
          const result = await redriveDeadLetter(ops, letter);
          if (result.outcome === 'kept') throw new HttpError(409, 'dead_letter_kept', result.reason);
          sendJson(res, 202, { messageId, function: functionName, journeyId: letter.journeyId, redrivenAs: result.as });
        },
      },
    },
  ];
}
