import type { AcceptedUpload } from '../platform-host.js';

const MAX_REMEMBERED = 10_000;

/**
 * Uploads answered 202 whose journey has not published its first event yet, so polling their
 * Location finds "accepted" rather than "not found". Bounded: the oldest are forgotten first.
 */
export class AcceptedUploads {
  private readonly uploads = new Map<string, AcceptedUpload>();

  remember(upload: AcceptedUpload): void {
    if (!upload.journeyId) return;
    if (this.uploads.size >= MAX_REMEMBERED) this.uploads.delete(this.uploads.keys().next().value!);
    this.uploads.set(upload.journeyId, upload);
  }

  get(journeyId: string): AcceptedUpload | undefined {
    return this.uploads.get(journeyId);
  }

  forget(journeyId: string): void {
    this.uploads.delete(journeyId);
  }
}

/** The 202 body: where the object went and where to follow its journey. */
export function acceptedBody(upload: AcceptedUpload) {
  return {
    journeyId: upload.journeyId,
    status: 'accepted',
    bucket: upload.bucket,
    key: upload.key,
    ...(upload.versionId ? { versionId: upload.versionId } : {}),
    location: upload.journeyId ? `/journeys/${upload.journeyId}` : null,
  };
}
