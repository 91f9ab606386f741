import type { Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatDuration, formatPercent, roundTo } from '#domain/insights/index.js';
import type { AnomalyReport, VehicleAnomalies } from './anomaly-scan.js';

/** The anomaly scan as findings for the report, worst vehicle named, with the numbers behind them. */
export function anomalyInsights(report: AnomalyReport): Insight[] {
  const readings = report.totals.readings;
  if (readings === 0) return [];
  const worst = (pick: (v: VehicleAnomalies) => number) => [...report.vehicles].sort((a, b) => pick(b) - pick(a) || a.vehicleId.localeCompare(b.vehicleId))[0]!;
  const share = (n: number) => n / readings;
  const insights: Insight[] = [];
  const add = (
    kind: string,
    n: number,
    build: (w: VehicleAnomalies) => Pick<Insight, 'title' | 'evidence'> & { numbers?: Insight['numbers'] },
    severity: (s: number) => Insight['severity'],
    pick: (v: VehicleAnomalies) => number,
  ) => {
    if (n === 0) return;
    const w = worst(pick);
    const built = build(w);
    insights.push({
      id: `${kind}`,
      kind,
      severity: severity(share(n)),
      columns: [],
      title: built.title,
      evidence: built.evidence,
      numbers: { count: n, readings, share: roundTo(share(n)), worstVehicle: w.vehicleId, worstVehicleCount: pick(w), ...built.numbers },
    });
  };
  const bySeverity =
    (warnFrom: number, criticalFrom: number) =>
    (s: number): Insight['severity'] =>
      s >= criticalFrom ? 'critical' : s >= warnFrom ? 'warning' : 'info';

  add(
    'impossible_values',
    report.totals.impossible_value,
    (w) => ({
      title: `${formatCount(report.totals.impossible_value)} physically impossible readings`,
      evidence: `Speeds outside 0–300 km/h or accelerations beyond ±15 m/s² (${formatPercent(share(report.totals.impossible_value))} of readings); ${w.vehicleId} has the most (${formatCount(w.impossibleValues)}). Check units and sensor calibration.`,
    }),
    bySeverity(0, 0.01),
    (v) => v.impossibleValues,
  );
  add(
    'impossible_jumps',
    report.totals.impossible_jump,
    (w) => ({
      title: `${formatCount(report.totals.impossible_jump)} impossible jumps between readings`,
      evidence: `Consecutive readings whose speed change needs more than 15 m/s² or whose positions are further apart than 300 km/h allows; ${w.vehicleId} has ${formatCount(w.impossibleJumps)}. Typical of GPS multipath or a speed sensor resetting.`,
    }),
    bySeverity(0, 0.01),
    (v) => v.impossibleJumps,
  );
  add(
    'sensor_dropouts',
    report.totals.sensor_dropout,
    (w) => ({
      title: `Sensor dropouts in ${formatCount(report.totals.sensor_dropout)} readings`,
      evidence: `${formatPercent(share(report.totals.sensor_dropout))} of readings lack a speed, acceleration or position value; ${w.vehicleId} is worst with ${formatCount(w.dropoutReadings)} readings in ${formatCount(w.dropoutRuns)} dropouts (${dropoutSensors(w)}).`,
    }),
    bySeverity(0.001, 0.05),
    (v) => v.dropoutReadings,
  );
  const moving = report.totals.moving_gaps;
  add(
    'timestamp_gaps',
    report.totals.timestamp_gap,
    (w) => ({
      title:
        moving > 0
          ? `${formatCount(moving)} gaps in the recording while driving`
          : `${formatCount(report.totals.timestamp_gap)} recording gaps, all while parked`,
      evidence: `${formatCount(report.totals.timestamp_gap)} intervals of ten times a vehicle's usual sampling interval or more; ${formatCount(moving)} with the vehicle moving at both ends (data lost mid-drive), the rest while stationary (expected). ${w.vehicleId} has ${formatCount(w.timestampGaps)}${w.usualIntervalMs ? ` (usual interval ${formatDuration(w.usualIntervalMs)}${w.longestGapMs ? `, longest gap ${formatDuration(w.longestGapMs)}` : ''})` : ''}.`,
      numbers: { whileMoving: moving },
    }),
    () => (moving === 0 ? 'info' : moving / readings >= 0.01 ? 'critical' : 'warning'),
    (v) => v.timestampGaps,
  );
  add(
    'timestamp_disorder',
    report.totals.timestamp_disorder,
    (w) => ({
      title: `Timestamps out of order or repeated ${formatCount(report.totals.timestamp_disorder)} times`,
      evidence: `Within a vehicle, time goes back ${formatCount(report.vehicles.reduce((s, v) => s + v.backwardSteps, 0))} times and repeats ${formatCount(report.vehicles.reduce((s, v) => s + v.repeatedTimestamps, 0))} times; ${w.vehicleId} has the most. Sort by vehicle and time and drop repeated readings before replaying.`,
    }),
    bySeverity(0, 0.01),
    (v) => v.backwardSteps + v.repeatedTimestamps,
  );
  add(
    'unreadable_timestamps',
    report.totals.unreadable_timestamp,
    (w) => ({
      title: `${formatCount(report.totals.unreadable_timestamp)} readings without a usable timestamp`,
      evidence: `Empty or not in the time column's encoding; these readings cannot be placed in time. ${w.vehicleId} has ${formatCount(w.unreadableTimestamps)}.`,
    }),
    bySeverity(0, 0.01),
    (v) => v.unreadableTimestamps,
  );
  const order: Record<Insight['severity'], number> = { critical: 0, warning: 1, info: 2 };
  return insights.sort((a, b) => order[a.severity] - order[b.severity]);
}

function dropoutSensors(v: VehicleAnomalies): string {
  return Object.entries(v.dropoutsBySensor)
    .filter(([, n]) => n > 0)
    .map(([sensor, n]) => `${sensor} ${formatCount(n)}`)
    .join(', ');
}
