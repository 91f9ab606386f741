import type { StepContext } from '#domain/journeys/step-definition.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import type { InsuranceRecord } from './insurance-record.js';

/**
 * The validated records validate_legacy_data wrote, read back as a stream one chunk's worth at a
 * time: every later step of the journey passes over them in bounded memory, whatever the upload's size.
 */
export async function* recordBatches(context: Pick<StepContext, 'streamArtifact'>): AsyncGenerator<InsuranceRecord[]> {
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

function parseLines(text: string): InsuranceRecord[] {
  const records: InsuranceRecord[] = [];
  for (const line of text.split('\n')) if (line !== '') records.push(JSON.parse(line) as InsuranceRecord);
  return records;
}
