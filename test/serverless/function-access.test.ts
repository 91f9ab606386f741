import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { AccessDeniedError, withinAccess } from '#functions/shared/access-guard.js';
import { functionAccess, keyMatches } from '#functions/shared/function-access.js';
import type { FunctionPorts } from '#functions/shared/function-ports.js';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { JourneyDelivered } from '#events/journey-delivered.js';
import { PLATFORM_SOURCE, type EventDraft } from '#events/platform-event.js';
import { InMemoryObjectStore } from '../support/in-memory-object-store.js';

const registry = defaultUseCaseRegistry();
const config = defaultPlatformConfig;

function portsFor(target: string) {
  const published: EventDraft[] = [];
  const ports: FunctionPorts = {
    store: new InMemoryObjectStore(),
    publisher: { publish: async (events) => void published.push(...events) },
    clock: { now: () => new Date('2024-01-01T00:00:00Z') },
    config,
    registry,
    logger: new Logger({ logLevel: 'SILENT' }),
  };
  return { guarded: withinAccess(target, ports), published };
}

describe('what a function may touch (the declaration its role is built from)', () => {
  it('declares every routing target', () => {
    const access = functionAccess(registry);
    for (const { target } of routingTable(registry, { uploadBucket: config.uploadBucket })) expect(access[target], target).toBeDefined();
  });

  it('matches key patterns as IAM does: * spans slashes, nothing else is special', () => {
    expect(keyMatches(['journeys/*/load_data/*'], 'journeys/j1/load_data/a/b.json')).toBe(true);
    expect(keyMatches(['journeys/*/load_data/*'], 'journeys/j1/explore_data/a.json')).toBe(false);
    expect(keyMatches(['a.b/*'], 'axb/c')).toBe(false);
  });

  it('refuses, in every runtime, a write or a publish the role would refuse', async () => {
    const { guarded, published } = portsFor('validate-file');
    await guarded.store.put(config.artifactBucket, 'journeys/j1/validate_file/report.json', '{}');
    await expect(guarded.store.put(config.artifactBucket, 'journeys/j1/store_file/report.json', '{}')).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(guarded.store.put(config.artifactBucket, 'curated/mvp/x.ndjson', '{}')).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(guarded.store.put(config.uploadBucket, 'uploads/mvp/a.csv', 'a')).rejects.toBeInstanceOf(AccessDeniedError);
    const delivered = { source: PLATFORM_SOURCE, detailType: JourneyDelivered.detailType, detail: {} } as EventDraft;
    await expect(guarded.publisher.publish([delivered])).rejects.toBeInstanceOf(AccessDeniedError);
    expect(published).toEqual([]);
  });

  it('lets the recorder write recorded events only, and read no uploads', async () => {
    const { guarded } = portsFor('journey-recorder');
    await guarded.store.put(config.artifactBucket, 'journeys/j1/events/2024-01-01T00:00:00Z-e1.json', '{}');
    await expect(guarded.store.put(config.artifactBucket, 'state/idempotency/journey-recorder/e1.json', '{}')).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(guarded.store.get(config.uploadBucket, 'uploads/mvp/a.csv')).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe('the registry slice a function is bundled with', () => {
  it('yields the same access for that function as the whole registry', async () => {
    const require = createRequire(import.meta.url);
    const { sliceSource } = require('../../deploy/serverless/registry-slices.cjs') as { sliceSource: (target: string) => Promise<string> };
    const whole = functionAccess(registry);
    const dir = mkdtempSync(join(tmpdir(), 'symphainy-slice-'));
    try {
      for (const { target } of routingTable(registry, { uploadBucket: config.uploadBucket }).filter(
        (r, i, all) => all.findIndex((o) => o.target === r.target) === i,
      )) {
        const file = join(dir, `${target}.ts`);
        writeFileSync(file, await sliceSource(target));
        const slice = (await import(pathToFileURL(file).href)) as { defaultUseCaseRegistry: () => typeof registry };
        expect(functionAccess(slice.defaultUseCaseRegistry())[target], target).toEqual(whole[target]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
