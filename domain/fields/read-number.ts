const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

/**
 * A cell as a number, or undefined. A single decimal comma (`12,5`) is read as a decimal point:
 * semicolon-delimited European exports write numbers that way, and a comma-delimited file cannot
 * hold an unquoted one.
 */
export function readNumber(text: string): number | undefined {
  const value = text.trim();
  if (PLAIN.test(value)) return Number(value);
  if (DECIMAL_COMMA.test(value)) return Number(value.replace(',', '.'));
  return undefined;
}
