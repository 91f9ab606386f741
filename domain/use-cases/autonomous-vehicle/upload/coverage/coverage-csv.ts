import { csvCell } from '#domain/tabular/spreadsheet-formula.js';
import type { CoverageMatrix } from './coverage-matrix.js';

/** One row per cell, for a spreadsheet pivot; condition values come from the upload, so they are quoted and never run as formulas. */
export function renderCoverageCsv(matrix: CoverageMatrix): string {
  const header = 'speed_band,road_type,weather,samples,percent_of_samples,plausible,covered';
  const rows = matrix.cells.map((c) =>
    [csvCell(c.speedBand), csvCell(c.roadType), csvCell(c.weather), c.samples, c.percentOfSamples.toFixed(2), c.plausible, c.samples > 0].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
