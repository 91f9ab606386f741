import { resolve } from 'node:path';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { describeRecovery } from '#local/runtime/recovery.js';
import { cloudTarget, type CloudTarget } from '#local/stage/cloud-target.js';
import { stageNameProblem } from '#local/stage/stage-name-rule.js';
import { UsageError } from '#local/command-errors/command-error.js';
import { shardOptionSpec, shardOptionsOf } from './shard-options.js';
import { parseStepFault, StepFaultError, type StepFault } from '#local/runtime/step-faults.js';

export interface CommonOptions {
  'data-dir'?: string;
  verbose?: boolean;
  fault?: string[];
  workers?: string;
  'shard-size'?: string;
}

/** `--fault <step>:fail:<n>|timeout[:<s>]|slow:<ms>` (repeatable): faults injected on the embedded runtime only. */
export const faultOptionSpec = { fault: { type: 'string', multiple: true } } as const;

export { cloudUsage, faultUsage } from './usage.js';

export async function faultsOf(options: { fault?: string[] }): Promise<StepFault[]> {
  if (!options.fault?.length) return [];
  // Loaded on use: every use case's steps, which commands without --fault never need.
  const { defaultUseCaseRegistry } = await import('#domain/use-cases/default-registry.js');
  const registry = defaultUseCaseRegistry();
  try {
    return options.fault.map((spec) => parseStepFault(spec, registry));
  } catch (error) {
    if (error instanceof StepFaultError) throw new UsageError(error.message);
    throw error;
  }
}

/** For commands that read no journeys: they accept --data-dir as every command does, and need nothing from it. */
export const statelessOptionSpec = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const commonOptionSpec = {
  'data-dir': { type: 'string' },
  // How a large upload's EDA profile is read: in shards on this many worker threads.
  ...shardOptionSpec,
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function dataDirOf(options: CommonOptions): string {
  return resolve(options['data-dir'] ?? process.env.SYMPHAINY_DATA_DIR ?? '.symphainy');
}

export async function openRuntime(options: CommonOptions): Promise<EmbeddedRuntime> {
  const dataDir = dataDirOf(options);
  const faults = await faultsOf(options);
  // Loaded on use: the runtime brings every function and use case, which `help` or a stage command never needs.
  const { EmbeddedRuntime } = await import('#local/runtime/embedded-runtime.js');
  const { workers, shardBytes } = shardOptionsOf(options);
  const runtime = await EmbeddedRuntime.open({
    dataDir,
    shards: { workers, ...(shardBytes ? { shardBytes } : {}) },
    ...(faults.length ? { faults } : {}),
    logLevel: options.verbose ? 'INFO' : 'SILENT',
    // On stderr, so --json output stays one document.
    onDataDirWait: (holder) => console.error(`waiting for the data dir ${dataDir} held by pid ${holder.pid} (${holder.command}, since ${holder.since})`),
  });
  for (const recovery of runtime.recoveries) console.error(`repaired the data dir ${dataDir}: ${describeRecovery(recovery)}`);
  // Whatever a stopped process left in flight is finished before any command answers, so what it shows is settled.
  if (!runtime.isIdle()) {
    const running = runtime
      .journeys()
      .filter((j) => j.status === 'running')
      .map((j) => j.journeyId);
    console.error(
      `resuming ${running.length || 'the'} journey${running.length === 1 ? '' : 's'} left in flight by a process that stopped${running.length ? `: ${running.slice(0, 5).join(', ')}${running.length > 5 ? ', ...' : ''}` : ''}`,
    );
    await runtime.idle();
  }
  // A journey nothing moves any more (a message lost before this data dir kept it) ends here, past its deadline.
  const swept = await runtime.sweepOverdueJourneys();
  if (swept.failed.length) {
    console.error(
      `failed ${swept.failed.length} journey${swept.failed.length === 1 ? '' : 's'} that stopped moving past ${swept.failed.length === 1 ? 'its' : 'their'} deadline (journey_deadline_exceeded): ${swept.failed.slice(0, 5).join(', ')}${swept.failed.length > 5 ? ', ...' : ''}`,
    );
    await runtime.idle();
  }
  return runtime;
}

/** `--endpoint <url>` and/or `--stage <name>`: a deployed stage instead of the embedded runtime. */
export const cloudOptionSpec = {
  endpoint: { type: 'string' },
  stage: { type: 'string' },
} as const;

/** The deployed stage the options name, or undefined for the embedded runtime. */
export function cloudTargetOf(options: { endpoint?: string; stage?: string; fault?: string[] }, env: NodeJS.ProcessEnv = process.env): CloudTarget | undefined {
  if (options.endpoint === undefined && options.stage === undefined) return undefined;
  if (options.fault?.length) throw new UsageError('--fault works on the embedded runtime only: faults are never deployed into the functions');
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL;
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new UsageError(
      `${options.endpoint !== undefined ? '--endpoint' : 'AWS_ENDPOINT_URL'} "${endpoint}" is not an http(s) URL, e.g. http://127.0.0.1:4566`,
    );
  }
  const target = cloudTarget({ ...(options.stage !== undefined ? { stage: options.stage } : {}), ...(endpoint !== undefined ? { endpoint } : {}) }, env);
  const stageProblem = stageNameProblem(target.stage);
  if (stageProblem) throw new UsageError(stageProblem);
  return target;
}
