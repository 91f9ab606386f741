import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';

/** A use case's own part of the report: figures, tables and charts about its domain. */
export interface ReportSection {
  /** Anchor id, kebab-case. */
  id: string;
  title: string;
  intro?: string;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'figures'; items: { label: string; value: string; note?: string }[] }
  | { kind: 'table'; caption?: string; columns: string[]; rows: (string | number)[][]; numeric?: boolean[] }
  | { kind: 'chart'; title: string; svg: string; caption?: string }
  | { kind: 'list'; items: { title: string; text: string; tone?: 'critical' | 'warning' | 'info' | 'good' }[] };

export interface ReportInput {
  /** The file the report is about (its name) and where it came from. */
  fileName: string;
  sourceUri: string;
  useCaseTitle: string;
  journeyId: string;
  /** When the journey started, ISO-8601: the only date on the page, so a re-render is byte-identical. */
  generatedAt: string;
  profile: DatasetProfile;
  insights: readonly Insight[];
  /** Codes the use case knows, per column: top values are shown as "PD · paid" rather than "PD". */
  codeLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Use-case sections, placed after the findings and before the per-column detail. */
  sections?: readonly ReportSection[];
}
