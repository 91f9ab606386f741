/**
 * Throughput of the EventBridge pattern matcher: events per second through compileRuleSet with 50
 * rules, on one core, for (a) exact/prefix rules and (b) rules mixing every other operator.
 * Target: event-ruler's published ~220,000 events/s for the simple operators.
 *
 * Run alone with `npx tsx bench/pattern-matching.ts`, or through bench/run.ts via run().
 */
import { pathToFileURL } from 'node:url';
import { compileRuleSet, type NamedPattern } from '../domain/event-patterns/index.js';
import type { BenchRow } from './bench-row.js';

const TARGET_EVENTS_PER_SECOND = 220_000;
const WARM_UP_NS = 300_000_000n;
const MEASURE_NS = 1_500_000_000n;
const EVENT_POOL_SIZE = 2_000;

const USE_CASES = ['insurance-ai', 'autonomous-vehicle', 'mvp', 'claims', 'telemetry'];
const STEPS = ['ingest', 'validate', 'transform', 'enrich', 'score', 'publish', 'archive', 'notify', 'reconcile', 'report'];
const BUCKETS = ['symphainy-landing', 'symphainy-staging', 'symphainy-archive', 'partner-drop', 'audit-logs'];
const EXTENSIONS = ['.csv', '.json', '.parquet', '.png', '.tmp'];

