import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { STREAM_PASS_POLICY } from '#domain/journeys/step-policy.js';
import { DriveAnalyzer } from './driving/analyze-drives.js';
import { AV_ARTIFACTS } from '../names.js';
import { round } from './numbers/round.js';
import { streamNormalizedTelemetry } from './telemetry/stream-normalized-telemetry.js';
import { HARD_BRAKING_MPS2, LONG_STOP_SECONDS, SEGMENT_GAP_SECONDS, STATIONARY_SPEED_KMH } from '../shared/thresholds.js';

export const processHistoricalData: StepDefinition = {
  name: 'process_historical_data',
  policy: STREAM_PASS_POLICY,
  description: 'Splits each vehicle’s telemetry into drive segments and computes distance, speed, acceleration and hard-braking statistics',
  async run(context) {
    const analyzer = new DriveAnalyzer();
    for await (const samples of streamNormalizedTelemetry(context)) for (const sample of samples) analyzer.push(sample);
    const analysis = analyzer.finish();
    // The thresholds travel with the results: a segment count means little without the rule that cut it.
    const rules = {
      segmentGapSeconds: SEGMENT_GAP_SECONDS,
      stationarySpeedKmh: STATIONARY_SPEED_KMH,
      longStopSeconds: LONG_STOP_SECONDS,
      hardBrakingMps2: HARD_BRAKING_MPS2,
    };
    await context.writeJsonArtifact(AV_ARTIFACTS.segments, { rules, samplesOutsideSegments: analysis.samplesOutsideSegments, segments: analysis.segments });
    await context.writeJsonArtifact(AV_ARTIFACTS.vehicleSummary, { rules, fleet: analysis.fleet, vehicles: analysis.vehicles });
    await context.writeJsonArtifact(AV_ARTIFACTS.hardBrakingEvents, { rules, events: analysis.hardBraking });
    return {
      summary: {
        vehicles: analysis.fleet.vehicles,
        segments: analysis.fleet.segments,
        distanceKm: round(analysis.fleet.distanceKm, 1),
        hardBrakingEvents: analysis.fleet.hardBrakingEvents,
        maxSpeedKmh: analysis.fleet.maxSpeedKmh,
      },
    };
  },
};
