import type { SampleFile } from '#domain/use-cases/use-case-module.js';
import { binaryCsv, headerlessCsv, raggedCsv, unterminatedQuoteCsv } from './broken-files.js';
import { customerRecords } from './customers.js';
import { toDelimitedText, toNdjson } from './delimited-text.js';
import { eventRecords } from './events.js';
import { orderRecords } from './orders.js';
import { productRecords } from './products.js';

const UTF8_BOM = '\ufeff';

/**
 * The records behind each good sample, exactly as the normalised copy must hold them. Each
 * sample draws from its own seed, so changing one leaves the others' bytes unchanged.
 */
export function mvpSampleRecords(seed: number) {
  return {
    customers: customerRecords(seed, 300),
    orders: orderRecords(seed + 1, 120),
    events: eventRecords(seed + 2, 150),
    products: productRecords(seed + 3, 40),
    bomContacts: customerRecords(seed + 4, 40),
  };
}

export function mvpSamples(seed: number): SampleFile[] {
  const records = mvpSampleRecords(seed);
  return [
    {
      fileName: 'mvp-customers.csv',
      body: toDelimitedText(records.customers, ','),
      expect: { status: 'completed' },
      description: '300 customers as CSV: quoted commas and line breaks in addresses, non-ASCII names, empty notes.',
    },
    {
      fileName: 'mvp-orders.tsv',
      body: toDelimitedText(records.orders, '\t'),
      expect: { status: 'completed' },
      description: '120 orders as TSV with UTC timestamps; the fax column is empty throughout, which the notice warns about.',
    },
    {
      fileName: 'mvp-events.ndjson',
      body: toNdjson(records.events),
      expect: { status: 'completed' },
      description: '150 click-stream events as NDJSON; amount appears only on checkouts and refunds.',
    },
    {
      fileName: 'mvp-products.json',
      body: `${JSON.stringify(records.products, null, 2)}\n`,
      expect: { status: 'completed' },
      description: '40 products as a pretty-printed JSON array, some weights null.',
    },
    {
      fileName: 'mvp-customers-bom.csv',
      body: UTF8_BOM + toDelimitedText(records.bomContacts, ',', '\r\n'),
      expect: { status: 'completed' },
      description: '40 customers as a spreadsheet exports them: a UTF-8 byte-order mark and CRLF line endings.',
    },
    {
      fileName: 'mvp-empty.csv',
      body: '',
      expect: { status: 'failed', code: 'empty_file' },
      description: 'A zero-byte file.',
    },
    {
      fileName: 'mvp-binary.csv',
      body: binaryCsv(seed),
      expect: { status: 'failed', code: 'binary_file' },
      description: 'A CSV with NUL bytes on line 3.',
    },
    {
      fileName: 'mvp-ragged.csv',
      body: raggedCsv(seed),
      expect: { status: 'failed', code: 'ragged_rows' },
      description: 'Line 7 has 3 fields and line 10 has 5 where the header has 4 (a quoted note spans lines 3-4).',
    },
    {
      fileName: 'mvp-unterminated-quote.csv',
      body: unterminatedQuoteCsv(seed),
      expect: { status: 'failed', code: 'unterminated_quote' },
      description: 'A quote opened on line 5 is never closed.',
    },
    {
      fileName: 'mvp-missing-header.csv',
      body: headerlessCsv(seed),
      expect: { status: 'failed', code: 'missing_header' },
      description: 'Numeric sensor readings with no header line.',
    },
  ];
}
