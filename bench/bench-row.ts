/** One line of the `npm run bench` table. Each bench module returns its rows; bench/run.ts prints them. */
export interface BenchRow {
  /** What was measured, e.g. "pattern matching, 50 exact/prefix rules". */
  benchmark: string;
  /** The measured figure. */
  value: number;
  unit: string;
  /** The target as text, e.g. ">= 220000 events/s"; empty when none. */
  target: string;
  /** Whether the measured figure meets the target (undefined when there is no target). */
  meetsTarget?: boolean;
  /** Free-form context: baseline figures, ratios, sample sizes. */
  notes?: string;
}
