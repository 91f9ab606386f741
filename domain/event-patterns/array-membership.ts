/**
 * Which element of which array a leaf sits in: flat pairs [arrayId, elementIndex, ...] from the
 * outermost array inward. Only elements that are objects or arrays are recorded; scalars in the
 * same array are interchangeable anyway.
 *
 * event-ruler matches "array-consistently": two leaves used by one sub-rule must not come from
 * different elements of the same array. So {"items": [{"a": 1}, {"b": 2}]} does not match
 * {"items": {"a": [1], "b": [2]}}, while {"items": [{"a": 1, "b": 2}]} does.
 */
export type Membership = readonly number[];

/** Conflict marker; `undefined` already means "in no array". */
export const INCONSISTENT = false;

export function withElement(membership: Membership | undefined, arrayId: number, index: number): Membership {
  return membership === undefined ? [arrayId, index] : [...membership, arrayId, index];
}

/**
 * Combines the constraints gathered so far with a leaf's membership: the union when they agree
 * on every shared array, INCONSISTENT when they pick different elements of one array.
 */
export function mergeMemberships(soFar: Membership | undefined, leaf: Membership | undefined): Membership | undefined | typeof INCONSISTENT {
  if (leaf === undefined) return soFar;
  if (soFar === undefined) return leaf;
  let merged: number[] | undefined;
  for (let i = 0; i < leaf.length; i += 2) {
    const arrayId = leaf[i]!;
    const index = leaf[i + 1]!;
    const known = indexIn(soFar, arrayId);
    if (known === undefined) (merged ??= [...soFar]).push(arrayId, index);
    else if (known !== index) return INCONSISTENT;
  }
  return merged ?? soFar;
}

function indexIn(membership: Membership, arrayId: number): number | undefined {
  for (let i = 0; i < membership.length; i += 2) if (membership[i] === arrayId) return membership[i + 1];
  return undefined;
}
