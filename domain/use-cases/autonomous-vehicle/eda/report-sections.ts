import { formatCount, formatDuration, formatNumber } from '#domain/insights/index.js';
import { barChartSpec, histogramSpec, rangeChartSpec, renderChart, type BarDatum, type ReportSection } from '#domain/reporting/index.js';
import type { AnomalyReport } from './anomaly-scan.js';
import { SAFETY_EVENT_LABELS, SAFETY_EVENTS, type SafetyReport } from './safety-events.js';
import type { FleetPerformance } from './vehicle-performance.js';

const n = (x: number | null, digits = 1) => (x === null ? '–' : formatNumber(Number(x.toFixed(digits))));

export async function performanceSection(p: FleetPerformance): Promise<ReportSection> {
  const ranged = (
    pick: (v: FleetPerformance['vehicles'][number]) => { p5: number | null; p25: number | null; p50: number | null; p75: number | null; p95: number | null },
  ) =>
    p.vehicles.flatMap((v) => {
      const d = pick(v);
      return d.p5 === null ? [] : [{ label: v.vehicleId, p5: d.p5, p25: d.p25!, p50: d.p50!, p75: d.p75!, p95: d.p95! }];
    });
  return {
    id: 'vehicle-performance',
    title: 'Vehicle performance',
    intro:
      'Speed, acceleration and jerk per vehicle from every plausible reading; jerk is the change in acceleration between consecutive readings of a vehicle. Boxes span p25–p75 with the median marked, whiskers p5–p95.',
    blocks: [
      {
        kind: 'figures',
        items: [
          { label: 'Vehicles', value: formatCount(p.vehicles.length) },
          { label: 'Distance', value: `${formatNumber(p.fleet.distanceKm)} km` },
          { label: 'Driving time', value: `${formatNumber(p.fleet.drivingHours)} h` },
          { label: 'Median speed', value: `${n(p.fleet.speedKmh.p50)} km/h`, note: `p95 ${n(p.fleet.speedKmh.p95)} km/h` },
          { label: 'Acceleration p5–p95', value: `${n(p.fleet.accelerationMps2.p5, 2)} to ${n(p.fleet.accelerationMps2.p95, 2)}`, note: 'm/s²' },
          { label: 'Jerk p5–p95', value: `${n(p.fleet.jerkMps3.p5, 2)} to ${n(p.fleet.jerkMps3.p95, 2)}`, note: 'm/s³' },
        ],
      },
      {
        kind: 'chart',
        title: 'Speed by vehicle (km/h)',
        svg: await renderChart(
          rangeChartSpec(
            ranged((v) => v.speedKmh),
            { valueTitle: 'km/h', width: 380 },
          ),
        ),
      },
      {
        kind: 'chart',
        title: 'Acceleration by vehicle (m/s²)',
        svg: await renderChart(
          rangeChartSpec(
            ranged((v) => v.accelerationMps2),
            { valueTitle: 'm/s²', width: 380 },
          ),
        ),
      },
      {
        kind: 'chart',
        title: 'Jerk by vehicle (m/s³)',
        svg: await renderChart(
          rangeChartSpec(
            ranged((v) => v.jerkMps3),
            { valueTitle: 'm/s³', width: 380 },
          ),
        ),
      },
      {
        kind: 'chart',
        title: 'Fleet speed distribution',
        svg: await renderChart(histogramSpec(p.histograms.speedKmh, { xTitle: 'speed (km/h)', width: 380, height: 130 })),
      },
      {
        kind: 'table',
        columns: ['vehicle', 'readings', 'km', 'hours', 'speed mean', 'speed p95', 'speed max', 'accel p5', 'accel p95', 'jerk p5', 'jerk p95'],
        numeric: [false, true, true, true, true, true, true, true, true, true, true],
        rows: p.vehicles.map((v) => [
          v.vehicleId,
          formatCount(v.samples),
          formatNumber(v.distanceKm),
          formatNumber(v.drivingHours),
          n(v.speedKmh.mean),
          n(v.speedKmh.p95),
          n(v.speedKmh.max),
          n(v.accelerationMps2.p5, 2),
          n(v.accelerationMps2.p95, 2),
          n(v.jerkMps3.p5, 2),
          n(v.jerkMps3.p95, 2),
        ]),
      },
      ...(p.untrackedReadings > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: `${formatCount(p.untrackedReadings)} readings of vehicles beyond the first ${p.vehicles.length} are counted but not broken down.`,
            },
          ]
        : []),
    ],
  };
}

const ANOMALY_LABELS: Record<string, string> = {
  sensor_dropout: 'sensor dropouts (readings)',
  unreadable_timestamp: 'unreadable timestamps',
  timestamp_gap: 'timestamp gaps',
  timestamp_disorder: 'out of order / repeated',
  impossible_value: 'impossible values',
  impossible_jump: 'impossible jumps',
};

