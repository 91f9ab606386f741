import type { DatasetProfile } from '#domain/profiling/profile-types.js';

/** Two columns go missing together when the rows missing both are at least this share of the rows missing either. */
export const TOGETHER_OVERLAP = 0.9;

export interface MissingGroup {
  columns: string[];
  /** Rows missing each column of the group. */
  missing: number[];
  /** The fewest rows missing any two of the group's columns at once: a floor on "missing together". */
  together: number;
}

/**
 * Columns that go missing in the same rows, as groups: four columns empty on the same lines are
 * one fact, not six pairs. Built from the profile's pairwise counts, joining any two columns whose
 * missing rows overlap by {@link TOGETHER_OVERLAP}; `among` limits it to some columns.
 */
export function missingTogetherGroups(profile: DatasetProfile, among?: ReadonlySet<string>): MissingGroup[] {
  const missingOf = new Map(profile.columns.map((c) => [c.name, c.nulls + c.emptyStrings]));
  const parent = new Map<string, string>();
  const root = (name: string): string => {
    let at = name;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(name, at);
    return at;
  };
  const strong = profile.missingCooccurrence.filter((p) => {
    if (among && (!among.has(p.a) || !among.has(p.b))) return false;
    const larger = Math.max(missingOf.get(p.a) ?? 0, missingOf.get(p.b) ?? 0);
    return p.bothMissing > 0 && p.bothMissing >= TOGETHER_OVERLAP * larger;
  });
  for (const p of strong) {
    for (const name of [p.a, p.b]) if (!parent.has(name)) parent.set(name, name);
    const [ra, rb] = [root(p.a), root(p.b)];
    if (ra !== rb) parent.set(rb, ra);
  }
  const order = profile.columns.map((c) => c.name);
  const members = new Map<string, string[]>();
  for (const name of order) if (parent.has(name)) members.set(root(name), [...(members.get(root(name)) ?? []), name]);
  return [...members.values()].map((columns) => {
    const inGroup = new Set(columns);
    const pairs = profile.missingCooccurrence.filter((p) => inGroup.has(p.a) && inGroup.has(p.b));
    return { columns, missing: columns.map((c) => missingOf.get(c) ?? 0), together: Math.min(...pairs.map((p) => p.bothMissing)) };
  });
}
