import type { OutcomeTrace } from './outcome-trace.js';

/**
 * A trace as `path -> value` leaves, with steps and artifacts addressed by name rather than
 * position, so a difference reads `steps/process_file/artifacts/records.ndjson/sha256`.
 */
export function traceLeaves(trace: OutcomeTrace): Map<string, string> {
  const leaves = new Map<string, string>();
  const put = (path: string, value: unknown) => leaves.set(path, JSON.stringify(value));
  put('useCase', trace.useCase);
  put('journey', trace.journey);
  put('status', trace.status);
  put('error', trace.error);
  trace.events.forEach((event, i) => put(`events/${i}`, event));
  put('events/count', trace.events.length);
  put(
    'steps/order',
    trace.steps.map((s) => s.name),
  );
  for (const step of trace.steps) {
    const at = `steps/${step.name}`;
    put(`${at}/status`, step.status);
    put(`${at}/attempts`, step.attempts);
    put(`${at}/error`, step.error);
    for (const [key, value] of Object.entries(step.summary)) put(`${at}/summary/${key}`, value);
    put(
      `${at}/artifacts`,
      step.artifacts.map((a) => a.name),
    );
    for (const artifact of step.artifacts) {
      put(`${at}/artifacts/${artifact.name}/key`, artifact.key);
      put(`${at}/artifacts/${artifact.name}/sha256`, artifact.sha256);
      put(`${at}/artifacts/${artifact.name}/size`, artifact.size);
    }
  }
  if (!trace.delivery) put('delivery', null);
  else {
    put('delivery/outcome', trace.delivery.outcome);
    put('delivery/subject', trace.delivery.subject);
    put('delivery/followOn', trace.delivery.followOn);
    put('delivery/manifest/key', trace.delivery.manifest?.key ?? null);
    put('delivery/manifest/sha256', trace.delivery.manifest?.sha256 ?? null);
    put('delivery/notification/key', trace.delivery.notification.key);
    put('delivery/notification/sha256', trace.delivery.notification.sha256);
  }
  return leaves;
}

export interface TraceDifference {
  path: string;
  expected: string | undefined;
  actual: string | undefined;
}

/** Leaves that differ, ignoring the paths a recording marked unstable (see `unstablePaths`). */
export function diffTraces(expected: OutcomeTrace, actual: OutcomeTrace, ignore: readonly string[] = []): TraceDifference[] {
  const skip = new Set(ignore);
  const want = traceLeaves(expected);
  const got = traceLeaves(actual);
  const differences: TraceDifference[] = [];
  for (const path of new Set([...want.keys(), ...got.keys()])) {
    if (skip.has(path)) continue;
    if (want.get(path) !== got.get(path)) differences.push({ path, expected: want.get(path), actual: got.get(path) });
  }
  return differences;
}

/**
 * Paths that may legitimately differ between two runs of the same input: digests, sizes and
 * summary values that embed wall-clock times. Anything else differing means the journey does
 * not replay to the same outcome, and it cannot serve as a golden recording.
 */
export function isTolerablyUnstable(path: string): boolean {
  return /\/(sha256|size)$/.test(path) || /^steps\/[^/]+\/summary\//.test(path);
}

export function formatDifferences(differences: readonly TraceDifference[]): string {
  return differences.map((d) => `  ${d.path}\n    expected ${d.expected ?? '(absent)'}\n    actual   ${d.actual ?? '(absent)'}`).join('\n');
}
