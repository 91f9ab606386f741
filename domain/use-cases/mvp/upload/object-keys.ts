/** The last segment of an object key: what the person who uploaded it calls the file. */
export function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The file name without its extension; a leading dot (".env") is part of the name, not one. */
export function stemOf(key: string): string {
  const name = fileNameOf(key);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export const PROCESSED_PREFIX = 'processed/';
export const CURATED_PREFIX = 'curated/';

/** Where the normalised copy of an upload goes, named after the upload so people can find it. */
export function processedKey(useCase: string, journeyId: string, inputKey: string): string {
  return `${PROCESSED_PREFIX}${useCase}/${journeyId}/${stemOf(inputKey)}.ndjson`;
}

/**
 * The curated folder, partitioned by the journey's UTC date so the lake can be read by day.
 * Ends with a slash.
 */
export function curatedPrefix(useCase: string, journeyDate: Date, journeyId: string): string {
  const [yyyy, mm, dd] = utcDay(journeyDate).split('-');
  return `${CURATED_PREFIX}${useCase}/${yyyy}/${mm}/${dd}/${journeyId}/`;
}

/** `yyyy-mm-dd` of the instant in UTC, whatever zone the code runs in. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
