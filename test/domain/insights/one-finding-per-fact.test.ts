import { describe, expect, it } from 'vitest';
import { deriveInsights } from '#domain/insights/index.js';
import { profileBytes, type DatasetProfile } from '#domain/profiling/index.js';
import { renderReport } from '#domain/reporting/index.js';
import { contextualiseClaimColumns } from '#domain/use-cases/insurance-ai/eda/claim-column-findings.js';

const profileOf = (text: string): Promise<DatasetProfile> => profileBytes(new TextEncoder().encode(text));

/** 100 policy lines, one in four with a claim: the four claim columns are empty on the same 75 lines. */
function policyLines(): string {
  const rows = ['policy_number,premium,claim_id,claim_date,claim_amount,claim_status'];
  for (let i = 0; i < 100; i++) {
    const claim = i % 4 === 0 ? [`C${i}`, `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`, String(100 + i * 9), ['PD', 'OP'][i % 2]] : ['', '', '', ''];
    rows.push([`P${i}`, String(500 + (i % 13) * 20), ...claim].join(','));
  }
  return `${rows.join('\n')}\n`;
}

describe('one finding per fact', () => {
  it('columns empty on the same rows are one missingness finding, and one row of the missing-together table', async () => {
    const profile = await profileOf(policyLines());
    const missing = deriveInsights(profile).filter((i) => i.kind === 'high_missingness');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.columns).toEqual(['claim_id', 'claim_date', 'claim_amount', 'claim_status']);
    expect(missing[0]!.numbers).toMatchObject({ missing: 75, missingTogether: 75, columns: 4 });
    const page = await renderReport({
      fileName: 'p.csv',
      sourceUri: 's3://b/p.csv',
      useCaseTitle: 't',
      journeyId: 'j',
      generatedAt: '2026-01-01T00:00:00Z',
      profile,
      insights: deriveInsights(profile),
    });
    const table = page.slice(page.indexOf('Columns that go missing together'), page.indexOf('</table>', page.indexOf('Columns that go missing together')));
    // Four columns are six pairs; the table lists the group once.
    expect(table.match(/<tr>/g)).toHaveLength(2);
    expect(table).toContain('claim_id, claim_date, claim_amount, claim_status');
  });

  it('the claim columns empty on the policy lines without a claim are one note, not one card each', async () => {
    const profile = await profileOf(policyLines());
    // Without the grouping (as on an older profile), each column is its own finding: still one note.
    const perColumn = deriveInsights({ ...profile, missingCooccurrence: [] }).filter((i) => i.kind === 'high_missingness');
    expect(perColumn).toHaveLength(4);
    for (const insights of [perColumn, deriveInsights(profile)]) {
      const notes = contextualiseClaimColumns(insights, 75).filter((i) => i.kind === 'high_missingness');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ severity: 'info', title: '4 claim columns are empty on the 75 policy lines without a claim' });
      expect(notes[0]!.columns.sort()).toEqual(['claim_amount', 'claim_date', 'claim_id', 'claim_status']);
    }
  });

  it('a claim column also empty on lines that carry a claim stays a finding of its own', async () => {
    const profile = await profileOf(policyLines().replace(/,C0,2025-03-01,100,PD/, ',C0,2025-03-01,,PD'));
    const notes = contextualiseClaimColumns(deriveInsights(profile), 75);
    expect(notes.filter((i) => i.kind === 'high_missingness' && i.severity !== 'info').flatMap((i) => i.columns)).toContain('claim_amount');
  });

  it('outliers found by the IQR fences and by z-score on one column are one finding', async () => {
    const rows = ['sensor,latency_ms'];
    for (let i = 0; i < 120; i++) rows.push(`s${i % 3},${i === 119 ? 5000 : 10 + (i % 10)}`);
    const outliers = deriveInsights(await profileOf(`${rows.join('\n')}\n`)).filter((i) => i.kind.startsWith('outliers'));
    expect(outliers.map((i) => i.columns[0])).toEqual(['latency_ms']);
    expect(outliers[0]!.numbers).toHaveProperty('maxAbsZ');
  });
});
