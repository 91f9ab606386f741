import { evidenceFromRows, EVIDENCE_ROWS, fieldColumn, mappingOrReject, resolveFields, type DeclaredEntry, type FieldMapping } from '#domain/fields/index.js';
import { rejectViolations, streamTable, type Cell, type StreamedTable } from '#domain/tabular/index.js';
import { ConditionTallyBuilder, type ConditionTally } from '../conditions/condition-tally.js';
import { PlausibilityChecks } from './check-plausibility.js';
import { NormalizedTelemetryWriter } from './normalized-telemetry.js';
import { telemetryRowReader, type TelemetryRowReading } from './read-telemetry-rows.js';
import { TELEMETRY_FIELDS } from '../../shared/telemetry-fields.js';
import type { TelemetrySample } from './telemetry-sample.js';
import { telemetryRejection } from './telemetry-rejection.js';
import { ValidationTally, type ValidationReport } from './validation-report.js';
import { ViolationTally } from './violation-tally.js';

export interface TelemetryPassOptions {
  declared: readonly DeclaredEntry[];
  /** The vehicle of a file without a vehicle column. */
  fileVehicle: string;
  /** Called once the structure is known to be sound, before the row checks can reject: a rejected file still shows how its columns were read. */
  onMapping: (mapping: FieldMapping) => Promise<void>;
}

export interface TelemetryPassResult {
  table: StreamedTable;
  mapping: FieldMapping;
  report: ValidationReport;
  conditions: ConditionTally;
}

/**
 * Validation of an upload in one read: the columns are mapped on the first rows, then every row
 * is typed, checked and written out normalized as it passes. `normalized` is the normalized
 * file's text, pulled by whoever writes it; it throws the rejection at its end instead of
 * closing, so a rejected file never leaves a normalized copy behind. The rejections come in the
 * order a whole-file validation gives them: structure, then mapping, then the rows.
 */
export function telemetryPass(
  chunks: AsyncIterable<Uint8Array>,
  options: TelemetryPassOptions,
): { normalized: AsyncGenerator<string>; result: () => TelemetryPassResult; failure: () => unknown } {
  let finished: TelemetryPassResult | undefined;
  let failure: unknown;
  const normalized = (async function* () {
    try {
      yield* validateRows();
    } catch (error) {
      // Kept because the store writing these chunks may wrap the error it receives.
      failure = error;
      throw error;
    }
  })();
  async function* validateRows(): AsyncGenerator<string> {
    const reading = streamTable(chunks);
    const writer = new NormalizedTelemetryWriter();
    const validation = new ValidationTally();
    const conditions = new ConditionTallyBuilder();
    const plausibility = new PlausibilityChecks();
    const violations = new ViolationTally();
    let evidence: { rows: Cell[][]; lines: number[] } | undefined = { rows: [], lines: [] };
    let mapped: { mapping: FieldMapping; read: (row: readonly Cell[], line: number) => TelemetryRowReading } | undefined;
    let mappingRejection: unknown;

    const decide = (columns: readonly string[]): void => {
      try {
        const mapping = mappingOrReject(
          resolveFields(TELEMETRY_FIELDS, evidenceFromRows(columns, evidence!.rows), options.declared),
          TELEMETRY_FIELDS,
          columns,
        );
        mapped = { mapping, read: telemetryRowReader(mapping, options.fileVehicle) };
      } catch (error) {
        // Kept, not thrown: a structural problem later in the file is the first thing to say.
        mappingRejection = error;
      }
    };
    const check = (rows: readonly Cell[][], lines: readonly number[]): string => {
      const accepted: TelemetrySample[] = [];
      for (let i = 0; i < rows.length; i++) {
        const reading = mapped!.read(rows[i]!, lines[i]!);
        if (!reading.sample) {
          for (const v of reading.violations) violations.add(v);
          continue;
        }
        const problems = plausibility.check(reading.sample);
        for (const v of problems) violations.add(v);
        if (problems.length > 0) continue;
        validation.add(reading.sample, reading.timeOfDayDerived);
        conditions.add(reading.sample);
        accepted.push(reading.sample);
      }
      // Nothing is worth writing once the file is known to be rejected.
      return violations.total === 0 ? writer.lines(accepted) : '';
    };

    yield writer.opening();
    for await (const batch of reading.batches) {
      if (evidence) {
        evidence.rows.push(...batch.rows);
        evidence.lines.push(...batch.lines);
        if (evidence.rows.length < EVIDENCE_ROWS) continue;
        decide(batch.columns);
        const held = evidence;
        evidence = undefined;
        if (mapped) yield check(held.rows, held.lines);
        continue;
      }
      if (mapped) yield check(batch.rows, batch.lines);
    }
    const table = reading.result();
    // Structure is judged before the columns, however far into the file the problem lies.
    rejectViolations(table);
    if (evidence) {
      decide(table.columns);
      if (mapped) yield check(evidence.rows, evidence.lines);
    }
    if (!mapped) throw mappingRejection;
    const { mapping } = mapped;
    await options.onMapping(mapping);
    if (violations.total > 0) throw telemetryRejection(violations, unnamedVehiclesHint(mapping, options.fileVehicle, violations));
    yield writer.closing();
    finished = { table, mapping, report: validation.report(table.format, mapping), conditions: conditions.build() };
  }
  return {
    normalized,
    failure: () => failure,
    result: () => {
      if (!finished) throw new Error('the telemetry was not read to its end');
      return finished;
    },
  };
}

/** Repeated times in a file read as one vehicle usually mean several vehicles whose column was not recognised. */
function unnamedVehiclesHint(mapping: FieldMapping, fileVehicle: string, violations: ViolationTally): string[] {
  if (fieldColumn(mapping, 'vehicle') || !violations.checksSeen.has('timestamps_increasing')) return [];
  const columns = mapping.unmapped.length > 0 ? ` (unmapped columns: ${mapping.unmapped.join(', ')})` : '';
  return [
    `no column was recognised as the vehicle, so the file was read as one vehicle "${fileVehicle}"; if it holds several, name the column: --map vehicle=<column>${columns}`,
  ];
}
