import type { DeliveryNotice, DeliverySummary } from '#domain/use-cases/use-case-module.js';

/** What to do about each rejection, in the uploader's terms. */
const FIXES: Record<string, string> = {
  missing_columns: 'Add the missing columns to the header (names are matched case-insensitively).',
  invalid_layout: 'Fix the #layout line: fields are name:start-end (1-based, inclusive), optionally :vN for N implied decimals, and may not overlap.',
  layout_mismatch: 'Every fixed-width record must reach the last column of the layout; check for lines trimmed of trailing spaces.',
  invalid_dates: 'Use YYYYMMDD, MM/DD/YY, MM/DD/YYYY, DD-MON-YYYY or YYYY-MM-DD, with real calendar dates; claims cannot precede the policy or lie in the future.',
  unknown_codes: 'Use the listed codes for line of business, state and claim status.',
  invalid_amounts: 'Write amounts as digits with an optional decimal point, leading zeros, $ and thousands commas, and a leading or trailing minus.',
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
  const validated = s['validate_legacy_data'] ?? {};
  const lake = s['process_data_lake'] ?? {};
  const ai = s['enable_ai_operations'] ?? {};
  const money = s['identify_monetization'] ?? {};
  const top = money['topOpportunity'];
  const topValue = money['topOpportunityValue'];
  return {
    subject: `Insurance extract ${file} processed: ${fmt(validated['records'])} records, ${fmt(lake['partitions'])} lake partitions${top ? `; top opportunity: ${top}` : ''}`,
    message: [
      `Your extract ${file} has been validated, landed in the data lake and made ready for AI work.`,
      '',
      `- Records: ${fmt(validated['records'])} lines (${fmt(validated['policies'])} policies, ${fmt(validated['claims'])} claims), ${validated['format'] ?? 'unknown'} format; date formats seen: ${validated['dateFormats'] || 'none'}`,
      `- Data lake: ${fmt(lake['partitions'])} partitions by line of business and year, ${fmt(lake['rows'])} rows`,
      `- PII masked: ${fmt(ai['piiColumns'])} columns (${ai['maskedColumns'] || 'none'}); ${fmt(ai['featureReadyColumns'])} columns ready as model features`,
      top
        ? `- Top opportunity: ${top}${typeof topValue === 'number' ? ` (estimated ${fmt(topValue)} a year)` : ''}; ${fmt(money['opportunities'])} opportunities in total, see opportunities.md`
        : '- No monetisation opportunity cleared its threshold.',
      '',
      `Journey ${summary.journeyId}.`,
    ].join('\n'),
  };
}

function fmt(value: unknown): string {
  if (typeof value !== 'number') return value === undefined || value === null ? '?' : String(value);
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
