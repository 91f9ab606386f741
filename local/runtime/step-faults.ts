import type { StepContext, StepDefinition } from '#domain/journeys/step-definition.js';
import { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';

/**
 * Faults injected into named steps, to watch retries, timeouts, dead letters and redrives happen
 * on the embedded runtime and `serve`. They wrap the registry of one process; nothing of them is
 * deployed into the functions.
 *
 *   process_file:fail:3       the step throws on its first 3 attempts of each journey
 *   explore_data:timeout      the step hangs until its policy timeout stops it
 *   explore_data:timeout:2    the same, with the step's timeout set to 2 s in this process
 *   store_file:slow:1500      the step waits 1.5 s before doing its work
 */
export type StepFault =
  { step: string; kind: 'fail'; times: number } | { step: string; kind: 'timeout'; timeoutSeconds?: number } | { step: string; kind: 'slow'; delayMs: number };

export class StepFaultError extends Error {
  override readonly name = 'StepFaultError';
}

export function parseStepFault(spec: string, registry: UseCaseRegistry): StepFault {
  const [step = '', kind = '', amount, ...rest] = spec.split(':');
  const usage = 'expected <step>:fail:<times>, <step>:timeout[:<seconds>] or <step>:slow:<ms>';
  if (rest.length) throw new StepFaultError(`--fault "${spec}": ${usage}`);
  if (!registry.step(step)) {
    throw new StepFaultError(
      `--fault "${spec}": no step "${step}" (steps: ${registry
        .steps()
        .map((s) => s.definition.name)
        .join(', ')})`,
    );
  }
  const whole = (text: string | undefined, what: string, min: number): number => {
    const value = Number(text);
    if (text === undefined || !Number.isInteger(value) || value < min)
      throw new StepFaultError(`--fault "${spec}": ${what} must be a whole number of at least ${min}`);
    return value;
  };
  if (kind === 'fail') return { step, kind, times: whole(amount, 'the number of failures', 1) };
  if (kind === 'timeout') return amount === undefined ? { step, kind } : { step, kind, timeoutSeconds: whole(amount, 'the timeout in seconds', 1) };
  if (kind === 'slow') return { step, kind, delayMs: whole(amount, 'the delay in milliseconds', 0) };
  throw new StepFaultError(`--fault "${spec}": unknown fault "${kind}"; ${usage}`);
}

/** The registry with each faulty step wrapped; the others are the same objects. */
export function registryWithFaults(registry: UseCaseRegistry, faults: readonly StepFault[]): UseCaseRegistry {
  if (faults.length === 0) return registry;
  const modules = registry.useCases().map((module) => ({
    ...module,
    journeys: Object.fromEntries(
      Object.entries(module.journeys).map(([journey, steps]) => [
        journey,
        steps.map((definition) =>
          withFaults(
            definition,
            faults.filter((f) => f.step === definition.name),
          ),
        ),
      ]),
    ),
  }));
  return new UseCaseRegistry(modules);
}

function withFaults(definition: StepDefinition, faults: readonly StepFault[]): StepDefinition {
  if (faults.length === 0) return definition;
  const attemptsByJourney = new Map<string, number>();
  const timeout = faults.find((f) => f.kind === 'timeout');
  return {
    ...definition,
    ...(timeout?.timeoutSeconds ? { policy: { ...definition.policy, timeoutSeconds: timeout.timeoutSeconds } } : {}),
    async run(context: StepContext) {
      const attempt = (attemptsByJourney.get(context.journeyId) ?? 0) + 1;
      attemptsByJourney.set(context.journeyId, attempt);
      for (const fault of faults) {
        if (fault.kind === 'fail' && attempt <= fault.times)
          throw new StepFaultError(`injected fault: ${definition.name} fails (${attempt} of ${fault.times})`);
        if (fault.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        // Never settles: the runtime stops the invocation at the step's timeout, as Lambda would.
        if (fault.kind === 'timeout') await new Promise<never>(() => undefined);
      }
      return definition.run(context);
    },
  };
}
