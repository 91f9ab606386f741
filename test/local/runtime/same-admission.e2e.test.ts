import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

const HOSTILE: [string, string | Uint8Array][] = [
  ['header-only.csv', 'order_id,total\n'],
  ['one-10mb-line.csv', 'x'.repeat(10 * 1024 * 1024)],
  ['scalar.json', '42'],
  ['empty-header-name.csv', 'a,,c\n1,2,3\n'],
  ['duplicate-header.csv', 'a,a,c\n1,2,3\n'],
  ['ragged.csv', 'a,b,c\n1,2\n'],
  ['latin1.csv', Buffer.from('name,city\nJos\xe9,M\xe1laga\n', 'latin1')],
  ['nul-bytes.csv', Buffer.from('a,b\n1,\u00002\n', 'binary')],
  ['bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf])],
  ['gzipped-header-only.csv.gz', gzipSync('order_id,total\n')],
  ['nested-100000-deep.json', `[{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`],
];

/** Whatever a file is, the upload journey and the EDA journey of a use case agree on whether it is admitted, and why not. */
describe('the upload and EDA journeys admit the same files', () => {
  let harness: Harness;
  let small: Harness;
  beforeAll(async () => {
    harness = await embeddedHarness();
    small = await embeddedHarness({ config: { maxUploadBytes: 64 * 1024 } });
  });
  afterAll(() => {
    harness.close();
    small.close();
  });

  for (const useCase of ['mvp', 'autonomous_vehicle', 'insurance_ai']) {
    it.each(HOSTILE)(
      `${useCase}: %s fails both journeys with the same code`,
      async (name, body) => {
        const key = `uploads/${useCase}/${name}`;
        const upload = await harness.uploadAndWait(body, key);
        const eda = await harness.uploadAndWait(body, key, { journey: 'eda' });
        expect(upload.status).toBe('failed');
        expect({ status: eda.status, code: eda.error?.code }).toEqual({ status: 'failed', code: upload.error?.code });
      },
      60_000,
    );

    it(`${useCase}: a file over the size limit fails both journeys with file_too_large`, async () => {
      const body = `a,b\n${'1,2\n'.repeat(20_000)}`;
      for (const metadata of [undefined, { journey: 'eda' }]) {
        const view = await small.uploadAndWait(body, `uploads/${useCase}/big.csv`, metadata);
        expect([view.status, view.error?.code]).toEqual(['failed', 'file_too_large']);
      }
    });
  }
});
