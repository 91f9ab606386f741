import { resolve } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';

export interface CommonOptions {
  'data-dir'?: string;
  verbose?: boolean;
}

export const commonOptionSpec = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function dataDirOf(options: CommonOptions): string {
  return resolve(options['data-dir'] ?? process.env.SYMPHAINY_DATA_DIR ?? '.symphainy');
}

export function openRuntime(options: CommonOptions): Promise<EmbeddedRuntime> {
  return EmbeddedRuntime.open({ dataDir: dataDirOf(options), logLevel: options.verbose ? 'INFO' : 'SILENT' });
}
