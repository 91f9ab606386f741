/** The server's own lines: readable by default, one JSON object per line with --json. */
export interface ServeLog {
  info(event: string, text: string, fields?: Record<string, unknown>): void;
  error(event: string, text: string, fields?: Record<string, unknown>): void;
}

export function serveLog(json: boolean): ServeLog {
  const write = (level: 'info' | 'error', event: string, text: string, fields: Record<string, unknown> = {}) => {
    if (json) {
      process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, message: text, ...fields })}\n`);
    } else {
      (level === 'error' ? process.stderr : process.stdout).write(`${level === 'error' ? 'error: ' : ''}${text}\n`);
    }
  };
  return {
    info: (event, text, fields) => write('info', event, text, fields),
    error: (event, text, fields) => write('error', event, text, fields),
  };
}
