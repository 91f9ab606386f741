import type { DeliveryNotice, DeliverySummary } from '#domain/use-cases/use-case-module.js';
import { enableAiOperations } from './enable-ai-operations.js';
import { identifyMonetization } from './identify-monetization.js';
import { processDataLake } from './process-data-lake.js';
import { validateLegacyData } from './validate-legacy-data.js';

/** What to do about each rejection, in the uploader's terms. */
const FIXES: Record<string, string> = {
  missing_fields:
    'Name the columns the journey needs (a policy id, and premium or claim ids) so they can be recognised, or state which column is which: symphainy upload <file> --map policy_number=<your column>, or a _column-map.json beside the upload.',
  invalid_column_map: 'Fix the declared column mapping: each entry is field=column, naming a field of insurance_ai and a column the file has.',
  invalid_layout: 'Fix the #layout line: fields are name:start-end (1-based, inclusive), optionally :vN for N implied decimals, and may not overlap.',
  layout_mismatch: 'Every fixed-width record must reach the last column of the layout; check for lines trimmed of trailing spaces.',
  invalid_dates:
    'Use YYYYMMDD, MM/DD/YY, MM/DD/YYYY, DD-MON-YYYY, DD.MM.YYYY or YYYY-MM-DD, with real calendar dates; claims cannot precede the policy or lie in the future.',
  unknown_codes: 'Use the listed codes for line of business, state and claim status.',
  invalid_amounts:
    'Write amounts as digits with an optional decimal point, leading zeros, $ and thousands commas, and a leading or trailing minus; a semicolon-delimited file writes decimal commas (1.250,00).',
  missing_values: 'Fill the required values; claim columns must be all filled or all empty.',
  inconsistent_policies: 'Lines of the same policy must agree on holder, line of business, effective date and premium.',
};

/** The note a person receives when their insurance extract has been processed or refused. */
export function describeInsuranceDelivery(summary: DeliverySummary): DeliveryNotice {
  const file = summary.inputKey.split('/').pop() ?? summary.inputKey;
  if (summary.outcome !== 'completed') {
    const code = summary.error?.code ?? 'unknown_error';
    return {
      subject: `Insurance extract ${file} was not processed: ${code.replace(/_/g, ' ')}`,
      message: [
        `Your extract ${file} could not be processed (${summary.outcome}, ${code}).`,
        '',
        summary.error?.message ?? 'No further detail was recorded.',
        ...(FIXES[code] ? ['', `How to fix it: ${FIXES[code]}`] : []),
        '',
        `Journey ${summary.journeyId}. Fix the file and upload it again; the validation report lists every line to correct.`,
      ].join('\n'),
    };
  }
  const s = summary.summaries;
  const validated = s[validateLegacyData.name] ?? {};
  const lake = s[processDataLake.name] ?? {};
  const ai = s[enableAiOperations.name] ?? {};
  const money = s[identifyMonetization.name] ?? {};
  const top = money['topOpportunity'];
  const topValue = money['topOpportunityValue'];
  return {
    subject: `Insurance extract ${file} processed: ${fmt(validated['records'])} records, ${fmt(lake['partitions'])} lake partitions${top ? `; top opportunity: ${top}` : ''}`,
    message: [
      `Your extract ${file} has been validated, landed in the data lake and made ready for AI work.`,
      '',
      `- Records: ${fmt(validated['records'])} lines (${fmt(validated['policies'])} policies, ${validated['claims'] === null ? 'no claim columns' : `${fmt(validated['claims'])} claims`}), ${validated['format'] ?? 'unknown'} format${validated['shape'] ? `, a ${validated['shape']}` : ''}; date formats seen: ${validated['dateFormats'] || 'none'}`,
      ...(validated['fieldsAbsent'] ? [`- Not in the file: ${validated['fieldsAbsent']} (column-mapping.json says what each one's absence leaves out)`] : []),
      `- Data lake: ${fmt(lake['partitions'])} partitions by line of business and year, ${fmt(lake['rows'])} rows${lake['notes'] ? ` (${lake['notes']})` : ''}`,
      `- PII masked: ${fmt(ai['piiColumns'])} columns (${ai['maskedColumns'] || 'none'}); ${fmt(ai['featureReadyColumns'])} columns ready as model features`,
      top
        ? `- Top opportunity: ${top}${typeof topValue === 'number' ? ` (estimated ${fmt(topValue)} a year)` : ''}; ${fmt(money['opportunities'])} opportunities in total, see opportunities.md`
        : '- No monetisation opportunity cleared its threshold.',
      ...(money['leftOut'] ? [`- Left out: ${money['leftOut']}`] : []),
      '',
      `Journey ${summary.journeyId}.`,
    ].join('\n'),
  };
}

function fmt(value: unknown): string {
  if (typeof value !== 'number') return value === undefined || value === null ? '?' : String(value);
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
