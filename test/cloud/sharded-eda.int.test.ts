import { afterAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { emulatorStage, uniqueKey } from '../support/emulator-stage.js';
import { uploadAndWait } from '../support/emulator-journeys.js';
import { embeddedHarness, type Harness } from '../support/embedded-harness.js';
import { roundedFigures } from '../support/rounded-figures.js';
import { runCli } from '../support/run-cli.js';

const emulator = await emulatorStage();

/** A warehouse's stock movements as its ERP exports them: semicolons, CRLF, decimal commas, remarks quoted over several lines. */
function stockMovements(rows: number): Uint8Array {
  const lines = ['Belegnr;Buchungstag;Lagerort;Material;Menge;Einheit;Wert EUR;Bemerkung'];
  for (let i = 0; i < rows; i++) {
    const remark = i % 7 === 0 ? `"Umlagerung;\r\nPalette ""B"" beschädigt\r\nsiehe Beleg ${i - 1}"` : i % 5 === 0 ? '' : `Charge ${i % 43}`;
    lines.push(
      [
        `WB${4_900_000 + i}`,
        `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.2026`,
        `L${(i * 13) % 37}`,
        `M-${(i * 7919) % 4000}`,
        String(((i * 31) % 500) - 60),
        ['ST', 'KG', 'PAL'][i % 3],
        i % 29 === 0 ? '' : `${(i * 17) % 90_000},${String(i % 100).padStart(2, '0')}`,
        remark,
      ].join(';'),
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

interface ProfileJson {
  columns: { name: string; topKErrorBound?: number }[];
}
const boundsOf = (profile: ProfileJson) => profile.columns.filter((c) => c.topKErrorBound !== undefined).map((c) => ({ column: c.name }));
const withoutBounds = (profile: ProfileJson) => ({ ...profile, columns: profile.columns.map(({ topKErrorBound: _, ...column }) => column) });

/**
 * The local stage fans a step that profiles in shards out once its input is over the stage's
 * shard size (512 KiB): shard requests on the bus, one invocation of the step's function per
 * shard through its queue, a merge once every shard has reported. The results are those one read
 * gives on the embedded runtime.
 */
describe.skipIf(!emulator.available)('EDA journeys read in shards on the emulator (real Lambdas)', () => {
  const { stage, target } = emulator.available ? emulator.emulator : ({} as never);
  const env = { AWS_ENDPOINT_URL: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', NODE_NO_WARNINGS: '1' };
  const cli = (args: string[]) => runCli([...args, '--endpoint', target?.endpoint ?? ''], { env });
  const harnesses: Harness[] = [];
  afterAll(() => {
    for (const harness of harnesses.splice(0)) harness.close();
  });

  /** The same file's EDA journey on the embedded runtime, read in one pass. */
  async function onePass(body: Uint8Array, key: string): Promise<{ view: JourneyView; harness: Harness }> {
    const harness = await embeddedHarness();
    harnesses.push(harness);
    return { view: await harness.uploadAndWait(body, key, { journey: 'eda' }), harness };
  }

  it('profiles a 1.9 MB stock export with quoted line breaks in shards, into the profile.json one pass gives', async () => {
    const body = stockMovements(30_000);
    expect(body.length).toBeGreaterThan(3 * 512 * 1024);
    const key = uniqueKey('mvp', 'lagerbewegungen.csv');
    const { view } = await uploadAndWait(stage, { key, body, metadata: { journey: 'eda' } }, 240_000);
    expect({ status: view.status, error: view.error }).toEqual({ status: 'completed', error: null });

    const load = view.steps.find((s) => s.name === 'load_data')!;
    const reading = load.summary as { shards: number; workers: number; rows: number };
    expect(reading.shards).toBeGreaterThanOrEqual(3);
    expect(reading.workers).toBe(reading.shards);
    expect(reading.rows).toBe(30_000);
    // The shards proved every row; the admission rule read the header's shard only.
    expect((load.summary as { admittedFromBytes: number }).admittedFromBytes).toBeLessThan(body.length / 2);
    expect(load.shards).toEqual({ total: reading.shards, requested: reading.shards, reported: reading.shards, failed: [] });

    const sharded = view.artifacts.find((a) => a.name === 'profile.json')!;
    const one = await onePass(body, 'uploads/mvp/lagerbewegungen.csv');
    const oneArtifact = one.view.artifacts.find((a) => a.name === 'profile.json')!;
    const shardedProfile: ProfileJson = JSON.parse(new TextDecoder().decode((await stage.store.get(sharded.bucket, sharded.key))!.body));
    const onePassProfile = JSON.parse(await one.harness.text(oneArtifact.bucket, oneArtifact.key));
    // Counts, moments, quantiles and top values agree; an approximate top-K states its own error
    // bound, which depends on where the counters were pruned, so only its presence must agree.
    expect(boundsOf(shardedProfile).map((b) => b.column)).toEqual(boundsOf(onePassProfile).map((b) => b.column));
    expect(roundedFigures(withoutBounds(shardedProfile))).toEqual(roundedFigures(withoutBounds(onePassProfile)));

    // The partial results are gone once the step has run on them; the plan stays as the record.
    const folder = `journeys/${view.journeyId}/load_data/shards/0/`;
    const left = await stage.store.list(sharded.bucket, folder);
    expect(left.map((o) => o.key.slice(folder.length)).sort()).toEqual(['merge.claim', 'plan.json']);

    // What a user sees of it.
    const shown = cli(['show', view.journeyId]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`shards ${reading.shards} of ${reading.shards} reported`);
  }, 300_000);

  it('fails the journey as one pass does, the shard holding the bad byte named and shown, when a later shard is not UTF-8', async () => {
    const body = stockMovements(30_000);
    const at = body.length - 5_000;
    body[at] = 0xe9; // a Latin-1 "é" in the last shard's rows
    const { view } = await uploadAndWait(stage, { key: uniqueKey('mvp', 'lager-latin1.csv'), body, metadata: { journey: 'eda' } }, 240_000);
    const one = await onePass(body, 'uploads/mvp/lager-latin1.csv');
    expect(one.view.status).toBe('failed');
    expect(view.status).toBe('failed');
    // The one-pass refusal word for word, then the shard the byte is in.
    expect({ code: view.error?.code, message: view.error?.message }).toEqual({ code: one.view.error?.code, message: one.view.error?.message });
    expect(view.error?.details?.slice(0, -1)).toEqual(one.view.error?.details);
    expect(view.error?.message).toContain(`offset ${at}`);

    const load = view.steps.find((s) => s.name === 'load_data')!;
    expect(load.status).toBe('failed');
    const failed = load.shards!.failed;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.start <= at && at < failed[0]!.end).toBe(true);
    expect(load.shards!.total).toBe(failed[0]!.index + 1);
    expect(view.error?.details?.at(-1)).toBe(`shard ${failed[0]!.index} (bytes ${failed[0]!.start}-${failed[0]!.end})`);

    const shown = cli(['show', view.journeyId]);
    expect(shown.stdout).toMatch(new RegExp(`✘ shard ${failed[0]!.index} \\(bytes \\d+-\\d+\\) invalid_utf8: `));
  }, 300_000);
});
