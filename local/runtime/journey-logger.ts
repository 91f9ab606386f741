import { Logger, LogLevelThreshold, type LogItem } from '@aws-lambda-powertools/logger';
import { logLineOf } from '#local/log-lines/journey-log-line.js';
import type { JourneyLog } from './journey-log.js';

export type ConsoleLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/**
 * A function's Powertools Logger on the embedded runtime: every line that names a journey is kept
 * in the journey log, whatever the console shows (the CLI keeps the console silent unless asked),
 * so `symphainy logs` reads later what CloudWatch Logs keeps in the cloud.
 */
export class JourneyLogger extends Logger {
  private readonly journeyLog: JourneyLog;
  private readonly consoleThreshold: number;
  private readonly functionName: string;

  constructor(options: { serviceName: string; consoleLevel: ConsoleLogLevel; journeyLog: JourneyLog }) {
    // The journey log keeps INFO and above; DEBUG too when the console asks for it.
    super({ serviceName: options.serviceName, logLevel: options.consoleLevel === 'DEBUG' ? 'DEBUG' : 'INFO' });
    this.journeyLog = options.journeyLog;
    this.consoleThreshold = LogLevelThreshold[options.consoleLevel];
    this.functionName = options.serviceName;
  }

  protected override printLog(logLevel: number, log: LogItem): void {
    if (logLevel >= this.consoleThreshold) super.printLog(logLevel, log);
    log.prepareForPrint();
    const attributes = JSON.parse(JSON.stringify(log.getAttributes(), this.getJsonReplacer())) as Record<string, unknown>;
    const journeyId = attributes.journeyId;
    if (typeof journeyId !== 'string') return;
    this.journeyLog.append(journeyId, logLineOf(attributes, { function: this.functionName, timestamp: new Date().toISOString() }));
  }
}
