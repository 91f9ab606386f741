import type { DeliveryNotice, DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { fileNameOf } from './object-keys.js';
import { processFile } from './process-file.js';
import { storeFile } from './store-file.js';
import { validateFile } from './validate-file.js';
import { composeCompletionNotice, composeFailureNotice, type CompletionFacts } from './compose-notice.js';

/** The mvp notice for a finished journey, from the step summaries the delivery manager holds. */
export function describeMvpDelivery(summary: DeliverySummary): DeliveryNotice {
  const fileName = fileNameOf(summary.inputKey);
  if (summary.outcome !== 'completed') {
    return composeFailureNotice({ fileName, inputKey: summary.inputKey, outcome: summary.outcome, ...(summary.error ? { error: summary.error } : {}) });
  }
  return composeCompletionNotice(completionFactsFromSummaries(fileName, summary.summaries));
}

export function completionFactsFromSummaries(fileName: string, summaries: DeliverySummary['summaries']): CompletionFacts {
  const processed = summaries[processFile.name] ?? {};
  const stored = summaries[storeFile.name] ?? {};
  const validated = summaries[validateFile.name] ?? {};
  return {
    fileName,
    rows: numberOrNull(stored.rows ?? processed.rows),
    columns: numberOrNull(processed.columns),
    columnTypes: typeof processed.columnTypes === 'string' ? processed.columnTypes : '',
    emptyColumns: typeof processed.emptyColumns === 'string' ? processed.emptyColumns : '',
    formulaLikeCells: numberOrNull(validated.formulaLikeCells) ?? 0,
    curatedLocation: typeof stored.curatedLocation === 'string' ? stored.curatedLocation : null,
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