export async function anomaliesSection(a: AnomalyReport): Promise<ReportSection> {
  const kinds = Object.keys(ANOMALY_LABELS) as (keyof typeof ANOMALY_LABELS)[];
  const perVehicle = (v: AnomalyReport['vehicles'][number]): Record<string, number> => ({
    sensor_dropout: v.dropoutReadings,
    unreadable_timestamp: v.unreadableTimestamps,
    timestamp_gap: v.timestampGaps,
    timestamp_disorder: v.backwardSteps + v.repeatedTimestamps,
    impossible_value: v.impossibleValues,
    impossible_jump: v.impossibleJumps,
  });
  const present = kinds.filter((k) => (a.totals as unknown as Record<string, number>)[k]! > 0);
  const bars: BarDatum[] = a.vehicles.flatMap((v) => present.map((k) => ({ label: v.vehicleId, value: perVehicle(v)[k]!, group: ANOMALY_LABELS[k]! })));
  return {
    id: 'anomalies',
    title: 'Anomalies',
    intro:
      'What makes the telemetry untrustworthy, per vehicle: sensor dropouts (missing or unreadable speed, acceleration or position), gaps of ten times the usual sampling interval or more, time going backwards or repeating, values outside what a vehicle can do, and jumps between consecutive readings no vehicle can make.',
    blocks: [
      { kind: 'figures', items: kinds.map((k) => ({ label: ANOMALY_LABELS[k]!, value: formatCount((a.totals as unknown as Record<string, number>)[k]!) })) },
      ...(present.length > 0
        ? [
            {
              kind: 'chart' as const,
              title: 'Anomalies by vehicle',
              svg: await renderChart(barChartSpec(bars, { valueTitle: 'count', counts: true, width: 420 })),
            },
          ]
        : [{ kind: 'paragraph' as const, text: 'No anomaly of any kind: every reading is present, in order, and physically possible.' }]),
      {
        kind: 'table',
        columns: [
          'vehicle',
          'readings',
          'dropout readings (runs)',
          'gaps (moving)',
          'usual interval',
          'longest gap',
          'back / repeated',
          'impossible values',
          'impossible jumps',
        ],
        numeric: [false, true, true, true, true, true, true, true, true],
        rows: a.vehicles.map((v) => [
          v.vehicleId,
          formatCount(v.readings),
          `${formatCount(v.dropoutReadings)} (${formatCount(v.dropoutRuns)})`,
          `${formatCount(v.timestampGaps)} (${formatCount(v.movingGaps)})`,
          v.usualIntervalMs === null ? '–' : formatDuration(v.usualIntervalMs),
          v.longestGapMs === null ? '–' : formatDuration(v.longestGapMs),
          `${formatCount(v.backwardSteps)} / ${formatCount(v.repeatedTimestamps)}`,
          formatCount(v.impossibleValues),
          formatCount(v.impossibleJumps),
        ]),
      },
      ...(a.examples.length > 0
        ? [
            {
              kind: 'table' as const,
              caption: `The first ${Math.min(25, a.examples.length)} anomalies in file order (all listed ones are in anomalies.json)`,
              columns: ['row', 'vehicle', 'kind', 'what'],
              numeric: [true, false, false, false],
              rows: a.examples.slice(0, 25).map((e) => [formatCount(e.row), e.vehicleId, e.kind.replace(/_/g, ' '), e.detail]),
            },
          ]
        : []),
    ],
  };
}

export async function safetySection(s: SafetyReport): Promise<ReportSection> {
  const rated = s.vehicles.filter((v) => v.per1000Km.hard_braking !== null);
  const seen = SAFETY_EVENTS.filter((e) => s.fleet.events[e] > 0);
  const perVehicleBars: BarDatum[] = rated.flatMap((v) => seen.map((e) => ({ label: v.vehicleId, value: v.per1000Km[e] ?? 0, group: e.replace(/_/g, ' ') })));
  const roadBars: BarDatum[] = s.roadTypes
    .filter((r) => r.per1000Km.hard_braking !== null)
    .map((r) => ({ label: r.roadType, value: r.per1000Km.hard_braking ?? 0 }));
  const rate = (x: number | null) => (x === null ? '–' : formatNumber(x));
  return {
    id: 'safety',
    title: 'Safety events per 1,000 km',
    intro: `Consecutive readings past a threshold count as one event. Rates need at least ${s.thresholds.minDistanceForRatesKm} km of driving; shorter distances show "–".`,
    blocks: [
      {
        kind: 'figures',
        items: SAFETY_EVENTS.map((e) => ({
          label: SAFETY_EVENT_LABELS[e],
          value: rate(s.fleet.per1000Km[e]),
          note: `${formatCount(s.fleet.events[e])} events over ${formatNumber(s.fleet.distanceKm)} km`,
        })),
      },
      ...(perVehicleBars.length > 0
        ? [
            {
              kind: 'chart' as const,
              title: 'Events per 1,000 km by vehicle',
              svg: await renderChart(barChartSpec(perVehicleBars, { valueTitle: 'events per 1,000 km', width: 400 })),
            },
          ]
        : []),
      ...(roadBars.length > 0
        ? [
            {
              kind: 'chart' as const,
              title: 'Hard braking per 1,000 km by road type',
              svg: await renderChart(barChartSpec(roadBars, { valueTitle: 'hard-braking events per 1,000 km', width: 360 })),
            },
          ]
        : []),
      {
        kind: 'table',
        columns: ['vehicle', 'km', ...SAFETY_EVENTS.map((e) => e.replace(/_/g, ' ')), 'hard braking / 1,000 km'],
        numeric: [false, true, true, true, true, true, true],
        rows: s.vehicles.map((v) => [
          v.vehicleId,
          formatNumber(v.distanceKm),
          ...SAFETY_EVENTS.map((e) => formatCount(v.events[e])),
          rate(v.per1000Km.hard_braking),
        ]),
      },
    ],
  };
}
