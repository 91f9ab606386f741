import {
  CancelReplayCommand,
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  ListArchivesCommand,
  ListRulesCommand,
  StartReplayCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';

export class ArchiveReplayError extends Error {
  override readonly name = 'ArchiveReplayError';
}

export interface ArchivePlan {
  archive: string;
  archiveArn: string;
  busArn: string;
  busName: string;
  eventCount: number | undefined;
  since: Date;
  until: Date;
  /** The rules the replay reaches: every rule on the bus, or the ones asked for. */
  rules: { name: string; arn: string; pattern: string | undefined }[];
  /** True when the replay is restricted to `rules` (StartReplay's FilterArns). */
  filtered: boolean;
}

export type ReplayState = 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export interface ReplayStatus {
  state: ReplayState;
  stateReason: string | undefined;
  lastReplayed: Date | undefined;
  startedAt: Date | undefined;
  endedAt: Date | undefined;
}

const TERMINAL: readonly ReplayState[] = ['COMPLETED', 'CANCELLED', 'FAILED'];

/** A bus's ARN as EventBridge reports it (so no account id is ever assumed). */
export async function busArnOf(client: EventBridgeClient, busName: string): Promise<string> {
  try {
    return (await client.send(new DescribeEventBusCommand({ Name: busName }))).Arn!;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') throw new ArchiveReplayError(`no event bus ${busName}: is the stage deployed?`);
    throw error;
  }
}

/** The archive a stage's bus keeps, when the stage has exactly one. */
export async function archiveOfBus(client: EventBridgeClient, busArn: string): Promise<string> {
  const { Archives = [] } = await client.send(new ListArchivesCommand({ EventSourceArn: busArn }));
  const names = Archives.map((a) => a.ArchiveName!).filter(Boolean);
  if (names.length === 1) return names[0]!;
  if (names.length === 0) throw new ArchiveReplayError(`no archive keeps the events of ${busArn}`);
  throw new ArchiveReplayError(`${busArn} has ${names.length} archives (${names.join(', ')}): choose one with --archive`);
}

/** Everything a replay of the archive will do, read from EventBridge without starting it. */
export async function planArchiveReplay(
  client: EventBridgeClient,
  archive: string,
  window: { since: Date; until: Date },
  onlyRules: readonly string[],
): Promise<ArchivePlan> {
  let described;
  try {
    described = await client.send(new DescribeArchiveCommand({ ArchiveName: archive }));
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') throw new ArchiveReplayError(`no archive named "${archive}"`);
    throw error;
  }
  const busArn = described.EventSourceArn!;
  const busName = busArn.split('/').pop()!;
  const rules: ArchivePlan['rules'] = [];
  let next: string | undefined;
  do {
    const page = await client.send(new ListRulesCommand({ EventBusName: busName, ...(next ? { NextToken: next } : {}) }));
    for (const rule of page.Rules ?? []) rules.push({ name: rule.Name!, arn: rule.Arn!, pattern: rule.EventPattern });
    next = page.NextToken;
  } while (next);
  const unknown = onlyRules.filter((name) => !rules.some((r) => r.name === name));
  if (unknown.length)
    throw new ArchiveReplayError(`no rule ${unknown.join(', ')} on bus ${busName} (it has: ${rules.map((r) => r.name).join(', ') || 'none'})`);
  return {
    archive,
    archiveArn: described.ArchiveArn!,
    busArn,
    busName,
    eventCount: described.EventCount,
    ...window,
    rules: onlyRules.length ? rules.filter((r) => onlyRules.includes(r.name)) : rules,
    filtered: onlyRules.length > 0,
  };
}

export async function startArchiveReplay(client: EventBridgeClient, plan: ArchivePlan, replayName: string): Promise<void> {
  await client.send(
    new StartReplayCommand({
      ReplayName: replayName,
      EventSourceArn: plan.archiveArn,
      EventStartTime: plan.since,
      EventEndTime: plan.until,
      Destination: { Arn: plan.busArn, ...(plan.filtered ? { FilterArns: plan.rules.map((r) => r.arn) } : {}) },
    }),
  );
}

export async function describeReplay(client: EventBridgeClient, replayName: string): Promise<ReplayStatus> {
  const d = await client.send(new DescribeReplayCommand({ ReplayName: replayName }));
  return {
    state: (d.State ?? 'STARTING') as ReplayState,
    stateReason: d.StateReason,
    lastReplayed: d.EventLastReplayedTime,
    startedAt: d.ReplayStartTime,
    endedAt: d.ReplayEndTime,
  };
}

/**
 * Polls DescribeReplay until the replay ends. EventBridge replays the window one minute after
 * another, in no guaranteed order within a minute; EventLastReplayedTime says how far it got.
 */
export async function waitForReplay(
  client: EventBridgeClient,
  replayName: string,
  options: { intervalMs?: number; onStatus?: (status: ReplayStatus) => void } = {},
): Promise<ReplayStatus> {
  for (;;) {
    const status = await describeReplay(client, replayName);
    options.onStatus?.(status);
    if (TERMINAL.includes(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
}

export async function cancelReplay(client: EventBridgeClient, replayName: string): Promise<void> {
  await client.send(new CancelReplayCommand({ ReplayName: replayName }));
}

/** How far through its window a replay is, from EventLastReplayedTime (0-100). */
export function windowProgress(status: ReplayStatus, since: Date, until: Date): number | undefined {
  if (status.state === 'COMPLETED') return 100;
  if (!status.lastReplayed) return undefined;
  const span = until.getTime() - since.getTime();
  if (span <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.round(((status.lastReplayed.getTime() - since.getTime()) / span) * 100)));
}
