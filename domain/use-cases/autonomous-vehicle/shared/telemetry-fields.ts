import type { FieldSet, FieldSpec } from '#domain/fields/index.js';

/** What the autonomous-vehicle journeys read from telemetry, whatever the logger calls it. */
export type TelemetryField = 'time' | 'vehicle' | 'speed' | 'acceleration' | 'latitude' | 'longitude' | 'heading' | 'road_type' | 'weather' | 'time_of_day';

type Spec = FieldSpec & { readonly name: TelemetryField };

/**
 * `long` is not a longitude synonym: inside longer names it means longitudinal (`a_long`,
 * `long_accel`), which is an acceleration. Neither `unit` nor `vin` alone is looked for inside
 * longer names (`unit_price`, `vin_check_digit` are not vehicles): the vehicle names fleets use
 * with them (`unit_id`, `unit_vin`, `vehicle_vin`) are listed whole.
 */
const FIELDS: readonly Spec[] = [
  {
    name: 'time',
    kind: 'instant',
    required: true,
    synonyms: [
      'timestamp',
      'ts',
      'time_stamp',
      'datetime',
      'date_time',
      'recorded_at',
      'gps_time',
      'utc_time',
      'event_time',
      'log_time',
      'sample_time',
      'timestamp_utc',
      'zeitstempel',
      'zeit',
      'horodatage',
    ],
    description: 'when the reading was taken',
  },
  {
    name: 'vehicle',
    kind: 'identifier',
    required: false,
    synonyms: [
      'vehicle_id',
      'vehicleid',
      'vin',
      'unit_vin',
      'vehicle_vin',
      'vin_number',
      'car_id',
      'car',
      'unit_id',
      'device_id',
      'truck_id',
      'asset_id',
      'vehicle_name',
      'veh_id',
      'fahrzeug',
      'fahrzeug_id',
      'vehicule',
    ],
    description: 'which vehicle took the reading',
    withoutIt: 'the file is read as one vehicle, named after the file',
  },
  {
    name: 'speed',
    kind: 'number',
    unit: 'km/h',
    required: true,
    synonyms: ['velocity', 'spd', 'vel', 'ground_speed', 'vehicle_speed', 'gps_speed', 'veh_speed'],
    description: 'how fast the vehicle went',
  },
  {
    name: 'acceleration',
    kind: 'number',
    unit: 'm/s²',
    required: true,
    synonyms: ['accel', 'acc', 'longitudinal_acceleration', 'long_accel', 'lon_accel', 'accel_x', 'ax', 'a_x', 'acc_x', 'longitudinal_accel'],
    description: 'the longitudinal acceleration (negative when braking)',
  },
  {
    name: 'latitude',
    kind: 'latitude',
    required: true,
    synonyms: ['lat', 'gps_lat', 'gps_latitude', 'position_lat', 'lat_deg', 'latitude_deg', 'y_lat', 'breite', 'breitengrad'],
    description: 'where the vehicle was, north-south',
  },
  {
    name: 'longitude',
    kind: 'longitude',
    required: true,
    synonyms: [
      'lon',
      'lng',
      'gps_lon',
      'gps_lng',
      'gps_longitude',
      'position_lon',
      'lon_deg',
      'longitude_deg',
      'x_lon',
      'laenge',
      'laengengrad',
      'lange',
      'langengrad',
    ],
    description: 'where the vehicle was, east-west',
  },
  {
    name: 'heading',
    kind: 'number',
    unit: 'deg',
    required: false,
    synonyms: ['course', 'bearing', 'yaw', 'hdg', 'direction', 'azimuth'],
    description: 'the direction of travel, degrees clockwise from north',
    withoutIt: 'headings are not range-checked and not reported',
  },
  {
    name: 'road_type',
    kind: 'category',
    required: false,
    synonyms: ['road', 'road_class', 'roadtype', 'road_category', 'area_type', 'environment', 'road_kind', 'strassentyp', 'strassenart'],
    description: 'the kind of road (urban, rural, highway, ...)',
    withoutIt: 'every reading counts as road type "unknown": coverage is not split by road, and no road-type gaps are planned',
  },
  {
    name: 'weather',
    kind: 'category',
    required: false,
    synonyms: ['weather_condition', 'weather_conditions', 'wx', 'conditions', 'precipitation', 'wetter', 'meteo'],
    description: 'the weather (clear, rain, fog, ...)',
    withoutIt: 'every reading counts as weather "unknown": coverage is not split by weather, and no weather gaps are planned',
  },
  {
    name: 'time_of_day',
    kind: 'category',
    required: false,
    synonyms: ['daypart', 'day_part', 'lighting', 'light_condition', 'light_conditions', 'day_night'],
    description: 'the part of the day (day, dusk, night, ...)',
    withoutIt: 'the part of the day is derived from the hour of each timestamp',
  },
];

export const TELEMETRY_FIELDS: FieldSet = { useCase: 'autonomous_vehicle', fields: FIELDS };

/** Fields without which the telemetry cannot be segmented or checked. */
export const REQUIRED_TELEMETRY_FIELDS = FIELDS.filter((f) => f.required).map((f) => f.name);

/** Condition labels as tokens, so `Highway`, ` highway` and `HIGHWAY` are one road type. */
export function conditionToken(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The vehicle id of a file without a vehicle column: its name, without folders or extension. */
export function vehicleFromKey(key: string): string {
  const name = key.split('/').pop() ?? key;
  return name.replace(/(\.(csv|tsv|txt|json|jsonl|ndjson))?(\.gz)?$/i, '') || name;
}
