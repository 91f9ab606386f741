import { describeReading, FIELD_MAPPING_ARTIFACT, type FieldMapping } from '#domain/fields/index.js';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import type { ObjectStore } from '#domain/ports/object-store.js';

/** The column mapping the journey's first step resolved, when it wrote one. */
export async function columnMappingOf(view: JourneyView, store: ObjectStore): Promise<FieldMapping | undefined> {
  const ref = view.artifacts.find((a) => a.name === FIELD_MAPPING_ARTIFACT);
  if (!ref) return undefined;
  const object = await store.get(ref.bucket, ref.key);
  if (!object) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(object.body)) as FieldMapping;
  } catch {
    return undefined;
  }
}

/** Which column became which field, by which rule and unit, for the readable `show`. */
export function formatColumnMapping(mapping: FieldMapping): string[] {
  const lines = [`  columns  ${mapping.declaredBy.length ? `declared by ${mapping.declaredBy.join(', ')}; ` : ''}${mapping.fields.length} field(s) mapped`];
  const width = Math.max(...mapping.fields.map((f) => f.field.length), 8);
  for (const f of mapping.fields) lines.push(`           ${f.field.padEnd(width)} ← ${JSON.stringify(f.column)}  ${describeReading(f)}  (${f.rule})`);
  for (const a of mapping.absent) lines.push(`           ${a.field.padEnd(width)} ✗ absent: ${a.withoutIt}`);
  for (const a of mapping.ambiguities)
    lines.push(
      `           ambiguous ${a.field}: chose ${JSON.stringify(a.chosen)} over ${a.alsoFitting.map((c) => JSON.stringify(c)).join(', ')}; ${a.reason}`,
    );
  for (const p of mapping.passedOver) lines.push(`           passed over ${JSON.stringify(p.column)} for ${p.field}: ${p.reason}`);
  if (mapping.unmapped.length) lines.push(`           unmapped: ${mapping.unmapped.join(', ')}`);
  return lines;
}
