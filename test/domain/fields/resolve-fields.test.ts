import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { evidenceFromRows, mappingOrReject, parseColumnMap, resolveFields, type FieldSet } from '#domain/fields/index.js';

const fleet: FieldSet = {
  useCase: 'fleet',
  fields: [
    { name: 'time', kind: 'instant', required: true, synonyms: ['timestamp', 'ts'], description: 'when' },
    { name: 'speed', kind: 'number', unit: 'km/h', required: true, synonyms: ['velocity', 'spd'], description: 'how fast' },
    { name: 'acceleration', kind: 'number', unit: 'm/s²', required: true, synonyms: ['accel', 'long_accel'], description: 'speeding up' },
    { name: 'latitude', kind: 'latitude', required: true, synonyms: ['lat'], description: 'north' },
    { name: 'longitude', kind: 'longitude', required: true, synonyms: ['lon', 'lng'], description: 'east' },
    { name: 'weather', kind: 'category', required: false, synonyms: ['wx'], description: 'sky', withoutIt: 'no weather axis' },
  ],
};

function table(header: string[], ...rows: (string | number)[][]) {
  return evidenceFromRows(
    header,
    rows.map((r) => r.map(String)),
  );
}

describe('resolving columns to fields', () => {
  it('matches synonyms, unit suffixes and camelCase, converting units to the field unit', () => {
    const resolution = resolveFields(fleet, table(['TS_ms', 'velocityMph', 'Accel (g)', 'Lat', 'lng', 'odometer'], [1767225600000, 30, 0.1, 48.1, 11.5, 120]));
    expect(resolution.ok).toBe(true);
    const mapping = mappingOrReject(resolution, fleet, []);
    const by = Object.fromEntries(mapping.fields.map((f) => [f.field, f]));
    expect(by['time']).toMatchObject({ column: 'TS_ms', encoding: { name: 'epoch_ms' } });
    expect(by['speed']).toMatchObject({ column: 'velocityMph', rule: 'name-with-unit', unit: { from: 'mph', to: 'km/h', factor: 1.609344, source: 'name' } });
    expect(by['acceleration']!.unit).toMatchObject({ from: 'g', factor: 9.80665 });
    expect(mapping.unmapped).toEqual(['odometer']);
    expect(mapping.absent).toEqual([{ field: 'weather', description: 'sky', withoutIt: 'no weather axis' }]);
  });

  it('reads names run together as report writers write them (LONGACCEL), but not short synonyms run into others', () => {
    const resolution = resolveFields(fleet, table(['TS', 'SPD', 'LONGACCEL', 'LAT', 'LON', 'LATLON'], [1767225600, 30, 0.1, 48.1, 11.5, 1]));
    const mapping = mappingOrReject(resolution, fleet, []);
    const by = Object.fromEntries(mapping.fields.map((f) => [f.field, f]));
    expect(by['acceleration']).toMatchObject({ column: 'LONGACCEL', rule: 'name' });
    expect(by['acceleration']!.because).toContain('written without separators');
    expect(mapping.unmapped).toEqual(['LATLON']);
  });

  it('tells epoch seconds from milliseconds and day-first from month-first dates by content', () => {
    const seconds = mappingOrReject(resolveFields(fleet, table(['time', 'spd', 'accel', 'lat', 'lon'], [1767225600, 1, 0, 1, 1])), fleet, []);
    expect(seconds.fields[0]!.encoding?.name).toBe('epoch_s');
    const dayFirst = mappingOrReject(
      resolveFields(fleet, table(['time', 'spd', 'accel', 'lat', 'lon'], ['05.03.2026 10:00:00', 1, 0, 1, 1], ['25.03.2026 10:00:01', 1, 0, 1, 1])),
      fleet,
      [],
    );
    expect(dayFirst.fields[0]!.encoding?.name).toBe('dmy');
  });

  it("describes a personal field's misfit instead of quoting it, and withholds contact details inside any other", () => {
    const people: FieldSet = {
      useCase: 'people',
      fields: [
        { name: 'email', kind: 'email', required: false, synonyms: ['mail'], description: 'address', withoutIt: 'no mail' },
        { name: 'contact_email', kind: 'email', required: false, synonyms: [], description: 'address', withoutIt: 'no mail' },
        { name: 'latitude', kind: 'latitude', required: false, synonyms: ['lat'], description: 'north', withoutIt: 'no map' },
        { name: 'gps_latitude', kind: 'latitude', required: false, synonyms: [], description: 'north', withoutIt: 'no map' },
      ],
    };
    const rows = [0, 1, 2, 3].map((i) => [`(614) 555-01${i}7`, `r${i}@corp.example`, `ask ops.lead${i}@corp.example`, '40.1']);
    const mapping = mappingOrReject(resolveFields(people, table(['mail', 'contact_email', 'lat', 'gps_latitude'], ...rows)), people, []);
    const reasons = mapping.passedOver.map((p) => p.reason).join('\n');
    expect(mapping.passedOver.map((p) => p.column).sort()).toEqual(['lat', 'mail']);
    expect(reasons).not.toMatch(/555-01|ops\.lead|corp\.example/);
    expect(reasons).toMatch(/a value of 14 characters, not quoted/);
    expect(reasons).toMatch(/"ask \[e-mail address withheld\]"/);
  });

  it('lets content break a tie: a "lat" column holding values beyond 90 is passed over and reported', () => {
    const resolution = resolveFields(
      fleet,
      table(
        ['ts', 'spd', 'accel', 'lat', 'gps_latitude', 'lon'],
        ['2026-01-01T00:00:00Z', 1, 0, 512, 48.1, 11.5],
        ['2026-01-01T00:00:01Z', 1, 0, 513, 48.1, 11.5],
      ),
    );
    const mapping = mappingOrReject(resolution, fleet, []);
    expect(mapping.fields.find((f) => f.field === 'latitude')?.column).toBe('gps_latitude');
    expect(mapping.passedOver).toEqual([expect.objectContaining({ field: 'latitude', column: 'lat' })]);
  });

  it('resolves two equally fitting columns to the first in the file and reports the ambiguity', () => {
    const mapping = mappingOrReject(
      resolveFields(fleet, table(['ts', 'speed_kmh', 'speed_mph', 'accel', 'lat', 'lon'], ['2026-01-01T00:00:00Z', 16, 10, 0, 1, 1])),
      fleet,
      [],
    );
    expect(mapping.fields.find((f) => f.field === 'speed')?.column).toBe('speed_kmh');
    expect(mapping.ambiguities).toEqual([expect.objectContaining({ field: 'speed', chosen: 'speed_kmh', alsoFitting: ['speed_mph'] })]);
  });

  it('lets a declared mapping win, with its unit, over the names', () => {
    const declared = parseColumnMap('speed=v2:mph; time = clock', 'metadata').entries;
    const mapping = mappingOrReject(
      resolveFields(fleet, table(['clock', 'speed', 'v2', 'accel', 'lat', 'lon'], ['2026-01-01T00:00:00Z', 1, 2, 0, 1, 1]), declared),
      fleet,
      [],
    );
    expect(mapping.fields.find((f) => f.field === 'speed')).toMatchObject({ column: 'v2', rule: 'declared', unit: { from: 'mph', source: 'declared' } });
    expect(mapping.unmapped).toEqual(['speed']);
  });

  it('refuses a declaration naming a column the file lacks or a unit of another quantity', () => {
    const declared = parseColumnMap('speed=velocity:g,latitude=nope', 'metadata').entries;
    const resolution = resolveFields(fleet, table(['ts', 'velocity', 'accel', 'lat', 'lon'], ['2026-01-01T00:00:00Z', 1, 0, 1, 1]), declared);
    expect(resolution).toMatchObject({ ok: false, code: 'invalid_column_map' });
    const problems = (resolution as { problems: string[] }).problems.join('\n');
    expect(problems).toContain('"g" is not a unit of speed');
    expect(problems).toContain('no column "nope"');
  });

  it('rejects a missing required field with the columns seen, the closest column and the line that fixes it', () => {
    const resolution = resolveFields(fleet, table(['ts', 'speed', 'acc_long', 'lat', 'lon'], ['2026-01-01T00:00:00Z', 1, 0, 1, 1]));
    let rejection: StepRejection | undefined;
    try {
      mappingOrReject(resolution, fleet, ['ts', 'speed', 'acc_long', 'lat', 'lon']);
    } catch (error) {
      rejection = error as StepRejection;
    }
    expect(rejection?.code).toBe('missing_fields');
    expect(rejection?.message).toContain('acceleration');
    expect(rejection?.details[0]).toContain('closest columns: acc_long');
    expect(rejection?.details.join('\n')).toContain('--map acceleration=acc_long');
    expect(rejection?.details.join('\n')).toContain('columns seen: ts, speed, acc_long, lat, lon');
  });
});

