import { describe, expect, it } from 'vitest';
import type { EventBridgeEnvelope, EventDraft } from '#events/platform-event.js';
import { JourneyShardCompleted } from '#events/journey-shard-completed.js';
import { JourneyShardRequested } from '#events/journey-shard-requested.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { foldJourney } from '#domain/journeys/journey-state.js';
import { JourneyStarted } from '#events/journey-started.js';
import { formatJourney } from '#local/journey-views/journey-report.js';
import { fanOutStepRequest, mergeWhenComplete, readRequestedShard } from '#domain/journeys/shard-fan-out.js';
import { profileBytes } from '#domain/profiling/index.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import { SeededRandom } from '#domain/randomness/seeded-random.js';
import { defaultPlatformConfig, type PlatformConfig } from '#domain/ports/platform-config.js';
import { InMemoryObjectStore } from '../../support/in-memory-object-store.js';
import { roundedFigures } from '../../support/rounded-figures.js';

const encode = (text: string) => new TextEncoder().encode(text);
let sequence = 0;
const envelopeOf = (draft: EventDraft): EventBridgeEnvelope => ({
  version: '0',
  id: `event-${++sequence}`,
  'detail-type': draft.detailType,
  source: draft.source,
  account: '111122223333',
  time: '2026-12-06T10:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: draft.detail,
});

