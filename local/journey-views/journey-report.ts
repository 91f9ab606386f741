import type { FieldMapping } from '#domain/fields/index.js';
import type { JourneyView, ShardsView } from '#domain/journeys/journey-state.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import { columnMappingOf, formatColumnMapping } from './column-mapping-view.js';

/** The `--json` shape of a journey, shared by `upload` and `show`. */
export function journeyReport(view: JourneyView) {
  return {
    journeyId: view.journeyId,
    useCase: view.useCase,
    journey: view.journey,
    status: view.status,
    redrives: view.redrives,
    input: view.input,
    startedAt: view.startedAt,
    endedAt: view.endedAt,
    parentJourneyId: view.parentJourneyId,
    steps: view.steps.map((s) => ({
      name: s.name,
      status: s.status,
      attempts: s.attempts,
      runs: s.runs,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      artifacts: s.artifacts,
      summary: s.summary,
      error: s.error,
      ...(s.shards ? { shards: s.shards } : {}),
    })),
    artifacts: view.artifacts,
    error: view.error ? { code: view.error.code, message: view.error.message, ...(view.error.details ? { details: view.error.details } : {}) } : null,
    delivery: view.delivery,
  };
}

const STATUS_MARK: Record<string, string> = { completed: '✔', failed: '✘', rejected: '⊘', running: '…', pending: '·', requested: '…', retrying: '↻' };

const MAX_ARTIFACTS_SHOWN = 6;

function duration(from: string | null, to: string | null): string {
  if (!from || !to) return '';
  const ms = Date.parse(to) - Date.parse(from);
  // Step times are milliseconds: a step quicker than that took under one, not none.
  return ms < 1 ? '<1 ms' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Steps time themselves to the millisecond; events carry whole seconds. A journey that ran steps
 * is timed by them, one that ran none (rejected on arrival) by its events.
 */
function journeyTook(view: JourneyView): string {
  const starts = view.steps
    .map((s) => s.startedAt)
    .filter((t): t is string => t !== null)
    .map(Date.parse);
  const ends = view.steps
    .map((s) => s.endedAt)
    .filter((t): t is string => t !== null)
    .map(Date.parse);
  if (starts.length && ends.length && view.status !== 'running') {
    return `${duration(new Date(Math.min(...starts)).toISOString(), new Date(Math.max(...ends)).toISOString())} (first step start to last step end)`;
  }
  if (!view.startedAt || !view.endedAt) return '';
  const seconds = (Date.parse(view.endedAt) - Date.parse(view.startedAt)) / 1000;
  return seconds < 1 ? 'under a second (event times are whole seconds)' : `about ${seconds} s (event times are whole seconds)`;
}

/** A journey as `upload` and `show` print it, with the column mapping its first step resolved. */
export async function printJourney(view: JourneyView, store: ObjectStore, json: boolean): Promise<void> {
  const columnMapping = await columnMappingOf(view, store);
  if (json) console.log(JSON.stringify({ ...journeyReport(view), columnMapping: columnMapping ?? null }, null, 2));
  else console.log(formatJourney(view, columnMapping));
}

/** One journey's whole account, as `show --json` and `GET /journeys/{id}` give it: the report and its column mapping. */
export async function journeyDetail(view: JourneyView, store: ObjectStore) {
  return { ...journeyReport(view), columnMapping: (await columnMappingOf(view, store)) ?? null };
}

/** A readable timeline for people. */
/** "shards 12 of 12 reported", or how many are still out, and how many failed. */
function shardLine(shards: ShardsView): string {
  const out = shards.requested - shards.reported;
  const failed = shards.failed.length ? `, ${shards.failed.length} failed` : '';
  return `shards ${shards.reported} of ${shards.total} reported${out > 0 ? ` (${out} still reading)` : ''}${failed}`;
}

export function formatJourney(view: JourneyView, columnMapping?: FieldMapping): string {
  const lines: string[] = [];
  const input = view.input ? `s3://${view.input.bucket}/${view.input.key}` : '(unknown input)';
  lines.push(`${STATUS_MARK[view.status] ?? '?'} ${view.journeyId}  ${view.useCase}/${view.journey}  ${view.status.toUpperCase()}`);
  lines.push(`  input    ${input}${view.input?.size !== undefined ? ` (${view.input.size} bytes)` : ''}`);
  if (view.parentJourneyId) lines.push(`  follows  ${view.parentJourneyId}`);
  if (view.redrives) lines.push(`  redriven ${view.redrives} time${view.redrives === 1 ? '' : 's'} from a failed step`);
  view.steps.forEach((step, i) => {
    // A redriven step shows each run's attempts: "3 attempts (failed), then 1 in redrive 1".
    const attempts =
      step.runs.length > 1
        ? `, attempts ${step.runs.map((run) => `${run.attempts}${run.redrive ? ` in redrive ${run.redrive}` : ' in the first run'} (${run.status})`).join(', then ')}`
        : step.attempts > 1
          ? `, ${step.attempts} attempts`
          : '';
    const took = duration(step.startedAt, step.endedAt);
    lines.push(`  ${STATUS_MARK[step.status] ?? '?'} ${i + 1}. ${step.name.padEnd(28)} ${step.status}${took ? ` in ${took}` : ''}${attempts}`);
    const summary = Object.entries(step.summary)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' ');
    if (summary) lines.push(`       ${summary}`);
    if (step.shards) lines.push(`       ${shardLine(step.shards)}`);
    for (const failed of step.shards?.failed.slice(0, MAX_ARTIFACTS_SHOWN) ?? [])
      lines.push(`       ✘ shard ${failed.index} (bytes ${failed.start}-${failed.end}) ${failed.error.code}: ${failed.error.message}`);
    const shown = step.artifacts.slice(0, MAX_ARTIFACTS_SHOWN);
    for (const artifact of shown) {
      lines.push(`       → ${artifact.name}  ${artifact.size} B  sha256 ${artifact.sha256.slice(0, 12)}…  s3://${artifact.bucket}/${artifact.key}`);
    }
    if (step.artifacts.length > shown.length) lines.push(`       … and ${step.artifacts.length - shown.length} more artifacts (see --json)`);
    if (step.error && step.status !== 'completed') lines.push(`       error ${step.error.code}: ${step.error.message}`);
  });
  if (columnMapping) lines.push(...formatColumnMapping(columnMapping));
  if (view.error) {
    lines.push(`  reason   ${view.error.code}: ${view.error.message}`);
    if (view.status === 'failed') lines.push(`  redrive  symphainy redrive ${view.journeyId}  (continues from the failed step)`);
    for (const detail of (view.error.details ?? []).slice(0, 10)) lines.push(`           ${detail}`);
    if ((view.error.details?.length ?? 0) > 10) lines.push(`           … ${view.error.details!.length - 10} more (see --json)`);
  }
  if (view.delivery) {
    lines.push(`  notice   ${view.delivery.subject}`);
    if (view.delivery.manifestKey) lines.push(`  manifest ${view.delivery.manifestKey}`);
    if (view.delivery.followOn.length) lines.push(`  next     ${view.delivery.followOn.join(', ')}`);
  }
  lines.push(`  open an artifact: symphainy get s3://<bucket>/<key> [--out <file>]`);
  const took = journeyTook(view);
  if (took) lines.push(`  took     ${took}`);
  return lines.join('\n');
}
