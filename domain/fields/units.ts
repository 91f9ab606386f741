/**
 * Units of the quantities telemetry and ledgers come in, each with its factor to the quantity's
 * base unit, and the name suffixes that announce them (`speed_mph`, `accel_g`, `ts_ms`).
 */
export const UNITS = {
  'km/h': { quantity: 'speed', toBase: 1, suffixes: ['kmh', 'kph', 'km_h', 'kmph', 'kmhr'] },
  mph: { quantity: 'speed', toBase: 1.609344, suffixes: ['mph', 'mi_h'] },
  'm/s': { quantity: 'speed', toBase: 3.6, suffixes: ['mps', 'm_s', 'ms'] },
  kn: { quantity: 'speed', toBase: 1.852, suffixes: ['kn', 'kts', 'knots', 'knot'] },
  'm/s²': { quantity: 'acceleration', toBase: 1, suffixes: ['mps2', 'ms2', 'm_s2', 'm_s_2', 'ms_2', 'mss'] },
  g: { quantity: 'acceleration', toBase: 9.80665, suffixes: ['g', 'gs', 'g_force'] },
  'ft/s²': { quantity: 'acceleration', toBase: 0.3048, suffixes: ['fps2', 'ft_s2'] },
  deg: { quantity: 'angle', toBase: 1, suffixes: ['deg', 'degrees'] },
} as const;

export type Unit = keyof typeof UNITS;

/**
 * How an instant is written. Epochs are told apart by magnitude, day-first and month-first dates
 * by a day above 12 somewhere in the column.
 */
export const INSTANT_ENCODINGS = {
  iso: { suffixes: ['iso', 'utc'] },
  epoch_s: { suffixes: ['s', 'sec', 'secs', 'epoch', 'epoch_s', 'unix', 'unix_s'] },
  epoch_ms: { suffixes: ['ms', 'msec', 'millis', 'epoch_ms', 'unix_ms'] },
  dmy: { suffixes: [] },
  mdy: { suffixes: [] },
  ymd: { suffixes: [] },
} as const;

export type InstantEncoding = keyof typeof INSTANT_ENCODINGS;

export function isUnit(text: string): text is Unit {
  return Object.hasOwn(UNITS, text);
}

export function isInstantEncoding(text: string): text is InstantEncoding {
  return Object.hasOwn(INSTANT_ENCODINGS, text);
}

/** A unit as users write it in a mapping: `kmh`, `km/h`, `KPH`, `m/s2`, `mps2` all name a unit. */
export function unitByName(text: string, quantityOf: Unit): Unit | undefined {
  const wanted = text.trim().toLowerCase().replace(/²/g, '2');
  const token = wanted.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  for (const [unit, spec] of Object.entries(UNITS) as [Unit, (typeof UNITS)[Unit]][]) {
    if (spec.quantity !== UNITS[quantityOf].quantity) continue;
    if (unit.toLowerCase().replace(/²/g, '2') === wanted || (spec.suffixes as readonly string[]).includes(token)) return unit;
  }
  return undefined;
}

/** The factor that turns a value in `from` into `to`; both must measure one quantity. */
export function conversionFactor(from: Unit, to: Unit): number {
  return UNITS[from].toBase / UNITS[to].toBase;
}

/** Units of the same quantity as `unit`, for error messages ("accepted: km/h, mph, m/s, kn"). */
export function unitsLike(unit: Unit): Unit[] {
  return (Object.keys(UNITS) as Unit[]).filter((u) => UNITS[u].quantity === UNITS[unit].quantity);
}
