/**
 * A journey's log lines on a deployed stage, from CloudWatch Logs: FilterLogEvents over the log
 * group of each function the journey goes through, for lines that carry its id. Which functions
 * those are comes from the routing table (the managers and recorders every journey passes, and
 * the functions of the journey's own steps), so nothing here lists a function.
 */
import { CloudWatchLogsClient, FilterLogEventsCommand, type FilterLogEventsCommandInput, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { DEAD_LETTER_RECORDER, functionNameForStep, JOURNEY_SWEEPER, routingTable } from '#domain/routing/routing-table.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import type { JourneyLogSource } from '#local/logs/follow-journey-logs.js';
import { logLineOf, type JourneyLogLine } from '#local/log-lines/journey-log-line.js';
import { stackName } from '#local/stage/stage-names.js';
import type { CloudStage } from './cloud-stage.js';
import { recordedJourney } from '#local/stage/recorded-journeys.js';

/** The log group Lambda writes a deployed function's lines to (function `symphainy-<stage>-<name>`). */
export const logGroupOf = (stage: string, functionName: string) => `/aws/lambda/${stackName(stage)}-${functionName}`;

/** Every function that logs about any journey, whatever its steps: the routing targets without a step, the dead-letter recorder and the sweeper. */
export function sharedFunctions(registry: UseCaseRegistry): string[] {
  const routes = routingTable(registry, { uploadBucket: 'unused' });
  return [...new Set([...routes.filter((r) => !r.step).map((r) => r.target), DEAD_LETTER_RECORDER, JOURNEY_SWEEPER])];
}

/** The functions whose logs can hold the journey's lines: the shared ones and those of its steps. */
export function functionsOfJourney(registry: UseCaseRegistry, steps: readonly string[]): string[] {
  return [...new Set([...sharedFunctions(registry), ...steps.map(functionNameForStep)])];
}

/**
 * One page of the group's lines that mention the journey. A quoted term matches the id as a whole
 * word anywhere on the line; the structured lines are then checked for the id as their journeyId.
 */
export function filterInput(group: string, journeyId: string, options: { startTime?: number; nextToken?: string } = {}): FilterLogEventsCommandInput {
  return {
    logGroupName: group,
    filterPattern: `"${journeyId}"`,
    ...(options.startTime !== undefined ? { startTime: options.startTime } : {}),
    ...(options.nextToken ? { nextToken: options.nextToken } : {}),
  };
}

/** A CloudWatch log event as a journey log line, or undefined when it is about another journey. */
export function lineOfEvent(event: FilteredLogEvent, functionName: string, journeyId: string): JourneyLogLine | undefined {
  const text = event.message ?? '';
  const timestamp = new Date(event.timestamp ?? 0).toISOString();
  let attributes: unknown;
  try {
    attributes = JSON.parse(text);
  } catch {
    attributes = undefined;
  }
  if (attributes && typeof attributes === 'object' && !Array.isArray(attributes)) {
    // An embedded-metric-format record (Powertools Metrics) is a metric, not a line anyone logged.
    if ('_aws' in attributes) return undefined;
    const line = logLineOf(attributes as Record<string, unknown>, { function: functionName, timestamp });
    // Lambda's own name for the function is the stage-qualified one; the platform's is the group's.
    return line.fields.journeyId === journeyId || text.includes(`"${journeyId}"`) ? { ...line, function: functionName } : undefined;
  }
  // A plain line (console.log, a runtime error) that names the journey.
  const message = text.trimEnd();
  return message.includes(journeyId) ? { timestamp, function: functionName, level: null, message, fields: {} } : undefined;
}

/** Reads a stage's logs for one journey; repeated reads return only the lines not yet returned. */
export class CloudJourneyLogs {
  private readonly seen = new Set<string>();
  private newest: number | undefined;

  constructor(
    private readonly client: CloudWatchLogsClient,
    private readonly stage: string,
    private readonly journeyId: string,
  ) {}

  /** Lines logged since the last read (all of them the first time), from the given functions' groups. */
  async read(functions: readonly string[]): Promise<JourneyLogLine[]> {
    // CloudWatch may take a few seconds to make a line searchable: look back a little behind the newest seen.
    const startTime = this.newest === undefined ? undefined : this.newest - INGESTION_LAG_MS;
    const found: { line: JourneyLogLine; at: number }[] = [];
    for (const name of functions) {
      for (const event of await this.filterGroup(logGroupOf(this.stage, name), startTime)) {
        const id = event.eventId ?? `${name}|${event.logStreamName}|${event.timestamp}|${event.message}`;
        if (this.seen.has(id)) continue;
        this.seen.add(id);
        const line = lineOfEvent(event, name, this.journeyId);
        if (line) found.push({ line, at: event.timestamp ?? 0 });
      }
    }
    for (const { at } of found) this.newest = Math.max(this.newest ?? at, at);
    return found.map((f) => f.line);
  }

  private async filterGroup(group: string, startTime: number | undefined): Promise<FilteredLogEvent[]> {
    const events: FilteredLogEvent[] = [];
    let nextToken: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new FilterLogEventsCommand(
            filterInput(group, this.journeyId, { ...(startTime !== undefined ? { startTime } : {}), ...(nextToken ? { nextToken } : {}) }),
          ),
        );
      } catch (error) {
        // A function never invoked on this stage has no log group yet: it has nothing to say.
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return events;
        throw error;
      }
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }
}

const INGESTION_LAG_MS = 10_000;

/** The journey's lines on a stage, and its state from the stage's journey record. */
export function cloudJourneyLogs(stage: CloudStage, journeyId: string, registry: UseCaseRegistry): JourneyLogSource {
  const logs = new CloudJourneyLogs(new CloudWatchLogsClient(stage.clientConfig), stage.target.stage, journeyId);
  return {
    async read() {
      const view = await recordedJourney(stage, journeyId);
      const lines = await logs.read(functionsOfJourney(registry, view?.steps.map((s) => s.name) ?? []));
      return { lines, journey: view ? { status: view.status, delivered: view.delivery !== null } : undefined };
    },
    // A deployed stage moves by itself; the sweeper fails a journey that stopped moving.
    moving: () => true,
  };
}
