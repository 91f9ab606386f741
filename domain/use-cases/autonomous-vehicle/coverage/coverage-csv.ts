import type { CoverageMatrix } from './coverage-matrix.js';

/** One row per cell, for a spreadsheet pivot; condition values are quoted since they come from the upload. */
export function renderCoverageCsv(matrix: CoverageMatrix): string {
  const header = 'speed_band,road_type,weather,samples,percent_of_samples,plausible,covered';
  const rows = matrix.cells.map((c) =>
    [csvField(c.speedBand), csvField(c.roadType), csvField(c.weather), c.samples, c.percentOfSamples.toFixed(2), c.plausible, c.samples > 0].join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
