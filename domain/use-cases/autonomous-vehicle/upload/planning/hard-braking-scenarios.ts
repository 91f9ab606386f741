import type { HardBrakingEvent } from '../driving/hard-braking.js';
import { compareText } from '../numbers/count-by.js';
import { EMERGENCY_BRAKING_MPS2, MAX_REPLAY_SCENARIOS } from '../../shared/thresholds.js';
import type { ScenarioDraft } from './test-scenario.js';
import { capitalised, weatherPhrase, words } from './wording.js';

export interface ReplayScenarios {
  drafts: ScenarioDraft[];
  /** Contexts beyond the cap, left out of the plan but counted in it. */
  contextsLeftOut: number;
}

/**
 * One replay scenario per context (road type, weather, speed band at onset) in which hard
 * braking happened: each event is a real situation the system must handle at least as well.
 * Contexts with the hardest stops come first when they exceed the cap.
 */
export function hardBrakingScenarios(events: readonly HardBrakingEvent[]): ReplayScenarios {
  const groups = new Map<string, HardBrakingEvent[]>();
  for (const event of events) {
    const key = [event.roadType, event.weather, event.speedBand].join('|');
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  const ranked = [...groups.entries()]
    .map(([key, members]) => ({ key, members, peak: members.reduce((min, e) => Math.min(min, e.peakDecelerationMps2), 0) }))
    .sort((a, b) => a.peak - b.peak || b.members.length - a.members.length || compareText(a.key, b.key));
  const drafts = ranked.slice(0, MAX_REPLAY_SCENARIOS).map(({ members, peak }): ScenarioDraft => {
    const first = members[0]!;
    const fastest = members.reduce((max, e) => Math.max(max, e.speedBeforeKmh), 0);
    const examples = members.slice(0, 3).map((e) => `${e.vehicleId} at ${e.startTime} (line ${e.line})`);
    return {
      title: `Hard-braking replay: ${words(first.roadType)}, ${weatherPhrase(first.weather)}, from ${first.speedBand} km/h`,
      priority: peak <= EMERGENCY_BRAKING_MPS2 ? 'critical' : 'high',
      kind: 'hard_braking_replay',
      conditions: { roadType: first.roadType, weather: first.weather, speedBand: first.speedBand },
      rationale:
        `${capitalised(`${members.length} hard-braking event${members.length === 1 ? '' : 's'}`)} observed in this context` +
        ` (peak ${peak} m/s², from up to ${fastest} km/h), e.g. ${examples.join('; ')}.`,
      evidence: {
        events: members.length,
        peakDecelerationMps2: peak,
        maxSpeedBeforeKmh: fastest,
        vehicles: [...new Set(members.map((e) => e.vehicleId))],
        lines: members.slice(0, 10).map((e) => e.line),
      },
    };
  });
  return { drafts, contextsLeftOut: Math.max(0, ranked.length - MAX_REPLAY_SCENARIOS) };
}