/** Small deterministic generator so every run measures the same events. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

/** EventBridge envelopes: S3 notifications and journey step events, some from sources no rule wants. */
function makeEvents(random: () => number): Record<string, unknown>[] {
  return Array.from({ length: EVENT_POOL_SIZE }, (_, i) => {
    const envelope = {
      version: '0',
      id: `3f1c2a7e-${i.toString(16).padStart(4, '0')}-4b1d-9c0e-6d2f8a1b7c3e`,
      account: '111122223333',
      time: '2024-05-01T10:15:30Z',
      region: pick(random, ['eu-west-1', 'eu-central-1', 'us-east-1']),
    };
    const kind = random();
    if (kind < 0.45) {
      const bucket = pick(random, BUCKETS);
      const useCase = pick(random, USE_CASES);
      return {
        ...envelope,
        source: 'aws.s3',
        'detail-type': pick(random, ['Object Created', 'Object Created', 'Object Deleted']),
        resources: [`arn:aws:s3:::${bucket}`],
        detail: {
          version: '0',
          bucket: { name: bucket },
          object: {
            key: `${useCase}/${pick(random, ['incoming', 'processed', 'tmp'])}/batch-${i}${pick(random, EXTENSIONS)}`,
            size: Math.floor(random() * 5_000_000),
            etag: 'b1946ac92492d2347c6235b4d2611184',
          },
          'source-ip-address': `10.${Math.floor(random() * 4)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
          reason: 'PutObject',
        },
      };
    }
    if (kind < 0.82) {
      const failed = random() < 0.15;
      return {
        ...envelope,
        source: 'com.symphainy.journeys',
        'detail-type': failed ? 'Step Failed' : pick(random, ['Step Started', 'Step Finished', 'Journey Started']),
        resources: [],
        detail: {
          journeyId: `j-${i}`,
          useCase: pick(random, USE_CASES),
          step: { name: pick(random, STEPS), attempt: 1 + Math.floor(random() * 4), durationMs: Math.floor(random() * 20_000) },
          input: { bucket: pick(random, BUCKETS), key: `${pick(random, USE_CASES)}/incoming/file-${i}.csv` },
          ...(failed ? { error: { code: pick(random, ['Timeout', 'Validation', 'Throttled']), retryable: random() < 0.5 } } : {}),
          priority: pick(random, ['low', 'normal', 'HIGH', 'high']),
        },
      };
    }
    if (kind < 0.92) {
      // A batch of files in one event: conditions on its elements go through array-consistent matching.
      return {
        ...envelope,
        source: 'com.symphainy.journeys',
        'detail-type': 'Batch Received',
        resources: [],
        detail: {
          journeyId: `j-${i}`,
          useCase: pick(random, USE_CASES),
          files: Array.from({ length: 1 + Math.floor(random() * 5) }, (_, n) => ({
            key: `${pick(random, USE_CASES)}/${pick(random, ['claims', 'images'])}/part-${n}${pick(random, EXTENSIONS)}`,
            size: Math.floor(random() * 100_000),
          })),
        },
      };
    }
    return {
      ...envelope,
      source: pick(random, ['aws.ec2', 'aws.health', 'partner.crm']),
      'detail-type': 'EC2 Instance State-change Notification',
      resources: ['arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc'],
      detail: { 'instance-id': 'i-0abc', state: pick(random, ['running', 'stopped', 'pending']) },
    };
  });
}

/** (a) 50 rules using only exact values and prefixes, the way journey routing rules look. */
function exactAndPrefixRules(): NamedPattern[] {
  const rules: NamedPattern[] = [];
  for (const step of STEPS) {
    rules.push({
      name: `step-${step}-finished`,
      pattern: { source: ['com.symphainy.journeys'], 'detail-type': ['Step Finished'], detail: { step: { name: [step] } } },
    });
  }
  for (const useCase of USE_CASES) {
    for (const step of STEPS.slice(0, 4)) {
      rules.push({
        name: `${useCase}-${step}`,
        pattern: {
          source: ['com.symphainy.journeys'],
          'detail-type': ['Step Started', 'Step Finished'],
          detail: { useCase: [useCase], step: { name: [step] } },
        },
      });
    }
  }
  for (const bucket of BUCKETS) {
    for (const useCase of USE_CASES.slice(0, 3)) {
      rules.push({
        name: `landing-${bucket}-${useCase}`,
        pattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: [bucket] }, object: { key: [{ prefix: `${useCase}/incoming/` }] } },
        },
      });
    }
  }
  rules.push({ name: 'any-journey-failure', pattern: { source: ['com.symphainy.journeys'], 'detail-type': ['Step Failed'] } });
  rules.push({ name: 'eu-s3', pattern: { source: ['aws.s3'], region: [{ prefix: 'eu-' }] } });
  rules.push({ name: 'ec2', pattern: { source: ['aws.ec2'] } });
  rules.push({ name: 'partner', pattern: { source: [{ prefix: 'partner.' }] } });
  rules.push({ name: 'claims-batch', pattern: { 'detail-type': ['Batch Received'], detail: { files: { key: [{ prefix: 'claims/' }] } } } });
  return exactlyFifty(rules);
}

/** (b) 50 rules mixing anything-but, numeric, wildcard, exists, cidr, $or and equals-ignore-case. */
function mixedOperatorRules(): NamedPattern[] {
  const rules: NamedPattern[] = [];
  STEPS.forEach((step, i) => {
    rules.push({
      name: `slow-${step}`,
      pattern: { source: ['com.symphainy.journeys'], detail: { step: { name: [step], durationMs: [{ numeric: ['>', 1000 * (i + 1)] }] } } },
    });
    rules.push({
      name: `retry-${step}`,
      pattern: { detail: { step: { name: [{ 'equals-ignore-case': step.toUpperCase() }], attempt: [{ numeric: ['>=', 2, '<', 4] }] } } },
    });
  });
  USE_CASES.forEach((useCase) => {
    rules.push({
      name: `${useCase}-csv`,
      pattern: { source: ['aws.s3'], detail: { object: { key: [{ wildcard: `${useCase}/*/*.csv` }] } } },
    });
    rules.push({
      name: `${useCase}-not-tmp`,
      pattern: {
        detail: { object: { key: [{ 'anything-but': { suffix: '.tmp' } }], size: [{ numeric: ['>', 0, '<=', 1_000_000] }] } },
        region: [{ 'anything-but': 'us-east-1' }],
      },
    });
    rules.push({
      name: `${useCase}-ok`,
      pattern: { source: ['com.symphainy.journeys'], detail: { useCase: [useCase], error: [{ exists: false }] } },
    });
    rules.push({
      name: `${useCase}-urgent`,
      pattern: {
        detail: {
          useCase: [useCase],
          $or: [{ priority: [{ 'equals-ignore-case': 'high' }] }, { error: { retryable: [false] } }],
        },
      },
    });
  });
  for (let i = 0; i < 3; i++) {
    rules.push({
      name: `internal-upload-${i}`,
      pattern: { source: ['aws.s3'], detail: { 'source-ip-address': [{ cidr: `10.${i}.0.0/16` }] } },
    });
  }
  for (const bucket of BUCKETS) {
    rules.push({
      name: `${bucket}-not-archive`,
      pattern: {
        detail: {
          bucket: { name: [bucket] },
          object: { key: [{ 'anything-but': { wildcard: '*/processed/*' } }] },
          reason: [{ exists: true }],
        },
      },
    });
  }
  rules.push({ name: 'errors-except-throttling', pattern: { detail: { error: { code: [{ 'anything-but': ['Throttled'] }] } } } });
  rules.push({
    name: 'large-claims-file',
    pattern: { detail: { files: { key: [{ wildcard: '*/claims/*.csv' }], size: [{ numeric: ['>', 50_000] }] } } },
  });
  return exactlyFifty(rules);
}

function exactlyFifty(rules: NamedPattern[]): NamedPattern[] {
  if (rules.length !== 50) throw new Error(`expected 50 rules, built ${rules.length}`);
  return rules;
}

interface Measurement {
  eventsPerSecond: number;
  events: number;
  /** Fastest ~100 ms slice: what the matcher does when this process has the core to itself. */
  bestSliceEventsPerSecond: number;
  /** Share of the wall time this process was on a CPU; well below 1 means the machine was busy. */
  cpuShare: number;
  matchRate: number;
  matchesPerEvent: number;
}

const SLICE_NS = 100_000_000n;

function measure(rules: NamedPattern[], events: readonly Record<string, unknown>[]): Measurement {
  const ruleSet = compileRuleSet(rules);
  let matchedEvents = 0;
  let matchCount = 0;
  for (const event of events) {
    const names = ruleSet.matchingRules(event);
    if (names.length > 0) matchedEvents++;
    matchCount += names.length;
  }

  let sink = 0;
  const runFor = (durationNs: bigint) => {
    let processed = 0;
    let bestSlice = 0;
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    let sliceStart = start;
    let sliceEvents = 0;
    let now = start;
    while (now - start < durationNs) {
      for (let i = 0; i < events.length; i++) sink += ruleSet.matchingRules(events[i]).length;
      processed += events.length;
      sliceEvents += events.length;
      now = process.hrtime.bigint();
      if (now - sliceStart >= SLICE_NS) {
        bestSlice = Math.max(bestSlice, (sliceEvents * 1e9) / Number(now - sliceStart));
        sliceStart = now;
        sliceEvents = 0;
      }
    }
    const cpu = process.cpuUsage(cpuBefore);
    const elapsedNs = Number(now - start);
    return { processed, elapsedNs, bestSlice, cpuShare: ((cpu.user + cpu.system) * 1000) / elapsedNs };
  };

  runFor(WARM_UP_NS);
  const result = runFor(MEASURE_NS);
  if (sink < 0) throw new Error('unreachable'); // keeps the matching observable
  return {
    eventsPerSecond: Math.round((result.processed * 1e9) / result.elapsedNs),
    events: result.processed,
    bestSliceEventsPerSecond: Math.round(result.bestSlice),
    cpuShare: result.cpuShare,
    matchRate: matchedEvents / events.length,
    matchesPerEvent: matchCount / events.length,
  };
}

function row(label: string, rules: NamedPattern[], events: readonly Record<string, unknown>[]): BenchRow {
  const result = measure(rules, events);
  return {
    benchmark: `pattern matching, ${rules.length} ${label} rules`,
    value: result.eventsPerSecond,
    unit: 'events/s',
    target: `>= ${TARGET_EVENTS_PER_SECOND} events/s`,
    meetsTarget: result.eventsPerSecond >= TARGET_EVENTS_PER_SECOND,
    notes:
      `${result.events} events in ${MEASURE_NS / 1_000_000n} ms after ${WARM_UP_NS / 1_000_000n} ms warm-up, one core; ` +
      `best 100 ms slice ${result.bestSliceEventsPerSecond} events/s; process had the CPU ${Math.round(result.cpuShare * 100)}% of the time; ` +
      `${Math.round(result.matchRate * 100)}% of events match some rule, ${result.matchesPerEvent.toFixed(2)} matches/event; ` +
      `pool of ${events.length} EventBridge envelopes`,
  };
}

export async function run(): Promise<BenchRow[]> {
  const events = makeEvents(seededRandom(7));
  return [row('exact/prefix', exactAndPrefixRules(), events), row('mixed-operator', mixedOperatorRules(), events)];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await run());
}
