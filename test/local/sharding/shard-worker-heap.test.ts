import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { followTimestampsInShards } from '#local/sharding/follow-timestamps-in-shards.js';
import { profileFileInShards } from '#local/sharding/profile-file-in-shards.js';
import { ShardWorkerLost, startShardWorkers } from '#local/sharding/shard-workers.js';

/** A heap a worker starts and reads a small shard in, but that 40 columns of distinct text overrun. */
const TIGHT_HEAP = { youngGenerationMb: 4, oldGenerationMb: 24 };

describe('the heap a shard worker is given', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** A wide survey export: every cell of 40 free-text columns distinct, so each column's value counter keeps them all. */
  function surveyExport(rows: number): { path: string; size: number } {
    const folder = mkdtempSync(join(tmpdir(), 'symphainy-test-'));
    folders.push(folder);
    const lines = [['Erfasst am', ...Array.from({ length: 40 }, (_, c) => `Antwort ${c + 1}`)].join(';')];
    for (let r = 0; r < rows; r++) {
      const at = new Date(Date.UTC(2026, 2, 1) + r * 60_000).toISOString();
      lines.push([at, ...Array.from({ length: 40 }, (_, c) => `Befragte ${r} zu Frage ${c + 1}: ausführlich begründet, siehe Protokoll`)].join(';'));
    }
    const text = lines.join('\r\n') + '\r\n';
    const path = join(folder, 'umfrage.csv');
    writeFileSync(path, text);
    return { path, size: Buffer.byteLength(text) };
  }

  it('reads a small shard within a tight heap, so the cap itself is not what stops a worker', async () => {
    const file = surveyExport(300);
    const sharded = await profileFileInShards(file, { shardBytes: Math.ceil(file.size / 2), workers: 2, workerHeap: TIGHT_HEAP });
    expect(sharded?.profile.rows).toBe(300);
    expect(sharded?.shards).toHaveLength(2);
  });

  it('leaves a file whose shard state outgrows the heap to one pass instead of failing the read', async () => {
    const file = surveyExport(12_000);
    const options = { shardBytes: Math.ceil(file.size / 2), workers: 2 };
    expect(await profileFileInShards(file, { ...options, workerHeap: TIGHT_HEAP })).toBeUndefined();
    // A worker too small even to start is lost the same way.
    expect(await followTimestampsInShards(file, ['Erfasst am'], { ...options, workerHeap: { youngGenerationMb: 1, oldGenerationMb: 1 } })).toBeUndefined();
    // The heap shard workers get by default reads the same file in shards.
    const sharded = await profileFileInShards(file, options);
    expect(sharded?.profile.rows).toBe(12_000);
    expect(sharded?.profile.columns).toHaveLength(41);
  });

  it('rejects every waiting shard with ShardWorkerLost, naming the cause, when a worker runs out of memory', async () => {
    const file = surveyExport(12_000);
    const workers = startShardWorkers(1, TIGHT_HEAP);
    try {
      const task = { kind: 'profile' as const, path: file.path, fileOffset: 0, size: file.size, delimiter: 0x3b, options: {} };
      const columns = ['Erfasst am', ...Array.from({ length: 40 }, (_, c) => `Antwort ${c + 1}`)];
      const whole = workers.read({ ...task, start: 0, boundary: file.size, columns });
      const next = workers.read({ ...task, start: 0, boundary: file.size, columns });
      await expect(whole).rejects.toThrow(ShardWorkerLost);
      await expect(whole).rejects.toThrow(/memory/i);
      await expect(next).rejects.toThrow(ShardWorkerLost);
    } finally {
      await workers.close();
    }
  });
});
