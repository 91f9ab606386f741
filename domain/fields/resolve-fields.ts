import { containsTokens, nameSimilarity, normalizeColumnName } from './column-name.js';
import { contentFit, fits, mostlyFits } from './content-checks.js';
import type { DeclaredEntry } from './declared-mapping.js';
import type { FieldSet, FieldSpec } from './field-spec.js';
import type { FieldMapping, MatchRule, ResolvedField } from './field-mapping.js';
import { detectInstantEncoding } from './instant.js';
import { withholdEmbedded } from '#domain/profiling/personal-data.js';
import { conversionFactor, INSTANT_ENCODINGS, isInstantEncoding, UNITS, unitByName, unitsLike, type InstantEncoding, type Unit } from './units.js';

/** What the resolver sees of a file: its header and a few hundred values per column. */
export interface ColumnEvidence {
  columns: readonly string[];
  /** The first non-empty values of column `index`, as written. */
  sample(index: number): readonly string[];
}

export interface MissingField {
  field: string;
  description: string;
  /** Columns nearest by name, or passed over for their content, best first. */
  closest: string[];
  /** Why it is needed: "required", or the reason of a requireOneOf group. */
  why: string;
}

export type Resolution =
  | { ok: true; mapping: FieldMapping }
  | { ok: false; code: 'invalid_column_map'; problems: string[] }
  | { ok: false; code: 'missing_fields'; missing: MissingField[]; mapping: FieldMapping };

const RANK: Record<MatchRule, number> = { declared: 0, name: 1, 'name-with-unit': 2, 'contains-name': 3 };

interface Candidate {
  spec: FieldSpec;
  fieldOrder: number;
  index: number;
  rule: MatchRule;
  because: string;
  suffix?: string;
  fitRatio: number;
  fit: { checked: number; fitting: number };
  /** Named for the field but with too many misfitting values: taken only when nothing else fits. */
  weak: boolean;
}

/**
 * Maps a file's columns to a use case's fields. Declared entries win outright; then each column
 * is matched by name (a synonym, a synonym with a unit suffix, a name containing a synonym) and
 * confirmed by its values. Pairs are taken strongest first (rule, then content fit, then field
 * order, then column order), one column per field, so the outcome never depends on chance; a
 * field that two columns fitted equally is reported with the one chosen.
 */
