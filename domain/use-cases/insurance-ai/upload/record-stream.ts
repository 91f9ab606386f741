import type { StepContext } from '#domain/journeys/step-definition.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import type { InsuranceRecord } from './insurance-record.js';

/** A chunk's records and, at the same index, the NDJSON line each was parsed from. */
export interface RecordLines {
  records: InsuranceRecord[];
  lines: string[];
}

/**
 * The validated records validate_legacy_data wrote, read back as a stream one chunk's worth at a
 * time: every later step of the journey passes over them in bounded memory, whatever the upload's size.
 */
export async function* recordBatches(context: Pick<StepContext, 'streamArtifact'>): AsyncGenerator<InsuranceRecord[]> {
  for await (const batch of recordLineBatches(context)) yield batch.records;
}

/**
 * The records with their lines: a step that writes a record unchanged writes its line, which is
 * what serialising the parsed record again would give (the lines were written by JSON.stringify).
 */
export async function* recordLineBatches(context: Pick<StepContext, 'streamArtifact'>): AsyncGenerator<RecordLines> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of await context.streamArtifact(INSURANCE_ARTIFACTS.normalizedRecords)) {
    pending += decoder.decode(chunk, { stream: true });
    const end = pending.lastIndexOf('\n');
    if (end === -1) continue;
    yield parseLines(pending.slice(0, end));
    pending = pending.slice(end + 1);
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield parseLines(pending);
}

function parseLines(text: string): RecordLines {
  const lines = text.split('\n').filter((line) => line !== '');
  return { records: lines.map((line) => JSON.parse(line) as InsuranceRecord), lines };
}
