import type { JourneyView } from './journey-state.js';

/** What a list of journeys shows of each: enough to find one, small enough to keep for thousands. */
export interface JourneyListing {
  journeyId: string;
  useCase: string;
  journey: string;
  status: JourneyView['status'];
  startedAt: string | null;
  parentJourneyId: string | null;
  inputKey: string | null;
  stepsCompleted: number;
  steps: number;
  errorCode: string | null;
}

export function listingOf(view: JourneyView): JourneyListing {
  return {
    journeyId: view.journeyId,
    useCase: view.useCase,
    journey: view.journey,
    status: view.status,
    startedAt: view.startedAt,
    parentJourneyId: view.parentJourneyId,
    inputKey: view.input?.key ?? null,
    stepsCompleted: view.steps.filter((s) => s.status === 'completed').length,
    steps: view.steps.length,
    errorCode: view.error?.code ?? null,
  };
}
