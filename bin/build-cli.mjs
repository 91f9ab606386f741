#!/usr/bin/env node
// Builds bin/.build/, the CLI as ES modules for plain node, when the packages are installed (npm's
// prepare; run it again by hand after editing sources to get the fast start back). The entry,
// symphainy.mjs, holds main() and the usage texts; each command, and the code only some commands
// share (the AWS SDK, the embedded runtime, ...), is a chunk imported when a command needs it, so
// `symphainy help` parses a few kilobytes instead of every command. inputs.json lists the sources
// the chunks were built from, for bin/symphainy.js's freshness check. It never fails an install:
// without the build bin/symphainy.js runs the TypeScript through tsx, as it does whenever a
// source is newer than the build.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'bin', '.build');
// Built beside the old build and swapped in, so a CLI started meanwhile finds one whole build or none.
const staging = `${outdir}.${process.pid}.tmp`;
try {
  const { build } = await import('esbuild');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Taken before a source is read: one saved while the build runs counts as newer than the build.
  const startedAt = Date.now();
  const result = await build({
    // The shard worker is an entry of its own: a worker thread starts from a file.
    entryPoints: { symphainy: join(root, 'local', 'cli', 'symphainy.ts'), 'shard-worker': join(root, 'local', 'sharding', 'shard-worker.ts') },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    platform: 'node',
    // ES builds first: a CommonJS package (the AWS SDK's dist-cjs) imported lazily from a chunk
    // comes back as a default export only, and `new S3Client` then finds no constructor.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    // Chunks sit beside the entry: modules that find package.json or the dashboard from
    // import.meta.url count two folders up to the checkout, as they do from local/cli.
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    // Some bundled packages are CommonJS and call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __symphainyRequire } from 'node:module'; const require = __symphainyRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules/') && !path.startsWith('('));
  writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify({ builtAt: startedAt, inputs: [...inputs, 'package.json'].sort() })}\n`);
  const old = `${outdir}.${process.pid}.old`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(outdir, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(staging, outdir);
  rmSync(old, { recursive: true, force: true });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.warn(`symphainy: no prebuilt CLI (${error instanceof Error ? error.message : error}); the CLI runs through tsx instead`);
}
