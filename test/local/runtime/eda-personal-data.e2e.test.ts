import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyView } from '#domain/journeys/journey-state.js';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';
import { people, personalStrings, type Person } from '../../support/people.js';

/**
 * Files shaped like other teams' exports, each carrying known national ids, e-mail addresses,
 * phone numbers and names: the EDA journey of each use case must complete and leave none of
 * them in any artifact (report, profile, insights and the rest), in its step summaries or in
 * its notification.
 */
const crew = people(40);
const csv = (cell: string | number) => (/[",]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell));

/** A shop's customer export: semicolons, German headers no name hint knows, so only the values' shapes tell. */
function mvpCustomers(list: readonly Person[]): string {
  const lines = ['Kundennummer;Kunde;Kontakt;Rufnummer;Steuer_Nr;Bestellwert;Stadt;Notiz'];
  list.forEach((p, i) => {
    const note = i % 5 === 0 ? `Rückruf unter ${p.phone} erbeten` : i % 7 === 0 ? `Rechnung an ${p.email}` : 'ok';
    lines.push([`K-${7000 + i}`, p.name, p.email, p.phone, p.nationalId, (19.5 + i * 3.25).toFixed(2), ['Bremen', 'Kiel', 'Jena'][i % 3], note].join(';'));
  });
  return `${lines.join('\n')}\n`;
}

/** A US logger with a driver roster joined on: epoch ms, mph, g, a VIN, and the driver's details. */
function avTelemetryWithDrivers(list: readonly Person[]): string {
  const lines = ['ts_ms,vin,speed_mph,accel_g,gps_lat,gps_lng,hdg,driver,driver_contact,dispatch_phone,driver_ssn'];
  const start = Date.UTC(2026, 5, 1, 8, 0, 0);
  for (let v = 0; v < 4; v++) {
    for (let s = 0; s < 60; s++) {
      const p = list[(v * 10 + Math.floor(s / 6)) % list.length]!;
      const speed = 20 + 10 * Math.sin(s / 9) + v;
      lines.push(
        [
          start + s * 1000,
          `1HGCM8263A00000${v}`,
          speed.toFixed(2),
          (0.02 * Math.cos(s / 5)).toFixed(4),
          (41.88 + v * 0.01 + s * 0.00005).toFixed(6),
          (-87.63 + s * 0.00005).toFixed(6),
          ((s * 7) % 360).toFixed(1),
          p.name,
          p.email,
          p.phone,
          p.nationalId,
        ]
          .map(csv)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A policy-and-claims extract with abbreviated legacy names, plus a beneficiary column no field reads. */
function insuranceExtract(list: readonly Person[]): string {
  const lines = ['pol_no,insured_nm,tin,mail,tel,lob,st,eff_dt,prem,clm_no,loss_dt,clm_amt,clm_stat,beneficiary_name'];
  list.forEach((p, i) => {
    const claim = i % 3 === 0 ? [`C${900 + i}`, `2025-0${1 + (i % 9)}-15`, (250 + i * 40).toFixed(2), ['PD', 'OP', 'DN', 'CL'][i % 4]!] : ['', '', '', ''];
    const beneficiary = list[(i + 7) % list.length]!.name;
    lines.push(
      [
        `P${5000 + i}`,
        p.name,
        p.nationalId,
        p.email,
        p.phone,
        ['AUTO', 'HOME', 'LIFE'][i % 3]!,
        ['NY', 'TX', 'CA', 'WA'][i % 4]!,
        `2024-0${1 + (i % 9)}-01`,
        (800 + i * 25).toFixed(2),
        ...claim,
        beneficiary,
      ]
        .map(csv)
        .join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}

describe('EDA artifacts carry no raw personal data', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  /** Every artifact of the journey as text, with the journey's own record (summaries, notification). */
  async function everythingWritten(eda: JourneyView): Promise<Map<string, string>> {
    const texts = new Map<string, string>([['journey record', JSON.stringify(eda)]]);
    for (const artifact of eda.artifacts) texts.set(artifact.name, await harness.text(artifact.bucket, artifact.key));
    return texts;
  }

  function expectNoneOf(strings: readonly string[], texts: Map<string, string>): void {
    const leaks = [...texts].flatMap(([name, text]) =>
      strings.filter((s) => text.includes(s) || text.includes(s.replace(/'/g, '&#39;'))).map((s) => `${name}: ${s}`),
    );
    expect(leaks).toEqual([]);
  }

  for (const [useCase, fileName, body] of [
    ['mvp', 'kunden-export.csv', mvpCustomers(crew)],
    ['autonomous_vehicle', 'fleet-with-drivers.csv', avTelemetryWithDrivers(crew)],
    ['insurance_ai', 'policies-and-claims.csv', insuranceExtract(crew)],
  ] as const) {
    it(`${useCase}: none of the national ids, e-mails, phones or names appears in any EDA artifact`, async () => {
      harness = await embeddedHarness();
      const eda = await harness.uploadAndWait(body, `uploads/${useCase}/${fileName}`, { journey: 'eda' });
      expect(eda.status, JSON.stringify(eda.error)).toBe('completed');
      const texts = await everythingWritten(eda);
      expect([...texts.keys()]).toEqual(expect.arrayContaining(['report.html', 'profile.json', 'insights.json']));
      // The file does hold them: the check below is not vacuous.
      expect(personalStrings(crew).every((s) => body.includes(s))).toBe(true);
      expectNoneOf(personalStrings(crew), texts);
      // The report still says what the columns were, without their values.
      const profile = JSON.parse(texts.get('profile.json')!) as { columns: { name: string; personalData?: { kind: string }; valuesWithheld?: boolean }[] };
      const kinds = new Set(profile.columns.filter((c) => c.valuesWithheld).map((c) => c.personalData!.kind));
      expect([...kinds].sort()).toEqual(['email', 'national_id', 'person_name', 'phone']);
      expect(texts.get('report.html')).toContain('withheld');
    }, 60_000);
  }
});
