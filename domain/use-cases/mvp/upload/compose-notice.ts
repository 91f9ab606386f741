import type { DeliveryNotice } from '#domain/use-cases/use-case-module.js';

/** What a completion notice says; each field is already in the words the notice uses. */
export interface CompletionFacts {
  fileName: string;
  /** null when the journey's records do not say (the notice then says "unknown"). */
  rows: number | null;
  columns: number | null;
  /** e.g. `id (integer), name (string)`; see describeColumnTypes. */
  columnTypes: string;
  /** Quoted names of columns empty in every row, '' when none; see describeEmptyColumns. */
  emptyColumns: string;
  /** Cells that start like a spreadsheet formula (=, +, -, @); 0 when none or not known. */
  formulaLikeCells: number;
  curatedLocation: string | null;
}

export interface FailureFacts {
  fileName: string;
  inputKey: string;
  outcome: 'failed' | 'rejected';
  error?: { code: string; message: string };
}

/**
 * The notice a person gets when their file went through. Pure, so the notify step and the
 * module's describeDelivery produce the same words from the same facts.
 */
export function composeCompletionNotice(facts: CompletionFacts): DeliveryNotice {
  const warnings = completionWarnings(facts);
  const lines = [
    `Your file "${facts.fileName}" was validated, normalised and stored.`,
    '',
    `Rows: ${facts.rows ?? 'unknown'}`,
    `Columns: ${facts.columns ?? 'unknown'}`,
    ...(facts.columnTypes ? [`Types: ${facts.columnTypes}`] : []),
    `Curated copy: ${facts.curatedLocation ?? 'unknown'}`,
    '',
    ...(warnings.length === 0 ? ['Warnings: none'] : ['Warnings:', ...warnings.map((warning) => `- ${warning}`)]),
  ];
  const warned = warnings.length === 0 ? '' : `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  return {
    subject: `Processed ${facts.fileName}: ${count(facts.rows, 'row')}, ${count(facts.columns, 'column')}${warned}`,
    message: lines.join('\n'),
  };
}

function count(n: number | null, noun: string): string {
  return n === null ? `? ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function completionWarnings(facts: CompletionFacts): string[] {
  const warnings: string[] = [];
  if (facts.emptyColumns) warnings.push(`No value in any row for ${facts.emptyColumns}; kept with every value null.`);
  if (facts.rows === 0) warnings.push('The file holds no data rows.');
  if (facts.formulaLikeCells > 0) {
    const cells = `${facts.formulaLikeCells} cell${facts.formulaLikeCells === 1 ? '' : 's'}`;
    warnings.push(
      `${cells} start${facts.formulaLikeCells === 1 ? 's' : ''} like a spreadsheet formula (=, +, -, @); kept as text, but do not open the original in a spreadsheet without care (see validation-report.json).`,
    );
  }
  return warnings;
}

/** The notice a person gets when their file was turned away or the journey broke. */
export function composeFailureNotice(facts: FailureFacts): DeliveryNotice {
  const verb = facts.outcome === 'rejected' ? 'was rejected' : 'could not be processed';
  const reason = facts.error ? `${facts.error.message} (code ${facts.error.code})` : 'no reason was recorded';
  return {
    subject: `${facts.fileName} ${verb}${facts.error ? ` (${facts.error.code})` : ''}`,
    message: [
      `Your file "${facts.fileName}" ${verb}.`,
      '',
      `Reason: ${reason}`,
      '',
      `The original upload (${facts.inputKey}) was left untouched. Correct the file and upload it again.`,
    ].join('\n'),
  };
}