describe('columns whose values partly misfit, and suggestions', () => {
  it('still takes a column named for the field when most values fit, so validation can name the bad cells', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`2026-01-01T00:00:0${i}Z`, i === 3 ? 'n/a' : 40, 0, i === 5 ? 95 : 48.1, 11.5]);
    const mapping = mappingOrReject(resolveFields(fleet, table(['ts', 'speed', 'accel', 'lat', 'lon'], ...rows)), fleet, []);
    expect(mapping.fields.find((f) => f.field === 'speed')).toMatchObject({ column: 'speed', content: { checked: 10, fitting: 9 } });
    expect(mapping.fields.find((f) => f.field === 'latitude')?.column).toBe('lat');
  });

  it('prefers a fitting column over one named for the field whose values mostly misfit', () => {
    const rows = Array.from({ length: 4 }, (_, i) => ['2026-01-01T00:00:00Z', 1, 0, i < 3 ? 300 : 48, 48.1, 11.5]);
    const mapping = mappingOrReject(resolveFields(fleet, table(['ts', 'spd', 'accel', 'lat', 'gps_latitude', 'lon'], ...rows)), fleet, []);
    expect(mapping.fields.find((f) => f.field === 'latitude')?.column).toBe('gps_latitude');
  });

  it('suggests distinct columns by unit suffix, shared name parts and telling values', () => {
    const resolution = resolveFields(fleet, table(['Zeit', 'v_mph', 'a_long', 'lat', 'lon', 'odometer'], ['2026-01-01T00:00:00Z', 30, 0.1, 48.1, 11.5, 12000]));
    expect(resolution.ok).toBe(false);
    const missing = (resolution as { missing: { field: string; closest: string[] }[] }).missing;
    expect(Object.fromEntries(missing.map((m) => [m.field, m.closest[0]]))).toEqual({ time: 'Zeit', speed: 'v_mph', acceleration: 'a_long' });
  });
});

describe('the column-map syntax', () => {
  it('reads percent-encoded column names and units, and says what it cannot read', () => {
    expect(parseColumnMap('holder=Name%2C%20Full,time=Zeit:dmy', 'm').entries).toEqual([
      { field: 'holder', column: 'Name, Full', source: 'm' },
      { field: 'time', column: 'Zeit', unit: 'dmy', source: 'm' },
    ]);
    expect(parseColumnMap('speed', 'm').problems[0]).toContain('is not field=column');
  });
});
