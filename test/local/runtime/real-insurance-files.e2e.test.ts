import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { BOOK, insuranceCorpus, type InsuranceCorpusFile } from '../../support/insurance-corpus.js';

type Completing = InsuranceCorpusFile & { expect: Extract<InsuranceCorpusFile['expect'], { status: 'completed' }> };
type Failing = InsuranceCorpusFile & { expect: Extract<InsuranceCorpusFile['expect'], { status: 'failed' }> };

const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);

/** Both insurance journeys on extracts shaped as other teams' systems write them. */
describe('insurance_ai journeys on other teams’ extracts', () => {
  let harness: Harness;
  const corpus = insuranceCorpus();
  const upload = new Map<string, JourneyView>();
  const eda = new Map<string, JourneyView>();

  beforeAll(async () => {
    harness = await embeddedHarness();
    for (const file of corpus) {
      const key = `uploads/insurance_ai/${file.folder}/${file.name}`;
      if (file.mappingFile) {
        await harness.runtime.store.put(
          harness.runtime.config.uploadBucket,
          `uploads/insurance_ai/${file.folder}/_column-map.json`,
          JSON.stringify(file.mappingFile),
        );
      }
      upload.set(file.name, await harness.uploadAndWait(file.body, key, file.metadata));
      eda.set(file.name, await harness.uploadAndWait(file.body, key, { ...file.metadata, journey: 'eda' }));
    }
  }, 180_000);
  afterAll(() => harness.close());

  const json = async (view: JourneyView, name: string) => {
    const ref = view.artifacts.find((a) => a.name === name);
    if (!ref) throw new Error(`${view.journeyId} left no ${name}; it left ${view.artifacts.map((a) => a.name).join(', ')}`);
    return JSON.parse(await harness.text(ref.bucket, ref.key));
  };

  const completing = corpus.filter((f): f is Completing => f.expect.status === 'completed');
  const failing = corpus.filter((f): f is Failing => f.expect.status === 'failed');

  it('holds at least eight differently shaped files that should run', () => {
    expect(completing.length).toBeGreaterThanOrEqual(8);
  });

  it.each(completing.map((f) => [f.name, f] as const))('%s: the upload journey maps its columns and reaches the book’s figures', async (_name, file) => {
    const view = upload.get(file.name)!;
    expect(view.status, JSON.stringify(view.error)).toBe('completed');
    const mapping = await json(view, 'column-mapping.json');
    const mapped = Object.fromEntries(mapping.fields.map((f: { column: string; field: string }) => [f.column, f.field]));
    expect(mapped).toMatchObject(file.expect.maps);

    const lake = await json(view, 'partitions.json');
    const partitions = lake.partitions as { writtenPremium: number | null; paidLosses: number | null; incurredLosses: number | null; records: number }[];
    const { holds } = file.expect;
    if (holds.premium) expect(sum(partitions.map((p) => p.writtenPremium))).toBeCloseTo(BOOK.writtenPremium, 2);
    else expect(partitions.every((p) => p.writtenPremium === null)).toBe(true);
    if (holds.claims) {
      expect(sum(partitions.map((p) => p.paidLosses))).toBeCloseTo(BOOK.paidLosses, 2);
      expect(sum(partitions.map((p) => p.incurredLosses))).toBeCloseTo(holds.reserves ? BOOK.incurredWithReserves : BOOK.paidLosses, 2);
    }
    const report = await json(view, 'validation-report.json');
    expect(report.policies).toBe(holds.premium ? BOOK.policies : BOOK.policiesWithClaims);
    if (holds.claims) expect(report.claims).toBe(BOOK.claims);
  });

  it.each(completing.map((f) => [f.name, f] as const))('%s: the EDA journey reads it through the same mapping to the same totals', async (_name, file) => {
    const view = eda.get(file.name)!;
    expect(view.status, JSON.stringify(view.error)).toBe('completed');
    const mapping = await json(view, 'column-mapping.json');
    expect(mapping).toEqual(await json(upload.get(file.name)!, 'column-mapping.json'));
    const { portfolio } = await json(view, 'segment-analysis.json');
    const { holds } = file.expect;
    if (holds.premium) expect(portfolio.premium).toBeCloseTo(BOOK.writtenPremium, 2);
    else expect(portfolio.premium).toBeNull();
    if (holds.claims) {
      expect(portfolio.claims).toBe(BOOK.claims);
      expect(portfolio.incurred).toBeCloseTo(holds.reserves ? BOOK.incurredWithReserves : BOOK.paidLosses, 2);
    }
  });

  it.each(failing.map((f) => [f.name, f] as const))('%s: both journeys refuse it with its code and a message that says how to fix it', async (_name, file) => {
    for (const view of [upload.get(file.name)!, eda.get(file.name)!]) {
      expect(view.status).toBe('failed');
      expect(view.error?.code).toBe(file.expect.code);
      const said = [view.error!.message, ...(view.error!.details ?? [])].join('\n');
      for (const mention of file.expect.mentions) expect(said).toContain(mention);
    }
  });

  it('reports the two paid columns as an ambiguity and takes the first', async () => {
    const mapping = await json(upload.get('two-paid-columns.csv')!, 'column-mapping.json');
    expect(mapping.ambiguities).toEqual([expect.objectContaining({ field: 'claim_amount', chosen: 'paid', alsoFitting: ['paid_amt'] })]);
  });

  it('says where a declared mapping came from', async () => {
    const fromFile = await json(upload.get('partner-2024.csv')!, 'column-mapping.json');
    expect(fromFile.declaredBy).toEqual(['uploads/insurance_ai/partner-a/_column-map.json']);
    const fromMetadata = await json(upload.get('rpt0042.csv')!, 'column-mapping.json');
    expect(fromMetadata.fields.find((f: { field: string }) => f.field === 'premium').rule).toMatch(/declared/);
  });

  it('masks the claimant’s personal data in every extract that carries it', async () => {
    for (const name of ['claims-register.csv', 'bi-export.csv', 'unload.tsv']) {
      const view = upload.get(name)!;
      const ref = view.artifacts.find((a) => a.name === 'records.masked.ndjson')!;
      const masked = await harness.text(ref.bucket, ref.key);
      for (const raw of ['111-22-3333', 'ann.poe@example.com', '(212) 555-0101']) expect(masked, name).not.toContain(raw);
    }
  });

  it('leaves every upload byte for byte as it arrived', async () => {
    for (const file of corpus) {
      const object = await harness.runtime.store.get(harness.runtime.config.uploadBucket, `uploads/insurance_ai/${file.folder}/${file.name}`);
      expect(new TextDecoder().decode(object!.body), file.name).toBe(file.body);
    }
  });
});
