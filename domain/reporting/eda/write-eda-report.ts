import type { ArtifactRef } from '#events/platform-event.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import type { DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import type { ReportSection } from '../html/report-model.js';
import { renderReport } from '../html/render-report.js';
import { EDA_ARTIFACTS } from './eda-artifacts.js';
import { FIELD_MAPPING_ARTIFACT, type FieldMapping } from '#domain/fields/index.js';
import { columnMappingSection } from './column-mapping-section.js';

export interface EdaReportContent {
  useCaseTitle: string;
  profile: DatasetProfile;
  insights: readonly Insight[];
  sections?: readonly ReportSection[];
  /** Code lists the use case knows, by profiled column, to decode top values. */
  codeLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Renders the journey's report.html; every date on it is the journey's start, so retries write the same bytes. */
export async function writeEdaReport(context: StepContext, content: EdaReportContent): Promise<ArtifactRef> {
  const mapping = context.findArtifact(FIELD_MAPPING_ARTIFACT) ? await context.readArtifactJson<FieldMapping>(FIELD_MAPPING_ARTIFACT) : undefined;
  const sections = [...(mapping ? [columnMappingSection(mapping)] : []), ...(content.sections ?? [])];
  const html = await renderReport({
    fileName: fileNameOf(context.input.key),
    sourceUri: `s3://${context.input.bucket}/${context.input.key}`,
    useCaseTitle: content.useCaseTitle,
    journeyId: context.journeyId,
    generatedAt: context.journeyStartedAt.toISOString(),
    profile: content.profile,
    insights: content.insights,
    ...(sections.length > 0 ? { sections } : {}),
    ...(content.codeLabels ? { codeLabels: content.codeLabels } : {}),
  });
  return context.writeArtifact({ name: EDA_ARTIFACTS.report, body: html, contentType: 'text/html; charset=utf-8' });
}

export function fileNameOf(key: string): string {
  return key.split('/').pop() || key;
}
