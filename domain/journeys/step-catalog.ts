import type { StepDefinition } from './step-definition.js';

/** A step as the use cases declare it: whose it is, in which journey and at which place. */
export interface RegisteredStep {
  useCase: string;
  journey: string;
  index: number;
  definition: StepDefinition;
}

/**
 * What running and timing journeys needs to know of the use cases, without knowing what a use
 * case is: the step a request names, the steps of a journey, and what a use case declares of its
 * limits. The use-case registry is one.
 */
export interface StepCatalog {
  step(name: string): RegisteredStep | undefined;
  /** Step names of a use case's journey, in order; undefined when either is unknown. */
  journeySteps(useCase: string, journey: string): string[] | undefined;
  useCase(id: string): UseCaseLimits | undefined;
}

/** The limits a use case may declare for its journeys. */
export interface UseCaseLimits {
  /** The largest upload its journeys take; the platform's limit when absent or larger. */
  readonly maxUploadBytes?: number;
  /** How long each of its journeys may take, by journey; derived from the step policies when absent. */
  readonly journeyDeadlineSeconds?: Readonly<Record<string, number>>;
}
