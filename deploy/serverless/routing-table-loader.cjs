// Loads the TypeScript routing table (and the use-case registry it is derived from) into the
// CommonJS world of osls's ${file()} resolvers and plugins, through tsx.
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

async function load(relativePath) {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(join(root, relativePath)).href, pathToFileURL(__filename).href);
}

/**
 * The routes, and what each target's role must allow (functions/shared/function-access.ts, the
 * declaration every runtime also holds the functions to): the detail-types it publishes, whether
 * it reads uploads, and the artifact-bucket key patterns it reads, writes and deletes; and each
 * step target's policy (domain/journeys/step-policy.ts): its timeout, memory and attempts; every
 * step with its use case and journey; and the names of the metrics the functions write
 * (functions/shared/journey-metrics.ts).
 */
async function loadRouting({ uploadBucket }) {
  const routing = await load('domain/routing/routing-table.ts');
  const { defaultUseCaseRegistry } = await load('domain/use-cases/default-registry.ts');
  const { functionAccess, PUBLISHED_SOURCE } = await load('functions/shared/function-access.ts');
  const { policyOfStep } = await load('domain/journeys/step-policy.ts');
  const metrics = await load('functions/shared/journey-metrics.ts');
  const registry = defaultUseCaseRegistry();
  const routes = routing.routingTable(registry, { uploadBucket });
  const access = functionAccess(registry);
  const roles = {};
  const policies = {};
  for (const { target, step } of routes) {
    if (!access[target]) throw new Error(`routing target ${target} has no declared access (functions/shared/function-access.ts)`);
    roles[target] = { ...access[target], source: PUBLISHED_SOURCE };
    if (step) policies[target] = policyOfStep(registry, step);
  }
  const recorder = routing.DEAD_LETTER_RECORDER;
  const sweeper = routing.JOURNEY_SWEEPER;
  roles[recorder] = { ...access[recorder], source: PUBLISHED_SOURCE };
  roles[sweeper] = { ...access[sweeper], source: PUBLISHED_SOURCE };
  const steps = registry
    .steps()
    .map(({ useCase, journey, definition }) => ({ useCase, journey, step: definition.name, target: routing.functionNameForStep(definition.name) }));
  const journeyMetrics = {
    namespace: metrics.METRICS_NAMESPACE,
    journeyCounts: Object.values(metrics.JOURNEY_COUNTS),
    uploadsRejected: metrics.UPLOADS_REJECTED,
    stepDuration: metrics.STEP_DURATION,
    stepAttempts: metrics.STEP_ATTEMPTS,
  };
  return { routes, roles, policies, deadLetterRecorder: recorder, journeySweeper: sweeper, steps, metrics: journeyMetrics };
}

/**
 * A routing target's queue as routing-resources.cjs builds it: its function's timeout (a step's
 * from its policy, capped by the stage), visibility 6x that, and the deliveries before its
 * dead-letter queue (a step's from its policy, else the stage's maxAttempts).
 */
function queueSettings(policy, stage) {
  const functionTimeout = policy ? Math.min(policy.timeoutSeconds, stage.stepTimeoutCap) : stage.timeoutSeconds;
  // Lambda's advice for SQS sources: at least 6x the function timeout, so a batch still being
  // retried by the poller is not delivered twice.
  return { functionTimeout, visibilityTimeout: 6 * functionTimeout, maxReceiveCount: policy ? policy.maxAttempts : stage.maxReceiveCount };
}

/** The stage parameters queueSettings needs. */
async function stageQueueParams(resolveVariable) {
  return {
    timeoutSeconds: Number(await resolveVariable('param:functionTimeoutSeconds')),
    maxReceiveCount: Number(await resolveVariable('param:maxAttempts')),
    stepTimeoutCap: Number(await resolveVariable('param:stepTimeoutCapSeconds')),
  };
}

/** The framework's logical id of a function: `process-file` -> `ProcessDashfile`. */
function lambdaIdOf(name) {
  const normalized = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return normalized[0].toUpperCase() + normalized.slice(1);
}

/** `validate-file` -> `ValidateFile`: logical ids for a target's resources. */
function pascalCase(name) {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

module.exports = { loadRouting, pascalCase, queueSettings, stageQueueParams, lambdaIdOf };
