import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { autonomousVehicleUseCase } from '#domain/use-cases/autonomous-vehicle/index.js';
import type { BenchRow } from './bench-row.js';

const ROUNDS = 5;

/**
 * The whole autonomous-vehicle upload journey (all four steps, delivery included) on the same
 * drives written three ways: our canonical columns, a US logger's (epoch ms, mph, g, VINs:
 * every value converted) and a semicolon export with decimal commas and day-first times run by
 * a declared column map. The canonical
 * file is the baseline, timed in the same process in alternating rounds, so the ratio is what
 * mapping and conversion cost a real file.
 */
export async function run(): Promise<BenchRow[]> {
  const samples = autonomousVehicleUseCase.samples(42);
  const pick = (name: string) => samples.find((s) => s.fileName === name)!;
  const canonical = pick('av-telemetry.csv');
  const files = [canonical, pick('av-us-logger-mph.csv'), europeanExport(canonical.body)];
  const dataDir = mkdtempSync(join(tmpdir(), 'symphainy-bench-mapping-'));
  const runtime = await EmbeddedRuntime.open({ dataDir, logLevel: 'ERROR' });
  const times = new Map<string, number[]>(files.map((f) => [f.fileName, []]));
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      for (const file of files) {
        const started = performance.now();
        const { journeyId } = await runtime.upload({
          body: file.body,
          key: `uploads/autonomous_vehicle/bench-${round}/${file.fileName}`,
          metadata: { ...file.metadata, journey: 'upload' },
        });
        await runtime.idle();
        const elapsed = performance.now() - started;
        const view = runtime.journey(journeyId);
        if (view?.status !== 'completed') throw new Error(`${file.fileName} did not complete: ${JSON.stringify(view?.error)}`);
        if (round > 0) times.get(file.fileName)!.push(elapsed); // round 0 warms up
      }
    }
  } finally {
    runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rowsOf = (body: string) => body.trim().split('\n').length - 1;
  const baseline = median(times.get(files[0]!.fileName)!);
  const peakMiB = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  return files.slice(1).map((file) => {
    const ms = median(times.get(file.fileName)!);
    const ratio = ms / baseline;
    return {
      benchmark: `AV upload journey on ${file.fileName} (${rowsOf(file.body)} rows), vs canonical columns`,
      value: Number(ratio.toFixed(2)),
      unit: 'x canonical',
      target: '<= 1.25 x canonical',
      meetsTarget: ratio <= 1.25,
      notes: `${ms.toFixed(0)} ms vs ${baseline.toFixed(0)} ms for av-telemetry.csv (${rowsOf(files[0]!.body)} rows), median of ${ROUNDS}; process peak RSS ${peakMiB} MiB`,
    };
  });
}

/** The canonical file with semicolons, decimal commas, day-first times and German names. */
function europeanExport(canonicalCsv: string) {
  const [, ...rows] = canonicalCsv.trim().split('\n');
  const dayFirst = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
  const body = ['Zeitstempel;Fahrzeug;Geschwindigkeit;Beschleunigung;Breite;Laenge;Kurs;Strassentyp;Wetter']
    .concat(
      rows.map((row) => {
        const [time, vehicle, ...rest] = row.split(',');
        return [dayFirst(time!), vehicle, ...rest.map((cell) => cell.replace('.', ','))].join(';');
      }),
    )
    .join('\n');
  return {
    fileName: 'european-export.csv',
    body: `${body}\n`,
    metadata: { 'column-map': 'time=Zeitstempel:dmy,speed=Geschwindigkeit:kmh,acceleration=Beschleunigung,heading=Kurs' },
  };
}
