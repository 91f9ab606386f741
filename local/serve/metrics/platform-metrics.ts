import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { JourneyStepCompleted } from '#events/journey-step-completed.js';
import { JourneyStepFailed } from '#events/journey-step-failed.js';
import type { PlatformHost } from '../platform-host.js';
import { Histogram } from './histogram.js';
import { renderPrometheusText, type MetricFamily } from './prometheus-text.js';

const JOURNEY_STATUSES = ['running', 'completed', 'failed', 'rejected'] as const;

function seconds(from: string, to: string): number | undefined {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
}

/**
 * What `/metrics` exposes. Journey counts and queue depths are read from the host at scrape time;
 * step durations are observed from the step events this process sees, so they start at zero with
 * the process, as Prometheus counters do.
 */
export class PlatformMetrics {
  private readonly stepDurations = new Histogram();
  private readonly requests = new Map<string, { route: string; code: string; count: number }>();
  private uploadsAccepted = 0;
  private draining = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly host: PlatformHost) {
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
      if (took !== undefined) this.stepDurations.observe({ use_case: detail.useCase, step: detail.step, outcome: detail.kind === 'rejected' ? 'rejected' : 'error' }, took);
    }
  }

  uploadAccepted(): void {
    this.uploadsAccepted++;
  }

  request(route: string, status: number): void {
    const id = `${route} ${status}`;
    const entry = this.requests.get(id) ?? { route, code: String(status), count: 0 };
    entry.count++;
    this.requests.set(id, entry);
  }

  startedDraining(): void {
    this.draining = true;
  }

  async render(): Promise<string> {
    const byKind = new Map<string, { useCase: string; journey: string; counts: Record<string, number> }>();
    for (const view of this.host.journeys()) {
      const id = `${view.useCase}/${view.journey}`;
      const kind = byKind.get(id) ?? { useCase: view.useCase, journey: view.journey, counts: Object.fromEntries(JOURNEY_STATUSES.map((s) => [s, 0])) };
      kind.counts[view.status] = (kind.counts[view.status] ?? 0) + 1;
      byKind.set(id, kind);
    }
    const depths = await this.host.depths();
    const families: MetricFamily[] = [
      {
        name: 'symphainy_journeys',
        help: this.host.mode === 'embedded' ? 'Journeys in the data directory, by use case, journey and status.' : 'Journeys this process has seen events of since it started, by use case, journey and status.',
        type: 'gauge',
        samples: [...byKind.values()].flatMap(({ useCase, journey, counts }) => Object.entries(counts).map(([status, value]) => ({ labels: { use_case: useCase, journey, status }, value }))),
      },
      {
        name: 'symphainy_step_duration_seconds',
        help: 'How long one attempt of a step took, by use case, step and outcome (completed, rejected, error).',
        type: 'histogram',
        samples: this.stepDurations.samples(),
      },
      {
        name: 'symphainy_queue_depth',
        help: "Messages waiting or being handled in a function's queue.",
        type: 'gauge',
        samples: depths.map((d) => ({ labels: { queue: d.queue }, value: d.depth })),
      },
      {
        name: 'symphainy_dead_letter_depth',
        help: this.host.mode === 'embedded' ? "Messages moved to a function's dead-letter queue since this process started." : "Messages in a function's dead-letter queue.",
        type: 'gauge',
        samples: depths.filter((d) => d.deadLetters !== null).map((d) => ({ labels: { queue: d.queue }, value: d.deadLetters! })),
      },
      {
        name: 'symphainy_uploads_accepted_total',
        help: 'Uploads accepted over HTTP (POST /uploads answered 201 or 202).',
        type: 'counter',
        samples: [{ value: this.uploadsAccepted }],
      },
      {
        name: 'symphainy_http_requests_total',
        help: 'HTTP requests answered, by route and status code.',
        type: 'counter',
        samples: [...this.requests.values()].map((r) => ({ labels: { route: r.route, code: r.code }, value: r.count })),
      },
      {
        name: 'symphainy_draining',
        help: '1 while the process is shutting down: it refuses uploads and finishes what is in flight.',
        type: 'gauge',
        samples: [{ value: this.draining ? 1 : 0 }],
      },
    ];
    return renderPrometheusText(families);
  }

  close(): void {
    this.unsubscribe();
  }
}
