import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

/**
 * An order export as a German shop system writes it: `;` between fields, decimal commas,
 * `.` and spaces between thousands, a postcode with a leading zero and a note with a comma in it.
 */
const BESTELLUNGEN =
  [
    'Bestellnummer;Kunde;Bestelldatum;PLZ;Menge;Einzelpreis;Betrag;Rabatt;Gewicht_kg;Notiz',
    'B-1001;Müller GmbH;2026-11-02;01067;3;12,50;37,50;0;1,234;',
    'B-1002;Schmidt & Co;2026-11-03;80331;120;10,288;1.234,56;-0,5;12;"ca. 3,5 kg"',
    'B-1003;Café Dupont;2026-11-03;10115;1;12.345,00;12 345,00;;0,75;Eilversand',
    'B-1004;Nordlicht AG;2026-11-04;20095;2;0,99;1,98;-12,25;;',
  ].join('\r\n') + '\r\n';

/** The same kind of export from a US system: commas between fields, a comma between thousands. */
const US_ORDERS = ['order_no,total,weight', 'U-1,"1,234",2.5', 'U-2,"12,50",3', ''].join('\n');

describe('mvp on an order export with decimal commas', () => {
  let harness: Harness;
  let german: JourneyView;
  let us: JourneyView;

  beforeAll(async () => {
    harness = await embeddedHarness();
    german = await harness.uploadAndWait(BESTELLUNGEN, 'uploads/mvp/shop-de/bestellungen-2026-11.csv');
    us = await harness.uploadAndWait(US_ORDERS, 'uploads/mvp/shop-us/orders.csv');
  }, 60_000);
  afterAll(() => harness.close());

  const text = async (view: JourneyView, name: string) => {
    const ref = view.artifacts.find((a) => a.name === name);
    if (!ref) throw new Error(`${view.journeyId} left no ${name}; it left ${view.artifacts.map((a) => a.name).join(', ')}`);
    return harness.text(ref.bucket, ref.key);
  };
  const json = async (view: JourneyView, name: string) => JSON.parse(await text(view, name));
  const curatedRows = async (view: JourneyView) =>
    (await text(view, 'curated.ndjson'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('completes the upload journey and curates the amounts as numbers with a dot', async () => {
    expect(german.status, JSON.stringify(german.error)).toBe('completed');
    expect(german.steps.every((s) => s.status === 'completed')).toBe(true);
    const rows = await curatedRows(german);
    expect(rows.map((r) => [r['Einzelpreis'], r['Betrag'], r['Rabatt'], r['Gewicht_kg']])).toEqual([
      [12.5, 37.5, 0, 1.234],
      [10.288, 1234.56, -0.5, 12],
      [12345, 12345, null, 0.75],
      [0.99, 1.98, -12.25, null],
    ]);
    expect(rows.map((r) => r['Menge'])).toEqual([3, 120, 1, 2]);
  });

  it('keeps what is not a number as text: the postcode with its leading zero, the note with a comma', async () => {
    const rows = await curatedRows(german);
    expect(rows.map((r) => r['PLZ'])).toEqual(['01067', '80331', '10115', '20095']);
    expect(rows[1]!['Notiz']).toBe('ca. 3,5 kg');
    expect(rows[0]!['Kunde']).toBe('Müller GmbH');
  });

  it('says which columns were read with a decimal comma, in the validation report, the manifest and the notice', async () => {
    const report = await json(german, 'validation-report.json');
    expect(report.delimiter).toBe(';');
    expect(report.decimalComma.map((d: { column: string; decision: string }) => [d.column, d.decision])).toEqual([
      ['Einzelpreis', 'read_as_numbers'],
      ['Betrag', 'read_as_numbers'],
      ['Rabatt', 'read_as_numbers'],
      ['Gewicht_kg', 'read_as_numbers'],
    ]);
    expect(report.decimalComma[1].detail).toContain('"37,50" read as 37.5');
    const manifest = await json(german, 'curated-manifest.json');
    const betrag = manifest.schema.find((c: { name: string }) => c.name === 'Betrag');
    expect(betrag).toEqual({ name: 'Betrag', type: 'float', nullable: false, nulls: 0, decimalSeparator: ',' });
    expect(manifest.schema.find((c: { name: string }) => c.name === 'PLZ').type).toBe('string');
    expect(german.delivery!.message).toContain('Betrag (float, decimal comma)');
  });

  it('leaves the upload byte for byte as it was sent', async () => {
    expect(await harness.text(german.input!.bucket, german.input!.key)).toBe(BESTELLUNGEN);
  });

  it('never reads "1,234" in a comma-delimited file as 1.234: that column stays text, and the report says so', async () => {
    expect(us.status, JSON.stringify(us.error)).toBe('completed');
    const rows = await curatedRows(us);
    expect(rows.map((r) => r['total'])).toEqual(['1,234', '12,50']);
    expect(rows.map((r) => r['weight'])).toEqual([2.5, 3]);
    const report = await json(us, 'validation-report.json');
    expect(report.decimalComma).toEqual([expect.objectContaining({ column: 'total', decision: 'kept_as_text' })]);
  });
});
