/** One line a function logged about a journey, as `symphainy logs` shows it, wherever it was read from. */
export interface JourneyLogLine {
  timestamp: string;
  /** The function that logged it (routing target, dead-letter recorder or sweeper). */
  function: string;
  /** Powertools' level name; null for a line that is not a structured log (plain text in CloudWatch). */
  level: string | null;
  message: string;
  /** Everything else on the line: journeyId, eventId, detailType, attempt, error, request id... */
  fields: Record<string, unknown>;
}

/** A Powertools Logger line (its JSON attributes) as a journey log line. */
export function logLineOf(attributes: Record<string, unknown>, fallback: { function: string; timestamp: string }): JourneyLogLine {
  const { level, message, timestamp, service, ...fields } = attributes;
  return {
    timestamp: typeof timestamp === 'string' ? timestamp : fallback.timestamp,
    function: typeof service === 'string' && service !== '' && service !== 'service_undefined' ? service : fallback.function,
    level: typeof level === 'string' ? level : null,
    message: typeof message === 'string' ? message : JSON.stringify(message ?? null),
    fields,
  };
}

/** Oldest first; lines of the same millisecond keep the order they were read in. */
export function inTimeOrder(lines: readonly JourneyLogLine[]): JourneyLogLine[] {
  return lines
    .map((line, index) => ({ line, index, at: Date.parse(line.timestamp) }))
    .sort((a, b) => (a.at === b.at || Number.isNaN(a.at - b.at) ? a.index - b.index : a.at - b.at))
    .map(({ line }) => line);
}

/** `<time> <function> <level> <message> (<event>, attempt <n>)` and the error, if the line has one. */
export function formatLogLine(line: JourneyLogLine, functionWidth = 28): string {
  const { detailType, attempt, step, error } = line.fields as { detailType?: unknown; attempt?: unknown; step?: unknown; error?: unknown };
  const context = [
    typeof detailType === 'string' ? detailType : undefined,
    typeof step === 'string' ? `step ${step}` : undefined,
    attempt !== undefined && attempt !== null ? `attempt ${String(attempt)}` : undefined,
  ].filter(Boolean);
  const reason = errorMessageOf(error);
  return `${line.timestamp}  ${line.function.padEnd(functionWidth)} ${(line.level ?? '-').padEnd(5)} ${line.message}${context.length ? `  (${context.join(', ')})` : ''}${reason ? `: ${reason}` : ''}`;
}

function errorMessageOf(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return undefined;
}
