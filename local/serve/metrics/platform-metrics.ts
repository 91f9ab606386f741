import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import type { PlatformHost } from '../platform-host.js';

const JOURNEY_STATUSES = ['running', 'completed', 'failed', 'rejected'] as const;

/** Seconds: steps range from milliseconds (small files) to a quarter of an hour (a 5 GiB upload). */
export const STEP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 900];

function seconds(from: string, to: string): number | undefined {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
}

/**
 * What `/metrics` exposes, through prom-client with its process metrics (CPU, memory, event-loop
 * lag, handles). Journey counts and queue depths are read from the host at scrape time; step
 * durations are observed from the step events this process sees, so they start at zero with the
 * process, as Prometheus counters do. A registry of its own, so two servers in one process (tests)
 * never share series.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly stepDurations: Histogram<'use_case' | 'step' | 'outcome'>;
  private readonly requests: Counter<'route' | 'code'>;
  private readonly uploads: Counter;
  private draining = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly host: PlatformHost) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.stepDurations = new Histogram({
      name: 'symphainy_step_duration_seconds',
      help: 'How long one attempt of a step took, by use case, step and outcome (completed, rejected, error).',
      labelNames: ['use_case', 'step', 'outcome'],
      buckets: STEP_DURATION_BUCKETS,
      registers,
    });
    this.requests = new Counter({
      name: 'symphainy_http_requests_total',
      help: 'HTTP requests answered, by route and status code.',
      labelNames: ['route', 'code'],
      registers,
    });
    this.uploads = new Counter({
      name: 'symphainy_uploads_accepted_total',
      help: 'Uploads accepted over HTTP (POST /uploads answered 201 or 202).',
      registers,
    });
    new Gauge({
      name: 'symphainy_journeys',
      help:
        host.mode === 'embedded'
          ? 'Journeys in the data directory, by use case, journey and status.'
          : 'Journeys this process has seen events of since it started, by use case, journey and status.',
      labelNames: ['use_case', 'journey', 'status'],
      registers,
      collect() {
        this.reset();
        const kinds = new Set<string>();
        for (const view of host.journeys()) {
          kinds.add(JSON.stringify([view.useCase, view.journey]));
          this.inc({ use_case: view.useCase, journey: view.journey, status: view.status });
        }
        // Every status of every kind seen, so a rate over "failed" exists before the first failure.
        for (const kind of kinds) {
          const [useCase, journey] = JSON.parse(kind) as [string, string];
          for (const status of JOURNEY_STATUSES) this.inc({ use_case: useCase, journey, status }, 0);
        }
      },
    });
    const depths = { at: 0, value: Promise.resolve([] as Awaited<ReturnType<PlatformHost['depths']>>) };
    // Both depth gauges are collected in one scrape: the host is asked once.
    const currentDepths = () => {
      if (Date.now() - depths.at > 1000)
        depths.value = host.depths().then(
          (d) => d,
          () => [],
        );
      depths.at = Date.now();
      return depths.value;
    };
    new Gauge({
      name: 'symphainy_queue_depth',
      help: "Messages waiting or being handled in a function's queue.",
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        for (const d of await currentDepths()) this.set({ queue: d.queue }, d.depth);
      },
    });
    new Gauge({
      name: 'symphainy_dead_letter_depth',
      help:
        host.mode === 'embedded'
          ? "Messages moved to a function's dead-letter queue since this process started."
          : "Messages in a function's dead-letter queue.",
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        for (const d of await currentDepths()) if (d.deadLetters !== null) this.set({ queue: d.queue }, d.deadLetters);
      },
    });
    const isDraining = () => this.draining;
    new Gauge({
      name: 'symphainy_draining',
      help: '1 while the process is shutting down: it refuses uploads and finishes what is in flight.',
      registers,
      collect() {
        this.set(isDraining() ? 1 : 0);
      },
    });
    this.unsubscribe = host.onEvent((event) => this.observe(event));
  }

  private observe(event: EventBridgeEnvelope): void {
    if (JourneyStepCompleted.describes(event)) {
      const detail = JourneyStepCompleted.parseDetail(event);
      const took = seconds(detail.record.startedAt, detail.record.endedAt);
      if (took !== undefined) this.stepDurations.observe({ use_case: detail.useCase, step: detail.step, outcome: 'completed' }, took);
    } else if (JourneyStepFailed.describes(event)) {
      const detail = JourneyStepFailed.parseDetail(event);
      const took = seconds(detail.startedAt, detail.endedAt);
      if (took !== undefined)
        this.stepDurations.observe({ use_case: detail.useCase, step: detail.step, outcome: detail.kind === 'rejected' ? 'rejected' : 'error' }, took);
    }
  }

  uploadAccepted(): void {
    this.uploads.inc();
  }

  request(route: string, status: number): void {
    this.requests.inc({ route, code: String(status) });
  }

  startedDraining(): void {
    this.draining = true;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  close(): void {
    this.unsubscribe();
  }
}
