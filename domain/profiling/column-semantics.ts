import { normalizedColumnName } from './personal-data.js';
import type { ColumnProfile } from './profile-types.js';

/** Named like a key: `id`, `customer_id`, `policy_no`, `order_ref`, `vin`, `uuid`. `code` is left out: status and zip codes are categories. */
const IDENTIFIER_NAME = /^(id|ids|key|pk|uuid|guid|vin|sku|isbn|iban|serial)$|(^|_)(id|uuid|guid|key|ref|reference|no|nr|num|number|serial)$|^(id|uuid|guid)_/;
/** Rows before "nearly every value is distinct" says anything: four distinct values of four are no evidence. */
export const NEAR_UNIQUE_MIN_ROWS = 20;
const NEAR_UNIQUE_SHARE = 0.95;

const CIRCULAR_NAME =
  /(^|_)(heading|bearing|course|direction|dir|azimuth|yaw|compass|hdg|cog|wind_?dir(ection)?|angle)(_?(deg|degs|degree|degrees|true|mag))?$/;
const LATITUDE_NAME = /(^|_)(lat|latitude|gps_?lat)(_?(deg|degrees|wgs84))?$/;
const LONGITUDE_NAME = /(^|_)(lon|lng|long|longitude|gps_?lon|gps_?lng)(_?(deg|degrees|wgs84))?$/;

/**
 * A key to join on rather than a quantity: named like one, or nearly every value distinct over
 * enough rows. An integer column must also run densely (ids count up; amounts in cents do not) to
 * count by its values alone. Identifiers get no histogram, correlation or top-value chart.
 */
export function isIdentifier(column: ColumnProfile): boolean {
  if (column.type !== 'integer' && column.type !== 'string') return false;
  if (column.count === 0) return false;
  if (IDENTIFIER_NAME.test(normalizedColumnName(column.name))) return true;
  if (column.count < NEAR_UNIQUE_MIN_ROWS) return false;
  const tolerance = column.distinctApproximate ? 3 * column.distinctErrorBound : 0;
  const nearUnique = column.distinct >= column.count * (NEAR_UNIQUE_SHARE - tolerance);
  if (!nearUnique) return false;
  if (column.type === 'string') return true;
  return typeof column.min === 'number' && typeof column.max === 'number' && column.max - column.min + 1 <= 1.5 * column.count;
}

/**
 * Angles on a circle (a heading of 359° is next to 1°) and positions on the globe: a mean, a skew or
 * a Pearson r of either describes the coordinate system, not the data. Told by name, confirmed by range.
 */
export function scaleOf(column: ColumnProfile): ColumnProfile['scale'] {
  if (column.type !== 'integer' && column.type !== 'float') return undefined;
  if (typeof column.min !== 'number' || typeof column.max !== 'number') return undefined;
  const name = normalizedColumnName(column.name);
  const within = (lo: number, hi: number) => (column.min as number) >= lo && (column.max as number) <= hi;
  if (CIRCULAR_NAME.test(name) && within(-360, 360)) return 'circular';
  if (LATITUDE_NAME.test(name) && within(-90, 90)) return 'geographic';
  if (LONGITUDE_NAME.test(name) && within(-180, 180)) return 'geographic';
  return undefined;
}

/** Whether a column's numbers are a linear quantity: skew, z-scores, IQR fences and Pearson r mean something. */
export function isLinearMeasure(column: ColumnProfile): boolean {
  return (column.type === 'integer' || column.type === 'float') && !column.identifier && !column.scale && !column.valuesWithheld && !column.personalData;
}
