import { createHash } from 'node:crypto';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { journeyIdForFollowOn } from '#domain/journeys/journey-id.js';
import { putUpload, waitForUploadOutcome, type CloudUpload } from '#local/cloud/cloud-upload.js';
import { recordedEvents, recordedJourney, recordedJourneyIds } from '#local/stage/recorded-journeys.js';
import type { CloudStage } from '#local/cloud/cloud-stage.js';

/** Polls a condition on the stage until it holds: tests wait for outcomes, never a fixed time. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, pollMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Uploads as a user would (S3 PutObject) and waits until the journey has ended and been delivered. */
export async function uploadAndWait(
  stage: CloudStage,
  request: { key: string; body: string | Uint8Array; metadata?: Record<string, string> },
  timeoutMs = 120_000,
): Promise<{ upload: CloudUpload; view: JourneyView }> {
  const before = new Set(await recordedJourneyIds(stage));
  const body = typeof request.body === 'string' ? new TextEncoder().encode(request.body) : request.body;
  const upload = await putUpload(stage, { body, key: request.key, metadata: request.metadata ?? {} });
  const view = await waitForUploadOutcome(stage, upload, before, { timeoutMs });
  return { upload, view };
}

/** The journeys a delivered journey started (follow-ons, ids derived from it), once each has been delivered. */
export async function followOnsOf(stage: CloudStage, view: JourneyView, timeoutMs = 120_000): Promise<JourneyView[]> {
  return Promise.all(
    (view.delivery?.followOn ?? []).map((journey) => {
      const id = journeyIdForFollowOn(view.journeyId, journey);
      return eventually(
        `follow-on journey ${journey} (${id}) of ${view.journeyId}`,
        async () => {
          const child = await recordedJourney(stage, id);
          return child && child.status !== 'running' && child.delivery ? child : undefined;
        },
        timeoutMs,
      );
    }),
  );
}

export async function recordedEventsOf(stage: CloudStage, journeyId: string): Promise<EventBridgeEnvelope[]> {
  return recordedEvents(stage, journeyId);
}

export function sha256(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}
