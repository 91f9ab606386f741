import { describe, expect, it } from 'vitest';
import { evidenceFromRows, resolveFields } from '#domain/fields/index.js';
import { TELEMETRY_FIELDS } from '#domain/use-cases/autonomous-vehicle/shared/telemetry-fields.js';

/** One telemetry row under the given extra columns, resolved to the autonomous-vehicle fields. */
function mappingOf(extraColumns: string[], extraValues: string[]) {
  const header = ['timestamp', ...extraColumns, 'speed_kmh', 'accel', 'lat', 'lon'];
  const row = ['2026-03-01T06:00:00Z', ...extraValues, '42.5', '-0.4', '48.137', '11.575'];
  const resolution = resolveFields(TELEMETRY_FIELDS, evidenceFromRows(header, [row, row]));
  expect(resolution.ok).toBe(true);
  if (!resolution.ok) throw new Error('unresolved');
  return resolution.mapping;
}

const vehicleColumn = (mapping: ReturnType<typeof mappingOf>) => mapping.fields.find((f) => f.field === 'vehicle')?.column;

describe('the vehicle column of telemetry, whatever the fleet calls it', () => {
  it.each(['unit_vin', 'Unit VIN', 'vin', 'VIN', 'vehicle_vin', 'vehicleVin', 'unit_id', 'vin_number'])('%s is the vehicle id', (name) => {
    expect(vehicleColumn(mappingOf([name], ['WVWZZZ1JZXW000001']))).toBe(name);
  });

  it.each(['vin_check_digit', 'unit_price', 'units', 'vin_check'])('%s is not taken for the vehicle id', (name) => {
    const mapping = mappingOf([name], ['7']);
    expect(vehicleColumn(mapping)).toBeUndefined();
    expect(mapping.unmapped).toContain(name);
    expect(mapping.absent.map((a) => a.field)).toContain('vehicle');
  });

  it('takes unit_vin next to a check digit and a price, leaving those two unmapped', () => {
    const mapping = mappingOf(['vin_check_digit', 'unit_price', 'unit_vin'], ['3', '19.90', 'WVWZZZ1JZXW000001']);
    expect(vehicleColumn(mapping)).toBe('unit_vin');
    expect(mapping.fields.find((f) => f.field === 'vehicle')!.rule).toBe('name');
    expect(mapping.unmapped).toEqual(['vin_check_digit', 'unit_price']);
  });
});
