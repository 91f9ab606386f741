import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { EventBridgeEnvelope } from '#events/platform-event.js';
import { journeyIdForUpload } from '#domain/journeys/journey-id.js';
import { journeyEventsPrefix } from '#domain/journeys/journey-record.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { CloudStage } from './cloud-stage.js';
import { recordedJourney, recordedJourneyIds } from '#local/stage/recorded-journeys.js';

export interface CloudUpload {
  bucket: string;
  key: string;
  etag: string;
  versionId?: string;
}

export class JourneyWaitTimeout extends Error {
  override readonly name = 'JourneyWaitTimeout';
  constructor(
    message: string,
    readonly lastSeen: JourneyView | undefined,
  ) {
    super(message);
  }
}

/** Puts a file into the stage's upload bucket, as `aws s3 cp` would; its Object Created starts the journey. */
export async function putUpload(
  stage: CloudStage,
  request: { body: Uint8Array | AsyncIterable<Uint8Array>; key: string; metadata: Record<string, string> },
): Promise<CloudUpload> {
  const { body } = request;
  // A stream goes up in parts (multipart above 8 MiB), so a file of gigabytes never sits in memory.
  const out =
    body instanceof Uint8Array
      ? await stage.s3.send(new PutObjectCommand({ Bucket: stage.uploadBucket, Key: request.key, Body: body, Metadata: request.metadata }))
      : await stage.store
          .putStream(stage.uploadBucket, request.key, body, { metadata: request.metadata })
          .then((put) => ({ ETag: put.etag, VersionId: put.versionId }));
  return { bucket: stage.uploadBucket, key: request.key, etag: (out.ETag ?? '').replace(/"/g, ''), ...(out.VersionId ? { versionId: out.VersionId } : {}) };
}

/** What a journey's opening event says about where it came from. */
interface Opening {
  input: { bucket: string; key: string; etag?: string; versionId?: string };
  parentJourneyId?: string;
}

/** Opening events never change once recorded, so each journey is read for it once per process. */
const openings = new Map<string, Opening>();

async function openingOf(stage: CloudStage, journeyId: string): Promise<Opening | undefined> {
  const cacheKey = `${stage.artifactBucket}/${journeyId}`;
  const cached = openings.get(cacheKey);
  if (cached) return cached;
  // Keys start with the event time, so the opening event is among the first few.
  for (const head of await stage.store.list(stage.artifactBucket, journeyEventsPrefix(journeyId))) {
    const object = await stage.store.get(stage.artifactBucket, head.key);
    const event = object && (JSON.parse(new TextDecoder().decode(object.body)) as EventBridgeEnvelope);
    if (!event || !OPENING_EVENTS.has(event['detail-type'])) continue;
    const detail = event.detail as Opening;
    const opening: Opening = { input: detail.input, ...(detail.parentJourneyId ? { parentJourneyId: detail.parentJourneyId } : {}) };
    openings.set(cacheKey, opening);
    return opening;
  }
  return undefined;
}

const OPENING_EVENTS = new Set(['Journey Started', 'Upload Rejected']);

/**
 * The journey an upload started. On AWS the id follows from the object version the S3 event
 * names; an emulator that leaves the version out of its event (MiniStack) makes the id depend on
 * the event's sequencer, which the uploader never sees: then the journey is the new one whose
 * opening event names this very object (and no parent: a follow-on reads the same object).
 */
export async function findUploadJourney(stage: CloudStage, upload: CloudUpload, journeysBefore: ReadonlySet<string>): Promise<JourneyView | undefined> {
  if (upload.versionId) {
    const expected = await recordedJourney(stage, journeyIdForUpload(upload));
    if (expected) return expected;
  }
  const fresh = (await recordedJourneyIds(stage)).filter((id) => !journeysBefore.has(id));
  for (const id of fresh) {
    const opening = await openingOf(stage, id);
    const input = opening?.input;
    const sameObject =
      input &&
      input.bucket === upload.bucket &&
      input.key === upload.key &&
      (input.versionId ? input.versionId === upload.versionId : input.etag === upload.etag);
    if (sameObject && !opening.parentJourneyId) return recordedJourney(stage, id);
  }
  return undefined;
}

export interface WaitOptions {
  timeoutMs: number;
  pollMs?: number;
  /** Told what the journey looks like after each look, for a progress line. */
  onProgress?: (view: JourneyView | undefined, elapsedMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

const ENDED = new Set(['completed', 'failed', 'rejected']);

/**
 * The recorder files each event as it arrives from its queue, so a journey's end can be on record
 * before an earlier step's completion (a retried or slower recorder batch). A completed journey is
 * only reported once every step's completion has been recorded too.
 */
function isSettled(view: JourneyView): boolean {
  if (!ENDED.has(view.status) || !view.delivery) return false;
  return view.status !== 'completed' || view.steps.every((step) => step.status === 'completed');
}

/**
 * A failed journey's failing step reports in an event of its own, which the stage records apart
 * from the journey's end: for a poll or two the record can say the journey failed while that step
 * still says requested. The wait gives the step's report this long to arrive, so the view a user
 * gets says which step failed and how; it is bounded because a journey failed past its deadline
 * has a step that will never report.
 */
const STEP_REPORT_GRACE_MS = 15_000;

function awaitsStepReport(view: JourneyView): boolean {
  return view.status === 'failed' && view.steps.some((step) => step.status === 'requested' || step.status === 'retrying');
}

/**
 * Polls the journey record until the journey has ended and its delivery is recorded (so the
 * view carries the notification), or the timeout passes.
 */
export async function waitForUploadOutcome(
  stage: CloudStage,
  upload: CloudUpload,
  journeysBefore: ReadonlySet<string>,
  options: WaitOptions,
): Promise<JourneyView> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  let journeyId: string | undefined;
  let view: JourneyView | undefined;
  let settledAt: number | undefined;
  for (;;) {
    view = journeyId ? await recordedJourney(stage, journeyId) : await findUploadJourney(stage, upload, journeysBefore);
    journeyId ??= view?.journeyId;
    const elapsed = Date.now() - started;
    options.onProgress?.(view, elapsed);
    if (view && isSettled(view)) {
      settledAt ??= elapsed;
      if (!awaitsStepReport(view) || elapsed - settledAt >= STEP_REPORT_GRACE_MS) return view;
    }
    if (elapsed >= options.timeoutMs) {
      const state = view ? `journey ${view.journeyId} is still ${view.status}` : 'no journey has been recorded for it';
      throw new JourneyWaitTimeout(`gave up waiting after ${Math.round(elapsed / 1000)} s: ${state}`, view);
    }
    await sleep(options.pollMs ?? 1000);
  }
}

/** What the progress line says about a journey in flight. */
export function describeProgress(view: JourneyView | undefined, elapsedMs: number): string {
  const seconds = `${Math.round(elapsedMs / 1000)} s`;
  if (!view) return `waiting for the journey to start (${seconds})`;
  const running = view.steps.findIndex((s) => s.status !== 'completed');
  if (ENDED.has(view.status)) return `journey ${view.journeyId} ${view.status}, waiting for its delivery (${seconds})`;
  if (running === -1) return `journey ${view.journeyId}: all steps done (${seconds})`;
  const step = view.steps[running]!;
  const retry = step.status === 'retrying' ? `, retrying after attempt ${step.attempts}` : '';
  return `journey ${view.journeyId}: step ${running + 1}/${view.steps.length} ${step.name}${retry} (${seconds})`;
}