/** A claims export as an insurer's system writes it: semicolons, CRLF, notes quoted across lines, amounts with decimal commas. */
function claimsExport(rows: number, seed: number): string {
  const random = new SeededRandom(seed);
  const lines = ['Schadennummer;Meldedatum;Betrag EUR;Sparte;Sachbearbeiter;Vermerk'];
  for (let r = 0; r < rows; r++) {
    const note = random.next() < 0.3 ? `"Rückfrage beim Kunden;\r\nGutachten ""offen""\r\nTermin ${r}"` : random.pick(['', 'erledigt', 'Regress prüfen']);
    lines.push(
      [
        `SN-${100_000 + r}`,
        `2026-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`,
        random.next() < 0.05 ? '' : `${random.integer(10, 90_000)},${String(random.integer(0, 99)).padStart(2, '0')}`,
        random.pick(['Kfz', 'Hausrat', 'Haftpflicht', 'Wohngebäude']),
        `sb${random.integer(1, 12)}`,
        note,
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const config: PlatformConfig = { ...defaultPlatformConfig, shardBytes: 8 * 1024 };

async function stepRequestFor(store: InMemoryObjectStore, body: Uint8Array) {
  await store.put(config.uploadBucket, 'uploads/mvp/schaeden.csv', body);
  const head = (await store.head(config.uploadBucket, 'uploads/mvp/schaeden.csv'))!;
  return envelopeOf(
    JourneyStepRequested.draft({
      schemaVersion: 1,
      journeyId: 'j-claims',
      useCase: 'mvp',
      journey: 'eda',
      correlationId: 'c-1',
      causationId: 'c-1',
      step: 'load_data',
      stepIndex: 0,
      input: { bucket: head.bucket, key: head.key, etag: head.etag, size: head.size },
      journeyStartedAt: '2026-12-06T10:00:00Z',
      steps: ['load_data'],
      completedSteps: [],
    }),
  );
}

/** Every shard request read in the order given, each report offered to the merge as it arrives: what the merges answered. */
async function runShards(store: InMemoryObjectStore, request: EventBridgeEnvelope, order: (count: number) => number[]) {
  const deps = { store, config, maxUploadBytes: config.maxUploadBytes };
  const shards = (await fanOutStepRequest(request, JourneyStepRequested.parseDetail(request), deps))!.map(envelopeOf);
  const reports = [];
  const merges = [];
  for (const index of order(shards.length)) {
    const shard = shards[index]!;
    const report = envelopeOf(await readRequestedShard(shard, JourneyShardRequested.parseDetail(shard), 1, deps));
    reports.push(report);
    merges.push(await mergeWhenComplete(report, JourneyShardCompleted.parseDetail(report), deps));
  }
  return { shards, reports, merges };
}

describe('a step fanned out into shard requests', () => {
  it('merges, once every shard has reported, into the profile one read gives, re-reading shards whose start fell inside a quoted note', async () => {
    const store = new InMemoryObjectStore();
    const body = encode(claimsExport(1500, 7));
    const request = await stepRequestFor(store, body);
    const { shards, reports, merges } = await runShards(store, request, (n) => [...Array(n).keys()].reverse());

    expect(shards.length).toBeGreaterThan(8);
    // Events carry the range and the plan's key, never rows.
    for (const shard of shards) expect(JSON.stringify(shard.detail).length).toBeLessThan(1_000);
    // Only the last report finds every partial in; the one merge runs the original request.
    expect(merges.slice(0, -1)).toEqual(merges.slice(0, -1).map(() => undefined));
    const merge = merges.at(-1)!;
    expect(merge.envelope.id).toBe(request.id);
    const read = (await merge.shardedProfiler.profile({ bucket: config.uploadBucket, key: 'uploads/mvp/schaeden.csv', size: body.length }))!;
    expect(read.shards).toBe(shards.length);
    expect(read.rereads).toBeGreaterThan(0);
    expect(roundedFigures(read.profile)).toEqual(roundedFigures(await profileBytes(body)));
    // A report delivered again, or a second report finding everything in, does not merge twice.
    const again = reports.at(-1)!;
    expect(await mergeWhenComplete({ ...again, id: 'another-report' }, JourneyShardCompleted.parseDetail(again), { store, config })).toBeUndefined();
    // The retry of the report that claimed the merge goes on (its first attempt may have failed).
    expect(await mergeWhenComplete(again, JourneyShardCompleted.parseDetail(again), { store, config })).toBeDefined();
  });

  it('asks for the same shards when the step request is delivered twice, and a shard read twice reports the same read', async () => {
    const store = new InMemoryObjectStore();
    const request = await stepRequestFor(store, encode(claimsExport(600, 8)));
    const deps = { store, config, maxUploadBytes: config.maxUploadBytes };
    const first = await fanOutStepRequest(request, JourneyStepRequested.parseDetail(request), deps);
    const second = await fanOutStepRequest(request, JourneyStepRequested.parseDetail(request), deps);
    expect(second).toEqual(first);
    const shard = envelopeOf(first![3]!);
    const once = await readRequestedShard(shard, JourneyShardRequested.parseDetail(shard), 1, deps);
    const twice = await readRequestedShard(shard, JourneyShardRequested.parseDetail(shard), 2, deps);
    expect({ ...(twice.detail as object), attempts: 1 }).toEqual(once.detail);
  });

  it('fails the merged profile with the one-read message and the shard named when a later shard holds a byte that is not UTF-8', async () => {
    const store = new InMemoryObjectStore();
    // Past the head the format is sniffed from, so only a shard's read meets the byte.
    const text = claimsExport(2000, 9);
    const body = encode(text);
    const at = body.length - 300;
    body[at] = 0xe9; // a Latin-1 é in the last rows
    const request = await stepRequestFor(store, body);
    const { shards, reports, merges } = await runShards(store, request, (n) => [...Array(n).keys()]);
    const holding = shards.map((e) => JourneyShardRequested.parseDetail(e).shard).find((r) => r.start <= at && at < r.end)!;
    expect(reports.some((r) => JourneyShardCompleted.parseDetail(r).error?.code === 'invalid_utf8')).toBe(true);
    const oneRead = await profileBytes(body).catch((error: unknown) => error as ProfileError);
    const failure = await merges
      .at(-1)!
      .shardedProfiler.profile({ bucket: config.uploadBucket, key: 'uploads/mvp/schaeden.csv', size: body.length })
      .catch((error: unknown) => error as ProfileError);
    if (!(failure instanceof ProfileError) || !(oneRead instanceof ProfileError)) throw new Error('both reads should refuse the file');
    expect([failure.code, failure.message]).toEqual([oneRead.code, oneRead.message]);
    // The shard named is the one whose rows hold the byte, though earlier shards' reads ran past it.
    expect(failure.details.at(-1)).toBe(`shard ${holding.index} (bytes ${holding.start}-${holding.end})`);
  });

  it("shows the step's shards in the journey: how many reported, still out, and which failed with why", async () => {
    const store = new InMemoryObjectStore();
    const body = encode(claimsExport(2000, 10));
    body[body.length - 300] = 0xe9;
    const request = await stepRequestFor(store, body);
    const detail = JourneyStepRequested.parseDetail(request);
    const started = envelopeOf(JourneyStarted.draft({ ...detail, causationId: 's3-put', input: detail.input, steps: detail.steps, resolvedBy: 'key-prefix' }));
    const { shards, reports } = await runShards(store, request, (n) => [...Array(n).keys()]);
    const halfway = foldJourney('j-claims', [started, request, ...shards, ...reports.slice(0, 2)])!;
    expect(halfway.steps[0]!.shards).toEqual({ total: shards.length, requested: shards.length, reported: 2, failed: [] });
    expect(formatJourney(halfway)).toContain(`shards 2 of ${shards.length} reported (${shards.length - 2} still reading)`);
    // Every report in, one delivered twice: counted once, the failed shard named with its range and why.
    const all = foldJourney('j-claims', [started, request, ...shards, ...reports, reports.at(-1)!])!;
    const failed = reports.map((r) => JourneyShardCompleted.parseDetail(r)).filter((r) => r.error);
    expect(all.steps[0]!.shards).toMatchObject({ total: shards.length, reported: shards.length });
    expect(all.steps[0]!.shards!.failed.map((f) => f.index)).toEqual(failed.map((f) => f.shard.index));
    const shown = formatJourney(all);
    expect(shown).toContain(`shards ${shards.length} of ${shards.length} reported, 1 failed`);
    expect(shown).toMatch(/✘ shard \d+ \(bytes \d+-\d+\) invalid_utf8: /);
    // A hundred shards do not flood the timeline.
    expect(all.timeline.map((t) => t.detailType)).toEqual(['Journey Started', 'Journey Step Requested']);
  });

  it('runs the step as it is when the input fits one shard, is gzip or NDJSON, or the runtime does not fan out', async () => {
    const store = new InMemoryObjectStore();
    const deps = { store, config, maxUploadBytes: config.maxUploadBytes };
    const small = await stepRequestFor(store, encode(claimsExport(10, 1)));
    expect(await fanOutStepRequest(small, JourneyStepRequested.parseDetail(small), deps)).toBeUndefined();
    const ndjson = await stepRequestFor(store, encode(Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i, note: 'a\nb' })).join('\n')));
    expect(await fanOutStepRequest(ndjson, JourneyStepRequested.parseDetail(ndjson), deps)).toBeUndefined();
    const gzip = await stepRequestFor(store, new Uint8Array([0x1f, 0x8b, 0x08, ...new Uint8Array(9000)]));
    expect(await fanOutStepRequest(gzip, JourneyStepRequested.parseDetail(gzip), deps)).toBeUndefined();
    const large = await stepRequestFor(store, encode(claimsExport(400, 2)));
    const { shardBytes: _, ...noFanOut } = config;
    expect(await fanOutStepRequest(large, JourneyStepRequested.parseDetail(large), { ...deps, config: noFanOut })).toBeUndefined();
    expect(await fanOutStepRequest(large, JourneyStepRequested.parseDetail(large), { ...deps, maxUploadBytes: 1000 })).toBeUndefined();
  });

  it('cuts an input past the shard limit into that many larger shards, not more', async () => {
    const store = new InMemoryObjectStore();
    const request = await stepRequestFor(store, encode(claimsExport(1500, 3)));
    const deps = { store, config: { ...config, maxShards: 4 }, maxUploadBytes: config.maxUploadBytes };
    const shards = (await fanOutStepRequest(request, JourneyStepRequested.parseDetail(request), deps))!;
    expect(shards).toHaveLength(4);
    const ranges = shards.map((s) => (s.detail as { shard: { start: number; end: number } }).shard);
    expect(ranges[0]!.start).toBe(0);
    expect(ranges.at(-1)!.end).toBe((await store.head(config.uploadBucket, 'uploads/mvp/schaeden.csv'))!.size);
  });
});
