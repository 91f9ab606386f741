import { z } from 'zod';
import { defineEvent } from './define-event.js';

/**
 * S3's `Object Created` event as S3 sends it to EventBridge's default bus when the bucket has
 * EventBridge notifications on. The object key arrives URL-encoded (form encoding: a space is `+`),
 * so consumers decode it with {@link decodeS3EventKey}.
 */
export const S3ObjectCreated = defineEvent({
  source: 'aws.s3',
  detailType: 'Object Created',
  version: 0,
  detail: z.object({
    version: z.string(),
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
    'request-id': z.string(),
    requester: z.string(),
    'source-ip-address': z.string().optional(),
    reason: z.string().optional(),
  }),
});
export type S3ObjectCreatedDetail = z.output<typeof S3ObjectCreated.detail>;

/** S3 form-encodes keys in event notifications: `+` is a space, `%2B` a plus. */
export function decodeS3EventKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
