import { createRequire } from 'node:module';

// Resolved from this file's folder, two levels below the package root: the same two levels as the
// CLI's bundle (bin/.build/), so it finds package.json run from source or bundled alike.
export const CLI_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
