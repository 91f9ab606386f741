#!/usr/bin/env node
// Builds bin/.build/symphainy.mjs, one ES module of the CLI for plain node, when the packages are
// installed (npm's prepare). The CLI then starts in about a third of the time tsx takes to
// transpile it on every call. It never fails an install: without the bundle bin/symphainy.js
// runs the TypeScript through tsx, as it does whenever a source is newer than the bundle.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'bin', '.build', 'symphainy.mjs');
try {
  const { build } = await import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'local', 'cli', 'symphainy.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // Some bundled packages are CommonJS and call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __symphainyRequire } from 'node:module'; const require = __symphainyRequire(import.meta.url);" },
  });
} catch (error) {
  console.warn(`symphainy: no prebuilt CLI (${error instanceof Error ? error.message : error}); the CLI runs through tsx instead`);
}
