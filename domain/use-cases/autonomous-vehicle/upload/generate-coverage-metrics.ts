import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { renderCoverageCsv } from './coverage/coverage-csv.js';
import { buildCoverageMatrix } from './coverage/coverage-matrix.js';
import { AV_ARTIFACTS } from '../names.js';
import { round } from './numbers/round.js';
import { conditionsNotRecorded } from './telemetry/conditions-not-recorded.js';
import type { ConditionTally } from './conditions/condition-tally.js';

export const generateCoverageMetrics: StepDefinition = {
  name: 'generate_coverage_metrics',
  description: 'Measures how the telemetry covers speed band x road type x weather, cell by cell and per dimension',
  async run(context) {
    const matrix = {
      ...buildCoverageMatrix(await context.readArtifactJson<ConditionTally>(AV_ARTIFACTS.conditionTally)),
      notRecorded: await conditionsNotRecorded(context),
    };
    await context.writeJsonArtifact(AV_ARTIFACTS.coverageMatrix, matrix);
    await context.writeArtifact({ name: AV_ARTIFACTS.coverageCsv, body: renderCoverageCsv(matrix), contentType: 'text/csv; charset=utf-8' });
    return {
      summary: {
        cells: matrix.cellCount,
        coveredCells: matrix.coveredCells,
        cellsCoveredPercent: round(matrix.cellsCoveredFraction * 100, 1),
        plausibleCellsCoveredPercent: round(matrix.plausibleCellsCoveredFraction * 100, 1),
        axesNotRecorded:
          matrix.notRecorded
            .filter((n) => n.field !== 'time_of_day')
            .map((n) => n.field)
            .join(', ') || null,
      },
    };
  },
};
