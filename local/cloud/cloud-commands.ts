/**
 * The CLI's commands against a deployed stage (`--endpoint` / `--stage`): the same output as on
 * the embedded runtime, read from the stage's journey record instead of a local journal.
 */
import { CommandError, ExitCode } from '#local/command-errors/command-error.js';
import { formatJourney, journeyReport, printJourney } from '#local/journey-views/journey-report.js';
import { ProgressLine } from '#local/terminal/progress-line.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { CloudTarget } from '#local/stage/cloud-target.js';
import { CloudStageError, openCloudStage } from './cloud-stage.js';
import { describeProgress, JourneyWaitTimeout, putUpload, waitForUploadOutcome } from './cloud-upload.js';
import { recordedJourney, recordedJourneyIds, recordedJourneys } from '#local/stage/recorded-journeys.js';

/** Default wait for an upload's journey; cold starts on an emulator take a few seconds each. */
export const DEFAULT_UPLOAD_TIMEOUT_SECONDS = 300;

/** Runs `work` on the stage, or prints why the stage cannot be used and answers not-found. */
export async function withStage<T>(target: CloudTarget, work: (stage: Awaited<ReturnType<typeof openCloudStage>>) => Promise<T>): Promise<T | number> {
  try {
    return await work(await openCloudStage(target));
  } catch (error) {
    if (error instanceof CloudStageError) throw new CommandError('stage_not_found', error.message, ExitCode.notFound);
    throw error;
  }
}

export function cloudUpload(
  target: CloudTarget,
  request: { body: Uint8Array | AsyncIterable<Uint8Array>; key: string; metadata: Record<string, string>; json: boolean; timeoutSeconds: number },
): Promise<number> {
  return withStage(target, async (stage) => {
    const before = new Set(await recordedJourneyIds(stage));
    const upload = await putUpload(stage, request);
    const progress = new ProgressLine();
    progress.update(`uploaded s3://${upload.bucket}/${upload.key}; waiting for its journey`);
    let view: JourneyView;
    try {
      view = await waitForUploadOutcome(stage, upload, before, {
        timeoutMs: request.timeoutSeconds * 1000,
        onProgress: (seen, elapsed) => progress.update(describeProgress(seen, elapsed)),
      });
    } catch (error) {
      progress.done();
      if (!(error instanceof JourneyWaitTimeout)) throw error;
      console.error(`s3://${upload.bucket}/${upload.key}: ${error.message} (symphainy journeys --stage ${target.stage} shows it later)`);
      if (error.lastSeen) console.log(request.json ? JSON.stringify(journeyReport(error.lastSeen), null, 2) : formatJourney(error.lastSeen));
      return ExitCode.notOk;
    }
    progress.done();
    await printJourney(view, stage.store, request.json);
    return view.status === 'completed' ? ExitCode.ok : ExitCode.notOk;
  });
}

/** Stores an object without waiting for a journey: for files that configure journeys rather than start one. */
export function cloudPut(target: CloudTarget, request: { body: Uint8Array; key: string }): Promise<{ bucket: string; key: string } | number> {
  return withStage(target, (stage) => putUpload(stage, { ...request, metadata: {} }));
}

export function cloudJourneys(target: CloudTarget): Promise<JourneyView[] | number> {
  return withStage(target, (stage) => recordedJourneys(stage));
}

export function cloudShow(target: CloudTarget, journeyId: string, json: boolean): Promise<number> {
  return withStage(target, async (stage) => {
    const view = await recordedJourney(stage, journeyId);
    if (!view) {
      const similar = (await recordedJourneyIds(stage)).filter((id) => id.startsWith(journeyId.slice(0, 4)));
      throw new CommandError(
        'journey_not_found',
        `no journey ${journeyId} recorded in s3://${stage.artifactBucket}/journeys/${similar.length ? `; similar: ${similar.slice(0, 5).join(', ')}` : ''}`,
        ExitCode.notFound,
      );
    }
    await printJourney(view, stage.store, json);
    return ExitCode.ok;
  });
}
