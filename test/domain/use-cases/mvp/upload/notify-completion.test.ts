import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { mvpUseCase } from '#domain/use-cases/mvp/index.js';
import { composeCompletionNotice, composeFailureNotice } from '#domain/use-cases/mvp/upload/compose-notice.js';
import { runJourneySteps } from '../../../../support/run-journey-steps.js';

const TSV = 'order_id\tamount\tfax\tnote\n1\t9.5\t\t\n2\t10\t\t\n';

async function completedJourney() {
  const run = await runJourneySteps(mvpUseCase, 'upload', TSV, { key: 'uploads/mvp/orders.tsv', journeyId: 'j-9' });
  const summary: DeliverySummary = {
    journeyId: 'j-9',
    useCase: 'mvp',
    journey: 'upload',
    inputKey: 'uploads/mvp/orders.tsv',
    outcome: 'completed',
    summaries: Object.fromEntries(run.records.map((r) => [r.name, r.summary])),
  };
  return { run, summary };
}

describe('notify_completion', () => {
  it('writes the notification a person receives, with the facts of the run and warnings', async () => {
    const { run } = await completedJourney();
    expect(run.records[3]!.artifacts.map((a) => a.key)).toEqual(['journeys/j-9/notify_completion/notification.json']);
    expect(run.json('notification.json')).toEqual({
      subject: 'Processed orders.tsv: 2 rows, 4 columns, 1 warning',
      message: [
        'Your file "orders.tsv" was validated, normalised and stored.',
        '',
        'Rows: 2',
        'Columns: 4',
        'Types: order_id (integer), amount (float), fax (empty), note (empty)',
        'Curated copy: s3://symphainy-artifacts/curated/mvp/2026/11/27/j-9/curated.ndjson',
        '',
        'Warnings:',
        '- No value in any row for "fax", "note"; kept with every value null.',
      ].join('\n'),
      recipients: [],
      journeyId: 'j-9',
    });
  });

  it('says "Warnings: none" when every column has values', () => {
    const notice = composeCompletionNotice({
      fileName: 'a.csv',
      rows: 1,
      columns: 1,
      columnTypes: 'id (integer)',
      emptyColumns: '',
      formulaLikeCells: 0,
      curatedLocation: 's3://b/k',
    });
    expect(notice.subject).toBe('Processed a.csv: 1 row, 1 column');
    expect(notice.message.split('\n').at(-1)).toBe('Warnings: none');
  });
});

describe('cells that would run as spreadsheet formulas', () => {
  const CONTACTS = 'name,phone,note\nAda,+44 20 7946 0000,"=HYPERLINK(""http://evil.example"",""open"")"\nBo,-5,@SUM(A1:A2)\n';

  it('are kept as text, listed in the validation report and warned about in the notice and its delivery', async () => {
    const run = await runJourneySteps(mvpUseCase, 'upload', CONTACTS, { key: 'uploads/mvp/contacts.csv', journeyId: 'j-f' });
    expect(run.json('validation-report.json').formulaLikeCells).toEqual({
      count: 3,
      examples: [
        { line: 2, column: 'phone', value: '+44 20 7946 0000' },
        { line: 2, column: 'note', value: '=HYPERLINK("http://evil.example","open")' },
        { line: 3, column: 'note', value: '@SUM(A1:A2)' },
      ],
    });
    const notification = run.json('notification.json');
    expect(notification.subject).toBe('Processed contacts.csv: 2 rows, 3 columns, 1 warning');
    expect(notification.message).toContain('- 3 cells start like a spreadsheet formula (=, +, -, @)');
    const summaries = Object.fromEntries(run.records.map((r) => [r.name, r.summary]));
    const delivered = mvpUseCase.describeDelivery!({
      journeyId: 'j-f',
      useCase: 'mvp',
      journey: 'upload',
      inputKey: 'uploads/mvp/contacts.csv',
      outcome: 'completed',
      summaries,
    });
    expect(delivered.message).toBe(notification.message);
    expect(run.text('normalized.ndjson')).toContain('"=HYPERLINK(\\"http://evil.example\\",\\"open\\")"');
  });
});

describe('describeDelivery', () => {
  it('words a completed journey exactly as the notification artifact does', async () => {
    const { run, summary } = await completedJourney();
    const notification = run.json('notification.json');
    expect(mvpUseCase.describeDelivery!(summary)).toEqual({ subject: notification.subject, message: notification.message });
  });

  it('explains a failure and says the upload was left untouched', () => {
    const notice = mvpUseCase.describeDelivery!({
      journeyId: 'j-1',
      useCase: 'mvp',
      journey: 'upload',
      inputKey: 'uploads/mvp/people.csv',
      outcome: 'failed',
      summaries: {},
      error: { code: 'ragged_rows', message: '1 problem(s) in the CSV file; first at line 7: expected 4 fields, found 3' },
    });
    expect(notice.subject).toBe('people.csv could not be processed (ragged_rows)');
    expect(notice.message).toContain('Reason: 1 problem(s) in the CSV file; first at line 7: expected 4 fields, found 3 (code ragged_rows)');
    expect(notice.message).toContain('The original upload (uploads/mvp/people.csv) was left untouched.');
  });

  it('explains a rejection, even one that recorded no reason', () => {
    const notice = composeFailureNotice({ fileName: 'x.bin', inputKey: 'uploads/mvp/x.bin', outcome: 'rejected' });
    expect(notice.subject).toBe('x.bin was rejected');
    expect(notice.message).toContain('Reason: no reason was recorded');
    expect(notice.message).toContain('was left untouched');
  });

  it('still composes a completion notice when step summaries are missing', () => {
    const notice = mvpUseCase.describeDelivery!({
      journeyId: 'j',
      useCase: 'mvp',
      journey: 'upload',
      inputKey: 'uploads/mvp/a.csv',
      outcome: 'completed',
      summaries: {},
    });
    expect(notice.message).toContain('Rows: unknown');
    expect(notice.message).toContain('Curated copy: unknown');
  });
});
