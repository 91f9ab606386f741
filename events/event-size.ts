import type { EventDraft } from './platform-event.js';

/** EventBridge's limit on one PutEvents entry (and SQS's on a message), in bytes. */
export const MAX_EVENT_BYTES = 1024 * 1024;

/**
 * What a step may hand to the next in its record (summary and artifact references): with a
 * journey's dozen steps carried in every later event, this keeps any event well under the limit
 * whatever a step produces. A step with more to say writes an artifact.
 */
export const MAX_STEP_RECORD_BYTES = 32 * 1024;

/** An entry's size as EventBridge counts it: source, detail-type, detail and resources in UTF-8, plus 14 for the time. */
export function eventEntryBytes(draft: Pick<EventDraft, 'source' | 'detailType' | 'detail' | 'resources'>): number {
  const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;
  return 14 + utf8(draft.source) + utf8(draft.detailType) + utf8(JSON.stringify(draft.detail)) + (draft.resources ?? []).reduce((sum, r) => sum + utf8(r), 0);
}

/** The JSON size of a value, for naming what made a record too big. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').byteLength;
}