export function resolveFields(fieldSet: FieldSet, evidence: ColumnEvidence, declared: readonly DeclaredEntry[] = []): Resolution {
  const normalized = evidence.columns.map(normalizeColumnName);
  const problems: string[] = [];
  const taken = new Map<number, string>();
  const chosen = new Map<string, ResolvedField>();
  const passedOver: FieldMapping['passedOver'] = [];

  for (const entry of declared) {
    const spec = fieldSet.fields.find((f) => f.name === entry.field);
    if (!spec) {
      problems.push(`${entry.source}: "${entry.field}" is not a field of ${fieldSet.useCase} (fields: ${fieldSet.fields.map((f) => f.name).join(', ')})`);
      continue;
    }
    const index = findDeclaredColumn(evidence.columns, normalized, entry.column);
    if (index === undefined) {
      problems.push(`${entry.source}: ${entry.field}=${entry.column}: the file has no column "${entry.column}" (columns: ${evidence.columns.join(', ')})`);
      continue;
    }
    if (taken.has(index)) {
      problems.push(`${entry.source}: column "${evidence.columns[index]}" is declared for both ${taken.get(index)} and ${entry.field}`);
      continue;
    }
    const resolved = resolveCandidate(
      spec,
      index,
      evidence,
      'declared',
      `declared ${entry.field}=${entry.column} (${entry.source})`,
      unitSuffixOf(spec, normalized[index]!)?.suffix,
      entry.unit,
      problems,
      entry.source,
    );
    if (!resolved) continue;
    taken.set(index, spec.name);
    chosen.set(spec.name, resolved);
  }
  if (problems.length > 0) return { ok: false, code: 'invalid_column_map', problems };

  const candidates: Candidate[] = [];
  fieldSet.fields.forEach((spec, fieldOrder) => {
    if (chosen.has(spec.name)) return;
    normalized.forEach((name, index) => {
      if (taken.has(index)) return;
      const match = matchByName(spec, name);
      if (!match) return;
      const fit = contentFit(spec, evidence.sample(index));
      const weak = !fits(fit);
      if (weak) {
        passedOver.push({
          field: spec.name,
          column: evidence.columns[index]!,
          reason: `its name fits ${spec.name} but ${fit.checked - fit.fitting} of ${fit.checked} sampled values do not (e.g. ${quotableMisfit(spec, fit.firstMisfit)})`,
        });
        if (match.rule === 'contains-name' || !mostlyFits(fit)) return;
      }
      candidates.push({ spec, fieldOrder, index, ...match, fitRatio: fit.checked === 0 ? 0 : fit.fitting / fit.checked, fit, weak });
    });
  });
  candidates.sort(
    (a, b) => Number(a.weak) - Number(b.weak) || RANK[a.rule] - RANK[b.rule] || b.fitRatio - a.fitRatio || a.fieldOrder - b.fieldOrder || a.index - b.index,
  );

  const ambiguities: FieldMapping['ambiguities'] = [];
  for (const candidate of candidates) {
    if (chosen.has(candidate.spec.name) || taken.has(candidate.index)) continue;
    const resolved = resolveCandidate(
      candidate.spec,
      candidate.index,
      evidence,
      candidate.rule,
      candidate.because,
      candidate.suffix,
      undefined,
      problems,
      'the file',
    );
    if (!resolved) continue;
    taken.set(candidate.index, candidate.spec.name);
    chosen.set(candidate.spec.name, resolved);
    const rivals = candidates.filter(
      (c) => c.spec === candidate.spec && c !== candidate && RANK[c.rule] === RANK[candidate.rule] && c.fitRatio === candidate.fitRatio && !taken.has(c.index),
    );
    if (rivals.length > 0) {
      ambiguities.push({
        field: candidate.spec.name,
        chosen: evidence.columns[candidate.index]!,
        alsoFitting: rivals.map((r) => evidence.columns[r.index]!),
        reason: `equally good matches by name and content; the first in the file was taken. Declare ${candidate.spec.name}=<column> to choose another`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, code: 'invalid_column_map', problems };

  const fields = fieldSet.fields.map((f) => chosen.get(f.name)).filter((f): f is ResolvedField => f !== undefined);
  const mapping: FieldMapping = {
    useCase: fieldSet.useCase,
    declaredBy: [...new Set(declared.map((d) => d.source))],
    fields,
    absent: fieldSet.fields
      .filter((f) => !f.required && !chosen.has(f.name))
      .map((f) => ({ field: f.name, description: f.description, withoutIt: f.withoutIt ?? 'left out' })),
    unmapped: evidence.columns.filter((_, index) => !taken.has(index)),
    ambiguities,
    passedOver: passedOver.filter((p) => chosen.get(p.field)?.column !== p.column),
  };

  const missing = missingFields(fieldSet, chosen, evidence, normalized, taken, passedOver);
  if (missing.length > 0) return { ok: false, code: 'missing_fields', missing, mapping };
  return { ok: true, mapping };
}

function findDeclaredColumn(columns: readonly string[], normalized: readonly string[], wanted: string): number | undefined {
  const exact = columns.indexOf(wanted);
  if (exact >= 0) return exact;
  const trimmed = columns.findIndex((c) => c.trim() === wanted.trim());
  if (trimmed >= 0) return trimmed;
  const loose = normalized.indexOf(normalizeColumnName(wanted));
  return loose >= 0 ? loose : undefined;
}

function namesOf(spec: FieldSpec): string[] {
  return [spec.name, ...spec.synonyms];
}

/** A unit or time-encoding suffix at the end of a normalised name: `speed_mph` -> `mph`. */
function unitSuffixOf(spec: FieldSpec, name: string): { suffix: string; base: string } | undefined {
  const suffixes: string[] =
    spec.kind === 'instant'
      ? Object.values(INSTANT_ENCODINGS).flatMap((e) => [...e.suffixes])
      : spec.unit
        ? unitsLike(spec.unit).flatMap((u) => [...UNITS[u].suffixes])
        : [];
  const found = suffixes.filter((s) => name.endsWith(`_${s}`) && name.length > s.length + 1).sort((a, b) => b.length - a.length)[0];
  return found === undefined ? undefined : { suffix: found, base: name.slice(0, -(found.length + 1)) };
}

function matchByName(spec: FieldSpec, name: string): { rule: MatchRule; because: string; suffix?: string } | undefined {
  const names = namesOf(spec);
  const withUnit = unitSuffixOf(spec, name);
  if (names.includes(name))
    return {
      rule: 'name',
      because: `column name "${name}" is ${name === spec.name ? 'the field name' : `a synonym of ${spec.name}`}`,
      ...(withUnit ? { suffix: withUnit.suffix } : {}),
    };
  // Report writers and COBOL copybooks run words together (`CLMAMT`, `POLNO`): compared without separators too.
  const compact = name.replaceAll('_', '');
  const runTogether = names.find((n) => n.length >= 4 && n.replaceAll('_', '') === compact);
  if (runTogether)
    return {
      rule: 'name',
      because: `column name "${name}" is "${runTogether}" written without separators, ${runTogether === spec.name ? 'the field name' : `a synonym of ${spec.name}`}`,
      ...(withUnit ? { suffix: withUnit.suffix } : {}),
    };
  if (withUnit && names.includes(withUnit.base)) {
    return { rule: 'name-with-unit', because: `"${withUnit.base}" is a synonym of ${spec.name}, "_${withUnit.suffix}" its unit`, suffix: withUnit.suffix };
  }
  // Short synonyms (`lat`, `id`) only count as whole names: inside longer names they mean too many things.
  const inside = names.find((n) => n.length >= 4 && (containsTokens(name, n) || (withUnit !== undefined && containsTokens(withUnit.base, n))));
  if (inside)
    return {
      rule: 'contains-name',
      because: `the name "${name}" contains "${inside}", a synonym of ${spec.name}`,
      ...(withUnit ? { suffix: withUnit.suffix } : {}),
    };
  return undefined;
}

function resolveCandidate(
  spec: FieldSpec,
  index: number,
  evidence: ColumnEvidence,
  rule: MatchRule,
  because: string,
  suffix: string | undefined,
  declaredUnit: string | undefined,
  problems: string[],
  source: string,
): ResolvedField | undefined {
  const sample = evidence.sample(index);
  const fit = contentFit(spec, sample);
  const base: ResolvedField = {
    field: spec.name,
    kind: spec.kind,
    column: evidence.columns[index]!,
    index,
    rule,
    because,
    content: { checked: fit.checked, fitting: fit.fitting },
  };
  if (spec.kind === 'instant') {
    let hint: InstantEncoding | undefined;
    if (declaredUnit !== undefined) {
      if (!isInstantEncoding(declaredUnit)) {
        problems.push(`${source}: ${spec.name}: "${declaredUnit}" is not a time encoding (accepted: ${Object.keys(INSTANT_ENCODINGS).join(', ')})`);
        return undefined;
      }
      hint = declaredUnit;
    }
    const fromName =
      suffix !== undefined
        ? (Object.entries(INSTANT_ENCODINGS).find(([, e]) => (e.suffixes as readonly string[]).includes(suffix))?.[0] as InstantEncoding | undefined)
        : undefined;
    const detected = detectInstantEncoding(sample, hint ?? fromName);
    if (hint !== undefined) {
      if (detected && detected.encoding !== hint && !(['dmy', 'mdy'].includes(hint) && ['dmy', 'mdy'].includes(detected.encoding))) {
        problems.push(`${source}: ${spec.name}=${base.column}:${hint}, but its values read as ${detected.evidence}`);
        return undefined;
      }
      return { ...base, encoding: { name: hint, source: 'declared', evidence: `declared :${hint}` } };
    }
    // Undetectable columns are kept with ISO assumed: validation then names each unreadable value.
    return {
      ...base,
      encoding: detected
        ? { name: detected.encoding, source: 'content', evidence: detected.evidence }
        : { name: 'iso', source: 'content', evidence: 'no single encoding reads every sampled value; ISO 8601 expected' },
    };
  }
  if (!spec.unit) return base;
  const target: Unit = spec.unit;
  let from: Unit | undefined;
  let unitSource: 'declared' | 'name' | 'assumed' = 'assumed';
  if (declaredUnit !== undefined) {
    from = unitByName(declaredUnit, target);
    if (!from) {
      problems.push(`${source}: ${spec.name}: "${declaredUnit}" is not a unit of ${UNITS[target].quantity} (accepted: ${unitsLike(target).join(', ')})`);
      return undefined;
    }
    unitSource = 'declared';
  } else if (suffix !== undefined) {
    from = unitByName(suffix, target);
    if (from) unitSource = 'name';
  }
  from ??= target;
  return { ...base, unit: { from, to: target, factor: conversionFactor(from, target), source: unitSource } };
}

function missingFields(
  fieldSet: FieldSet,
  chosen: ReadonlyMap<string, ResolvedField>,
  evidence: ColumnEvidence,
  normalized: readonly string[],
  taken: ReadonlyMap<number, string>,
  passedOver: FieldMapping['passedOver'],
): MissingField[] {
  // Each missing field's first suggestion is a column no other missing field was offered first,
  // so the one-line fix maps distinct columns.
  const offered = new Set<string>();
  const describe = (spec: FieldSpec, why: string): MissingField => {
    const closest = closestColumns(spec, evidence, normalized, taken, passedOver);
    const first = closest.find((c) => !offered.has(c));
    if (first !== undefined) offered.add(first);
    return { field: spec.name, description: spec.description, why, closest: first === undefined ? closest : [first, ...closest.filter((c) => c !== first)] };
  };
  const missing = fieldSet.fields.filter((f) => f.required && !chosen.has(f.name)).map((f) => describe(f, 'required'));
  for (const rule of fieldSet.requireOneOf ?? []) {
    if (rule.groups.some((group) => group.every((name) => chosen.has(name)))) continue;
    const lacking = [...new Set(rule.groups.flat())].filter((name) => !chosen.has(name));
    for (const name of lacking) {
      const spec = fieldSet.fields.find((f) => f.name === name)!;
      if (!missing.some((m) => m.field === name)) missing.push(describe(spec, rule.reason));
    }
  }
  return missing;
}

/** Kinds whose values say what they are; a number could be anything. */
const TELLING_KINDS = new Set<FieldSpec['kind']>(['instant', 'date', 'latitude', 'longitude', 'email', 'phone', 'national_id']);

/**
 * Columns the user may have meant, best first: those whose name matched but values did not,
 * then free columns whose values fit, scored by name likeness, shared name parts, a unit suffix
 * of the field's quantity (`v_mph` for a speed) and values of a telling shape.
 */
function closestColumns(
  spec: FieldSpec,
  evidence: ColumnEvidence,
  normalized: readonly string[],
  taken: ReadonlyMap<number, string>,
  passedOver: FieldMapping['passedOver'],
): string[] {
  const byContent = passedOver.filter((p) => p.field === spec.name).map((p) => p.column);
  const names = namesOf(spec);
  const scored = normalized.flatMap((name, index) => {
    if (taken.has(index) || byContent.includes(evidence.columns[index]!)) return [];
    const fit = contentFit(spec, evidence.sample(index));
    if (fit.checked > 0 && !fits(fit)) return [];
    const likeness = Math.max(...names.map((n) => Math.max(nameSimilarity(name, n), sharedParts(name, n))));
    const unitHint = spec.kind !== 'instant' && spec.unit !== undefined && unitSuffixOf(spec, name) !== undefined ? 1 : 0;
    const telling = fit.checked > 0 && TELLING_KINDS.has(spec.kind) ? 0.5 : 0;
    if (likeness < 0.4 && unitHint === 0 && telling === 0) return [];
    return [{ index, score: likeness + unitHint + telling }];
  });
  const byName = scored.sort((a, b) => b.score - a.score || a.index - b.index).map((c) => evidence.columns[c.index]!);
  return [...byContent, ...byName].slice(0, 3);
}

/** The share of name parts two names have in common: `a_long` and `long_accel` share half. */
function sharedParts(a: string, b: string): number {
  const partsA = a.split('_').filter((p) => p.length >= 2);
  const partsB = new Set(b.split('_').filter((p) => p.length >= 2));
  if (partsA.length === 0 || partsB.size === 0) return 0;
  return partsA.filter((p) => partsB.has(p)).length / Math.max(partsA.length, partsB.size);
}

/** Kinds whose values are someone's personal data: a mapping report names their shape, never a value. */
const PERSONAL_KINDS: ReadonlySet<FieldSpec['kind']> = new Set(['text', 'email', 'phone', 'national_id']);

/**
 * The misfit quoted in a passed-over reason. The mapping is an artifact any reader of the journey
 * sees, so a value of a personal field is described rather than quoted, and any e-mail, phone or
 * national id inside another value is withheld.
 */
function quotableMisfit(spec: FieldSpec, value: string | undefined): string {
  if (value === undefined) return 'none';
  if (PERSONAL_KINDS.has(spec.kind)) return `a value of ${[...value].length} characters, not quoted as it may be personal data`;
  return JSON.stringify(withholdEmbedded(value));
}
