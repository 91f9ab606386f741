import type { z } from 'zod';
import { type EventBridgeEnvelope, type EventDraft } from './platform-event.js';

/** A versioned event contract: the schema is both the runtime check and the TypeScript type. */
export interface EventContract<Schema extends z.ZodType> {
  readonly source: string;
  readonly detailType: string;
  readonly version: number;
  readonly detail: Schema;
  /** Build the draft a producer publishes; validates so a producer can never emit a malformed event. */
  draft(detail: z.input<Schema>): EventDraft<z.output<Schema>>;
  /** True when the envelope is this contract's event (source and detail-type). */
  describes(envelope: Pick<EventBridgeEnvelope, 'source' | 'detail-type'>): boolean;
  /** Parse an envelope's detail, throwing a readable error when it breaks the contract. */
  parseDetail(envelope: EventBridgeEnvelope): z.output<Schema>;
}

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly detailType: string,
    readonly issues: string[],
  ) {
    super(`event "${detailType}" breaks its contract: ${issues.join('; ')}`);
  }
}

export function defineEvent<Schema extends z.ZodType>(spec: { source: string; detailType: string; version: number; detail: Schema }): EventContract<Schema> {
  const parse = (value: unknown): z.output<Schema> => {
    const result = spec.detail.safeParse(value);
    if (!result.success) {
      throw new ContractViolationError(
        spec.detailType,
        result.error.issues.map((issue) => `${issue.path.join('.') || '(detail)'}: ${issue.message}`),
      );
    }
    return result.data;
  };
  return {
    ...spec,
    draft: (detail) => ({ source: spec.source, detailType: spec.detailType, detail: parse(detail) }),
    describes: (envelope) => envelope.source === spec.source && envelope['detail-type'] === spec.detailType,
    parseDetail: (envelope) => {
      if (envelope.source !== spec.source || envelope['detail-type'] !== spec.detailType) {
        throw new ContractViolationError(spec.detailType, [`expected ${spec.source}/${spec.detailType}, got ${envelope.source}/${envelope['detail-type']}`]);
      }
      return parse(envelope.detail);
    },
  };
}
