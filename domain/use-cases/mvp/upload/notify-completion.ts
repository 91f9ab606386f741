import { NOTIFICATION_ARTIFACT } from '#domain/delivery/notification.js';
import type { StepDefinition } from '#domain/journeys/step-definition.js';
import { SMALL_STEP_POLICY } from '#domain/journeys/step-policy.js';
import { MVP_ARTIFACTS } from '../names.js';
import { describeColumnTypes, describeEmptyColumns } from './column-descriptions.js';
import type { ValidationReport } from './validation-report.js';
import type { CuratedManifest } from './curated-manifest.js';
import { composeCompletionNotice } from './compose-notice.js';
import { fileNameOf } from './object-keys.js';

/** The notification artifact the delivery manager sends once the journey completes. */
export interface NotificationDocument {
  subject: string;
  message: string;
  /** Left empty: the delivery manager decides who is told. */
  recipients: string[];
  journeyId: string;
}

/**
 * Composes the completion notice from the curated manifest, the record of what was actually
 * stored. Sending is the delivery manager's job, after the journey completes, so a person is
 * never told about a journey that then fails.
 */
export const notifyCompletion: StepDefinition = {
  name: 'notify_completion',
  policy: SMALL_STEP_POLICY,
  description: 'Composes the completion notification (rows, columns and types, curated location, warnings) for the delivery manager to send.',
  async run(context) {
    const manifest = await context.readArtifactJson<CuratedManifest>(MVP_ARTIFACTS.curatedManifest);
    const validation = await context.readArtifactJson<ValidationReport>(MVP_ARTIFACTS.validationReport);
    const notice = composeCompletionNotice({
      fileName: fileNameOf(context.input.key),
      rows: manifest.rows,
      columns: manifest.schema.length,
      columnTypes: describeColumnTypes(manifest.schema),
      emptyColumns: describeEmptyColumns(manifest.schema),
      formulaLikeCells: validation.formulaLikeCells?.count ?? 0,
      curatedLocation: `s3://${manifest.curated.bucket}/${manifest.curated.key}`,
    });
    const notification: NotificationDocument = { subject: notice.subject, message: notice.message, recipients: [], journeyId: context.journeyId };
    await context.writeJsonArtifact(NOTIFICATION_ARTIFACT, notification);
    return { summary: { subject: notice.subject, emptyColumns: manifest.schema.filter((column) => column.type === 'empty').length } };
  },
};
