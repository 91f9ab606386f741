import { countPerValue, type ConditionTally } from '../conditions/condition-tally.js';
import { conditionSpace, isPlausible } from '../conditions/operating-conditions.js';
import type { SpeedBand } from '../conditions/speed-band.js';
import { percentShares } from '../numbers/percent-shares.js';
import { round } from '../numbers/round.js';

export interface CoverageCell {
  speedBand: SpeedBand;
  roadType: string;
  weather: string;
  samples: number;
  percentOfSamples: number;
  /** False for combinations that cannot occur (urban above 90 km/h); they do not count as gaps. */
  plausible: boolean;
}

export interface DimensionCoverage {
  values: { value: string; samples: number; percentOfSamples: number }[];
  observedValues: number;
  /** Share of the dimension's values with at least one sample. */
  coveredFraction: number;
}

export interface CoverageMatrix {
  totalSamples: number;
  dimensions: { speedBand: readonly string[]; roadType: string[]; weather: string[] };
  cells: CoverageCell[];
  cellCount: number;
  coveredCells: number;
  cellsCoveredFraction: number;
  plausibleCells: number;
  coveredPlausibleCells: number;
  plausibleCellsCoveredFraction: number;
  perDimension: { speedBand: DimensionCoverage; roadType: DimensionCoverage; weather: DimensionCoverage; timeOfDay: DimensionCoverage };
}

/** Samples per speed band x road type x weather, over expected and observed values alike. */
export function buildCoverageMatrix(tally: ConditionTally): CoverageMatrix {
  const space = conditionSpace(tally);
  const keyOf = (band: string, road: string, weather: string): string => JSON.stringify([band, road, weather]);
  const counts = countPerValue(tally, (c) => keyOf(c.speedBand, c.roadType, c.weather));
  const grid: Omit<CoverageCell, 'percentOfSamples'>[] = [];
  for (const speedBand of space.speedBands) {
    for (const roadType of space.roadTypes) {
      for (const weather of space.weathers) {
        grid.push({ speedBand, roadType, weather, samples: counts.get(keyOf(speedBand, roadType, weather)) ?? 0, plausible: isPlausible(speedBand, roadType) });
      }
    }
  }
  const shares = percentShares(grid.map((c) => c.samples));
  const cells = grid.map((c, i): CoverageCell => ({ ...c, percentOfSamples: shares[i]! }));
  const plausible = cells.filter((c) => c.plausible);
  const coveredCells = cells.filter((c) => c.samples > 0).length;
  const coveredPlausibleCells = plausible.filter((c) => c.samples > 0).length;
  return {
    totalSamples: tally.totalSamples,
    dimensions: { speedBand: space.speedBands, roadType: space.roadTypes, weather: space.weathers },
    cells,
    cellCount: cells.length,
    coveredCells,
    cellsCoveredFraction: round(coveredCells / cells.length, 4),
    plausibleCells: plausible.length,
    coveredPlausibleCells,
    plausibleCellsCoveredFraction: round(coveredPlausibleCells / plausible.length, 4),
    perDimension: {
      speedBand: dimensionCoverage(space.speedBands, countPerValue(tally, (c) => c.speedBand)),
      roadType: dimensionCoverage(space.roadTypes, countPerValue(tally, (c) => c.roadType)),
      weather: dimensionCoverage(space.weathers, countPerValue(tally, (c) => c.weather)),
      timeOfDay: dimensionCoverage(space.timesOfDay, countPerValue(tally, (c) => c.timeOfDay)),
    },
  };
}

function dimensionCoverage(values: readonly string[], counts: ReadonlyMap<string, number>): DimensionCoverage {
  const sampleCounts = values.map((value) => counts.get(value) ?? 0);
  const shares = percentShares(sampleCounts);
  const observedValues = sampleCounts.filter((n) => n > 0).length;
  return {
    values: values.map((value, i) => ({ value, samples: sampleCounts[i]!, percentOfSamples: shares[i]! })),
    observedValues,
    coveredFraction: round(observedValues / values.length, 4),
  };
}
