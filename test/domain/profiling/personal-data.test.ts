import { describe, expect, it } from 'vitest';
import { profileBytes, withholdEmbedded, withholdPersonalData } from '#domain/profiling/index.js';

const profileOf = (text: string) => profileBytes(new TextEncoder().encode(text));
const kindOf = async (text: string, column: string) => (await profileOf(text)).columns.find((c) => c.name === column)!.personalData?.kind;

describe('telling personal data in a column', () => {
  it('by the values alone, whatever the column is called', async () => {
    const rows = ['FLD01|FLD02|FLD03|FLD04|FLD05'];
    for (let i = 0; i < 30; i++)
      rows.push(
        [
          `Ola Nordmann${'abcdefghij'[i % 10]}`,
          `ola${i}@firma.example.no`,
          `(312) 555-${String(1000 + i)}`,
          `${100 + i}-45-${String(6000 + i)}`,
          `${10 + i}`,
        ].join('|'),
      );
    const text = `${rows.join('\n')}\n`;
    expect(await kindOf(text, 'FLD01')).toBe('person_name');
    expect(await kindOf(text, 'FLD02')).toBe('email');
    expect(await kindOf(text, 'FLD03')).toBe('phone');
    expect(await kindOf(text, 'FLD04')).toBe('national_id');
    expect(await kindOf(text, 'FLD05')).toBeUndefined();
  });

  it('by the name alone, numbers included: an SSN column of nine bare digits, a phone column of integers', async () => {
    const rows = ['SocialSecurityNo,phone_nr,CustomerName,amount'];
    for (let i = 0; i < 25; i++) rows.push(`${123456700 + i},${3125550100 + i},X${i},${i * 3}`);
    const text = `${rows.join('\n')}\n`;
    expect(await kindOf(text, 'SocialSecurityNo')).toBe('national_id');
    expect(await kindOf(text, 'phone_nr')).toBe('phone');
    expect(await kindOf(text, 'CustomerName')).toBe('person_name');
    expect(await kindOf(text, 'amount')).toBeUndefined();
  });

  it('not two-word labels: cities, products and repeated categories are not people', async () => {
    const rows = ['city,product,segment,order_no'];
    for (let i = 0; i < 40; i++)
      rows.push(
        `${['New York', 'San Diego', 'Las Vegas', 'El Paso'][i % 4]} ${i},Wireless Mouse ${'ABCDEFGH'[i % 8]},${['Small Business', 'Large Account'][i % 2]},${9000 + i}`,
      );
    const text = `${rows.join('\n')}\n`;
    for (const column of ['city', 'product', 'segment', 'order_no']) expect(await kindOf(text, column), column).toBeUndefined();
  });

  it('withholding keeps counts and lengths, drops every value, and scrubs contacts out of free text', async () => {
    const rows = ['email,note'];
    for (let i = 0; i < 20; i++) rows.push(`p${i % 4}@example.com,${i % 2 ? 'call 415-555-0199 after six' : 'mail p1@example.com'}`);
    const withheld = withholdPersonalData(await profileOf(`${rows.join('\n')}\n`));
    const [email, note] = withheld.columns;
    expect(email).toMatchObject({ valuesWithheld: true, count: 20, distinct: 4, min: null, max: null });
    expect(email!.topK.map((t) => t.count)).toEqual([5, 5, 5, 5]);
    expect(email!.lengths).not.toBeNull();
    expect(JSON.stringify(withheld)).not.toMatch(/example\.com|415-555-0199/);
    expect(note!.topK.map((t) => t.value).sort()).toEqual(['call [phone number withheld] after six', 'mail [e-mail address withheld]']);
    expect(withholdPersonalData(await profileOf(`${rows.join('\n')}\n`), 'allow').columns[0]!.topK[0]!.value).toContain('@example.com');
  });

  it('finds national ids, e-mails and phones inside text, leaving other numbers alone', () => {
    expect(withholdEmbedded('SSN 078-05-1120, ring +1 (212) 555-0143 or 212.555.0143; order 2026-11-30 #12345')).toBe(
      'SSN [national id withheld], ring [phone number withheld] or [phone number withheld]; order 2026-11-30 #12345',
    );
  });
});
