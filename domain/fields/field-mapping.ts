import type { FieldKind } from './field-spec.js';
import type { InstantEncoding, Unit } from './units.js';

/** The artifact the first step of a journey writes: which column became which field, and why. */
export const FIELD_MAPPING_ARTIFACT = 'column-mapping.json';

/** How a column was matched to its field, strongest first. */
export type MatchRule = 'declared' | 'name' | 'name-with-unit' | 'contains-name';

export interface ResolvedField {
  field: string;
  kind: FieldKind;
  column: string;
  /** Position of the column in the file's header, 0-based. */
  index: number;
  rule: MatchRule;
  /** The rule in words: `column "lat" is a synonym of latitude`. */
  because: string;
  /** For quantities: the column's unit, the field's unit and the factor between them. */
  unit?: { from: Unit; to: Unit; factor: number; source: 'declared' | 'name' | 'assumed' };
  /** For instants: how the column writes them. */
  encoding?: { name: InstantEncoding; source: 'declared' | 'content'; evidence: string };
  /** Sampled values that had the field's shape, out of those checked. */
  content: { checked: number; fitting: number };
}

export interface FieldMapping {
  useCase: string;
  /** Where declared entries came from (metadata, a mapping file), in the order applied. */
  declaredBy: string[];
  fields: ResolvedField[];
  /** Optional fields no column matched, and what the journey does without each. */
  absent: { field: string; description: string; withoutIt: string }[];
  /** Columns no field took; kept in the report so nobody wonders where they went. */
  unmapped: string[];
  /** Fields more than one column fitted equally well: which was chosen and why. */
  ambiguities: { field: string; chosen: string; alsoFitting: string[]; reason: string }[];
  /** Columns a name matched but whose values did not fit, so they were passed over. */
  passedOver: { field: string; column: string; reason: string }[];
}

/** The resolved column of a field, or undefined when the file has none. */
export function fieldColumn(mapping: FieldMapping, field: string): ResolvedField | undefined {
  return mapping.fields.find((f) => f.field === field);
}
