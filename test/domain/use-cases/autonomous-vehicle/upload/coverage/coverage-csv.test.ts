import { describe, expect, it } from 'vitest';
import { renderCoverageCsv } from '#domain/use-cases/autonomous-vehicle/upload/coverage/coverage-csv.js';
import type { CoverageMatrix } from '#domain/use-cases/autonomous-vehicle/upload/coverage/coverage-matrix.js';

describe('coverage-matrix.csv', () => {
  it('writes condition values from the upload so a spreadsheet shows them but never runs them', () => {
    const cell = (weather: string) => ({ speedBand: '0-30', roadType: 'urban', weather, samples: 3, percentOfSamples: 50, plausible: true }) as CoverageMatrix['cells'][number];
    const csv = renderCoverageCsv({ cells: [cell('=HYPERLINK("http://evil.example")'), cell('rain, heavy')] } as CoverageMatrix);
    expect(csv.split('\n')).toEqual([
      'speed_band,road_type,weather,samples,percent_of_samples,plausible,covered',
      `0-30,urban,"'=HYPERLINK(""http://evil.example"")",3,50.00,true,true`,
      '0-30,urban,"rain, heavy",3,50.00,true,true',
      '',
    ]);
  });
});
