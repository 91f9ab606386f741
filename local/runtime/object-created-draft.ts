import type { EventDraft } from '#events/platform-event.js';
import { encodeS3EventKey, S3ObjectCreated } from '#events/s3-object-created.js';
import type { ObjectHead } from '#domain/ports/object-store.js';

/** The `Object Created` event S3 sends to the default bus when an object lands, as the embedded store's notification. */
export function objectCreatedDraft(head: ObjectHead, sequencer: string, account: string): EventDraft {
  return {
    source: S3ObjectCreated.source,
    detailType: S3ObjectCreated.detailType,
    resources: [`arn:aws:s3:::${head.bucket}`],
    detail: {
      version: '0',
      bucket: { name: head.bucket },
      object: {
        key: encodeS3EventKey(head.key),
        size: head.size,
        etag: head.etag.replace(/"/g, ''),
        ...(head.versionId ? { 'version-id': head.versionId } : {}),
        sequencer,
      },
      'request-id': sequencer,
      requester: account,
      'source-ip-address': '127.0.0.1',
      reason: 'PutObject',
    },
  };
}
