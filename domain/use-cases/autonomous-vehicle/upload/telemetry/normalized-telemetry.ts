import { decodeText } from '#domain/insights/records/decode-chunks.js';
import type { TelemetrySample } from './telemetry-sample.js';

const COLUMNS = [
  'line',
  'timestamp',
  'vehicle_id',
  'speed_kmh',
  'acceleration_mps2',
  'latitude',
  'longitude',
  'road_type',
  'weather',
  'time_of_day',
  'heading',
] as const;

type Row = [number, string, string, number, number, number, number, string, string, string, number | null];

const OPENING = `{"columns":${JSON.stringify(COLUMNS)},"rows":[`;
const CLOSING = ']}';

/**
 * Column names once, then one array per sample on its own line: a third of the size of an
 * array of objects, still readable and diffable line by line, and readable a line at a time, so
 * neither the writer nor a reader ever holds the whole file.
 */
export class NormalizedTelemetryWriter {
  private rows = 0;

  opening(): string {
    return `${OPENING}\n`;
  }

  /** The samples' lines, each after the separator the previous one needs. */
  lines(samples: readonly TelemetrySample[]): string {
    let text = '';
    for (const s of samples) {
      text += `${this.rows++ === 0 ? '' : ',\n'}${JSON.stringify([s.line, s.timestamp, s.vehicleId, s.speedKmh, s.accelerationMps2, s.latitude, s.longitude, s.roadType, s.weather, s.timeOfDay, s.heading] satisfies Row)}`;
    }
    return text;
  }

  closing(): string {
    return `\n${CLOSING}\n`;
  }
}

/** The samples of a normalized telemetry file, in file order, decoded a line at a time. */
export async function* readNormalizedTelemetry(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TelemetrySample[]> {
  let opened = false;
  // A decoded piece's samples at a time: a pass over millions of samples loops over each batch rather than awaiting each one.
  for await (const lines of textLines(decodeText(chunks))) {
    const samples: TelemetrySample[] = [];
    for (const line of lines) {
      if (!opened) {
        if (line !== OPENING) throw new Error('telemetry.normalized.json does not have the expected columns; was it written by validate_test_data?');
        opened = true;
        continue;
      }
      if (line === '' || line === CLOSING) continue;
      samples.push(sampleOf(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Row));
    }
    if (samples.length > 0) yield samples;
  }
  if (!opened) throw new Error('telemetry.normalized.json is empty; was it written by validate_test_data?');
}

function sampleOf([line, timestamp, vehicleId, speedKmh, accelerationMps2, latitude, longitude, roadType, weather, timeOfDay, heading]: Row): TelemetrySample {
  return { line, timestamp, epochMs: Date.parse(timestamp), vehicleId, speedKmh, accelerationMps2, latitude, longitude, roadType, weather, timeOfDay, heading };
}

async function* textLines(text: AsyncIterable<string>): AsyncGenerator<string[]> {
  let pending = '';
  for await (const piece of text) {
    pending += piece;
    const lines: string[] = [];
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      lines.push(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (pending !== '') yield [pending];
}
