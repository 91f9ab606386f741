import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InsuranceRecord } from '#domain/use-cases/insurance-ai/upload/insurance-record.js';
import { LakeWriter } from '#domain/use-cases/insurance-ai/upload/lake-writer.js';

const record = (line: number, lob: InsuranceRecord['line_of_business'], year: number): InsuranceRecord => ({
  source_line: line,
  policy_number: `P${line % 37}`,
  holder_name: null,
  national_id: null,
  email: null,
  phone: null,
  line_of_business: lob,
  state: 'OH',
  effective_date: `${year}-03-01`,
  premium: 100 + (line % 9),
  claim_id: null,
  claim_date: null,
  reported_date: null,
  claim_amount: null,
  reserve_amount: null,
  claim_status: null,
});

/** Keeps what the writer stores, keyed as it keys it; the writer's only dependency. */
function recordingContext() {
  const objects = new Map<string, string>();
  return {
    objects,
    context: {
      useCase: 'insurance_ai',
      journeyId: 'j-lake',
      writeArtifact: async (spec: { name: string; body: Uint8Array | string; contentType: string; key?: string }) => {
        const body = typeof spec.body === 'string' ? spec.body : new TextDecoder().decode(spec.body);
        objects.set(spec.key!, body);
        return {
          name: spec.name,
          step: 'process_data_lake',
          bucket: 'artifacts',
          key: spec.key!,
          sha256: createHash('sha256').update(body).digest('hex'),
          size: Buffer.byteLength(body),
          contentType: spec.contentType,
        };
      },
    },
  };
}

async function writeLake(records: InsuranceRecord[], bufferBytes: number) {
  const { objects, context } = recordingContext();
  const lake = new LakeWriter(context, 'lake/', bufferBytes);
  for (const r of records) await lake.add(r);
  return { objects, partitions: await lake.finish() };
}

describe('LakeWriter', () => {
  // Three partitions of very different sizes, interleaved as an extract sorted by policy would be.
  const records = Array.from({ length: 3000 }, (_, i) => record(i + 1, i % 10 === 0 ? 'HOME' : 'AUTO', i % 3 === 0 ? 2023 : 2024));

  it('splits a partition larger than its buffer into numbered parts that hold its records in order', async () => {
    const { objects, partitions } = await writeLake(records, 20_000);
    const auto2024 = partitions.find((p) => p.path === 'lob=AUTO/year=2024')!;
    expect(auto2024.files.length).toBeGreaterThan(5);
    expect(auto2024.files.map((f) => f.key.split('/').pop())).toEqual(auto2024.files.map((_, i) => `j-lake-part-${String(i + 1).padStart(5, '0')}.ndjson`));
    const lines = auto2024.files
      .map((f) => objects.get(f.key)!)
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as InsuranceRecord);
    expect(lines.map((r) => r.source_line)).toEqual(
      records.filter((r) => r.line_of_business === 'AUTO' && r.effective_date!.startsWith('2024')).map((r) => r.source_line),
    );
    expect(auto2024.files.reduce((n, f) => n + f.rows, 0)).toBe(auto2024.rows);
    for (const f of auto2024.files) expect(createHash('sha256').update(objects.get(f.key)!).digest('hex')).toBe(f.sha256);
  });

  it('writes every record exactly once, in partitions listed in order, whatever the buffer', async () => {
    for (const bufferBytes of [5_000, 200_000, 32 * 1024 * 1024]) {
      const { objects, partitions } = await writeLake(records, bufferBytes);
      expect(partitions.map((p) => p.path)).toEqual(['lob=AUTO/year=2023', 'lob=AUTO/year=2024', 'lob=HOME/year=2023', 'lob=HOME/year=2024']);
      const written = [...objects.values()]
        .join('')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as InsuranceRecord).source_line)
        .sort((a, b) => a - b);
      expect(written).toEqual(records.map((r) => r.source_line));
    }
  });

  it('keeps a partition that fits as one file named after the journey', async () => {
    const { partitions } = await writeLake(records, 32 * 1024 * 1024);
    expect(partitions.every((p) => p.files.length === 1 && p.files[0]!.key.endsWith(`/${p.path}/j-lake.ndjson`))).toBe(true);
  });

  it('cuts the same parts for the same extract, so a retried step rewrites the same bytes', async () => {
    const a = await writeLake(records, 20_000);
    const b = await writeLake(records, 20_000);
    expect([...b.objects.entries()]).toEqual([...a.objects.entries()]);
  });
});
