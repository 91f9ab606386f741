import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

const snapshot = (runtime: EmbeddedRuntime) => {
  const journeys = runtime.journeys().sort((a, b) => a.journeyId.localeCompare(b.journeyId));
  return {
    journeys,
    events: journeys.map((j) => runtime.events(j.journeyId)),
    listings: runtime.journeyListings().sort((a, b) => a.journeyId.localeCompare(b.journeyId)),
  };
};

describe('opening from the checkpoint a clean close leaves', () => {
  it('shows the same journeys, events and listings as reading the whole journal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-checkpoint-'));
    const first = await EmbeddedRuntime.open({ dataDir: dir });
    await first.upload({ body: 'id,total\n1,2.5\n', key: 'uploads/mvp/a.csv' });
    await first.upload({ body: 'id,total\n1,\n', key: 'uploads/mvp/b.csv' });
    await first.idle();
    const before = snapshot(first);
    first.close();
    expect(existsSync(join(dir, 'checkpoint.json'))).toBe(true);

    const fromCheckpoint = await EmbeddedRuntime.open({ dataDir: dir });
    expect(snapshot(fromCheckpoint)).toEqual(before);
    fromCheckpoint.close();
    rmSync(join(dir, 'checkpoint.json'));
    rmSync(join(dir, 'objects', 'index.checkpoint'));
    const fromJournal = await EmbeddedRuntime.open({ dataDir: dir });
    expect(snapshot(fromJournal)).toEqual(before);
    fromJournal.close();
  });

  it('finishes work recorded after an older checkpoint, as after a kill -9 that left no new one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'symphainy-checkpoint-'));
    const first = await EmbeddedRuntime.open({ dataDir: dir });
    const a = await first.upload({ body: 'id,total\n1,2.5\n', key: 'uploads/mvp/a.csv' });
    await first.idle();
    first.close();
    copyFileSync(join(dir, 'checkpoint.json'), join(dir, 'older-checkpoint.json'));

    const second = await EmbeddedRuntime.open({ dataDir: dir });
    const b = await second.upload({ body: 'id,total\n2,3.5\n', key: 'uploads/mvp/b.csv' });
    second.close();
    copyFileSync(join(dir, 'older-checkpoint.json'), join(dir, 'checkpoint.json'));

    const third = await EmbeddedRuntime.open({ dataDir: dir });
    await third.idle();
    expect(third.journey(a.journeyId)?.status).toBe('completed');
    expect(third.journey(b.journeyId)?.status).toBe('completed');
    expect(
      third
        .journeys()
        .filter((j) => j.journey === 'eda')
        .map((j) => j.status),
    ).toEqual(['completed', 'completed']);
    third.close();
  });
});
