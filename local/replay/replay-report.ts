import type { ArchivePlan, ReplayStatus } from './archive-replay.js';
import type { ReplayedJourney } from './embedded-replay.js';
import { stepOf } from './journey-of-event.js';
import type { PlannedEvent, SkipCode } from './replay-plan.js';

export interface LocalReplaySummary {
  replayName: string;
  source: { kind: 'journal'; dataDir: string } | { kind: 'fixtures'; paths: string[]; dataDir: string };
  dryRun: boolean;
  asNew: boolean;
  selected: number;
  replayed: number;
  skipped: Partial<Record<SkipCode, number>>;
  journeys: ReplayedJourney[];
  deadLetters: { queue: string; messageId: string; error: string }[];
}

const MARK: Record<string, string> = { completed: '✔', failed: '✘', rejected: '⊘', running: '…' };

export function sourceLabel(source: LocalReplaySummary['source']): string {
  return source.kind === 'journal' ? `the journal in ${source.dataDir}` : `${source.paths.join(', ')} into ${source.dataDir}`;
}

export function skipCounts(plan: readonly PlannedEvent[]): Partial<Record<SkipCode, number>> {
  const counts: Partial<Record<SkipCode, number>> = {};
  for (const p of plan) if (p.skip) counts[p.skip.code] = (counts[p.skip.code] ?? 0) + 1;
  return counts;
}

/** The dry run: each event, where it would go and why, and whether the replay would re-drive it. */
export function formatPlan(replayName: string, sourceText: string, plan: readonly PlannedEvent[]): string {
  const replayed = plan.filter((p) => p.action === 'replay').length;
  const lines = [
    `dry run of ${replayName} from ${sourceText}: ${plan.length} events selected, ${replayed} would be replayed, ${plan.length - replayed} skipped`,
  ];
  for (const p of plan) {
    const { event } = p.sourced;
    const step = stepOf(event);
    lines.push(
      `${p.action === 'replay' ? '→' : '·'} ${event['detail-type']}${step ? ` (${step})` : ''}  ${p.journeyId ?? ''}  ${event.time}  [${p.sourced.origin}]`,
    );
    for (const route of p.routes) {
      lines.push(`    rule ${route.rule} (${route.bus} bus) → function ${route.target}`);
      route.because.forEach((line, i) => lines.push(`      ${i === 0 ? 'because' : '       '} ${line}`));
    }
    if (p.skip) lines.push(`    skipped: ${p.skip.reason}`);
  }
  return lines.join('\n');
}

export function formatSkips(plan: readonly PlannedEvent[]): string[] {
  const byCode = new Map<SkipCode, PlannedEvent[]>();
  for (const p of plan) if (p.skip) byCode.set(p.skip.code, [...(byCode.get(p.skip.code) ?? []), p]);
  return [...byCode.entries()].map(([code, group]) => {
    const journeys = [...new Set(group.map((p) => p.journeyId).filter((id): id is string => id !== undefined))];
    if (code === 'delivered' && journeys.length > 1) {
      const named = journeys.length > 4 ? `${journeys.slice(0, 4).join(', ')}, …` : journeys.join(', ');
      return `  skipped ${group.length}: events of ${journeys.length} delivered journeys (${named}): replaying them changes nothing; --as-new runs them again`;
    }
    return `  skipped ${group.length}: ${group[0]!.skip!.reason}${group.length > 1 ? ` (and ${group.length - 1} like it)` : ''}`;
  });
}

export function formatLocalSummary(summary: LocalReplaySummary, plan: readonly PlannedEvent[]): string {
  const lines = [
    `${summary.replayName} from ${sourceLabel(summary.source)}: ${summary.selected} events selected, ${summary.replayed} replayed, ${summary.selected - summary.replayed} skipped`,
  ];
  lines.push(...formatSkips(plan));
  const driven = summary.journeys.filter((j) => j.newEvents > 0);
  if (summary.replayed > 0 && driven.length === 0) lines.push('  nothing changed: every replayed event was recognised as finished work');
  for (const j of driven) {
    const lineage = j.replayOf ? `  as new of ${j.replayOf}` : j.parentJourneyId ? `  follows ${j.parentJourneyId}` : '';
    lines.push(
      `${MARK[j.status] ?? '?'} ${j.journeyId}  ${`${j.useCase}/${j.journey}`.padEnd(26)} ${j.status}${j.error ? ` (${j.error.code})` : ''}${lineage}  ${j.newEvents} new events`,
    );
  }
  for (const d of summary.deadLetters) lines.push(`✘ dead-lettered on ${d.queue}: ${d.error}`);
  if (driven.length) lines.push('  details: symphainy show <journey-id>');
  return lines.join('\n');
}

export function formatArchivePlan(plan: ArchivePlan, replayName: string): string {
  const lines = [
    `dry run of ${replayName}: archive ${plan.archive} (${plan.eventCount ?? 'unknown number of'} events) onto bus ${plan.busName}`,
    `  window ${plan.since.toISOString()} to ${plan.until.toISOString()}, replayed a minute at a time, in no guaranteed order within a minute`,
    `  reaches ${plan.filtered ? 'only these rules' : 'every rule on the bus'}:`,
  ];
  for (const rule of plan.rules) lines.push(`    rule ${rule.name}  ${rule.pattern ?? '(no pattern)'}`);
  if (plan.rules.length === 0) lines.push('    (none: the replay would reach nothing)');
  return lines.join('\n');
}

export function formatArchiveStatus(replayName: string, status: ReplayStatus, percent: number | undefined): string {
  const upTo = status.lastReplayed ? `, replayed up to ${status.lastReplayed.toISOString()}` : '';
  return `${replayName}: ${status.state}${upTo}${percent !== undefined ? ` (${percent}% of the window)` : ''}${status.stateReason ? ` — ${status.stateReason}` : ''}`;
}
