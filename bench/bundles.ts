/**
 * Per function: the size of its deployed bundle (every file esbuild emits for it, as
 * serverless-esbuild packages it for AWS) and its cold init, a fresh Node process importing the
 * bundle and building the handler (the first, empty batch builds the ports), as a ratio to a bare
 * `node -e 0` measured alternately in the same run. Targets: <= 2.0x and <= 400 KB.
 *
 * The bundles are built with the options serverless.yml packages with (deploy/serverless/
 * bundle-options.cjs); the AWS SDK is left to the nodejs22.x runtime, so its first-use cost is
 * reported on its own row.
 *
 * Run alone with `npm run bench -- --only=bundles`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routingTable } from '#domain/routing/routing-table.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import type { BenchRow } from './bench-row.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const { build } = require('esbuild') as typeof import('esbuild');
const { bundleOptions } = require('../deploy/serverless/bundle-options.cjs') as {
  bundleOptions: (o: { sdkFromRuntime: boolean }) => import('esbuild').BuildOptions;
};

const MAX_BYTES = 400 * 1024;
const MAX_RATIO = 2.0;
const RUNS = 7;
// Inside the project, so a bundle's external `@aws-sdk/*` resolves as the runtime's copy would.
const OUT = join(root, '.esbuild', 'bench-bundles');

const ENV = {
  ...process.env,
  UPLOAD_BUCKET: 'bench-uploads',
  ARTIFACT_BUCKET: 'bench-artifacts',
  EVENT_BUS_NAME: 'bench-bus',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  NODE_NO_WARNINGS: '1',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeProcess(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: ENV, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 80)} failed: ${result.stderr.slice(0, 500)}`);
  return ms;
}

/** Imports the bundle and hands its handler an empty SQS batch: what a cold start does before the first record. */
function coldInitScript(bundle: string): string {
  return `const { handler } = await import(${JSON.stringify(bundle)});
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
const out = await handler({ Records: [] }, context);
if (!out || out.batchItemFailures?.length) throw new Error('unexpected response ' + JSON.stringify(out));`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export async function run(): Promise<BenchRow[]> {
  const targets = [...new Set(routingTable(defaultUseCaseRegistry(), { uploadBucket: 'bench' }).map((r) => r.target))];
  rmSync(OUT, { recursive: true, force: true });
  const bundles: { target: string; entry: string; bytes: number; files: number }[] = [];
  for (const target of targets) {
    const outdir = join(OUT, target);
    mkdirSync(outdir, { recursive: true });
    await build({
      ...bundleOptions({ sdkFromRuntime: true }),
      entryPoints: { handler: join(root, 'functions', target, 'handler.ts') },
      outdir,
      logLevel: 'error',
    });
    const files = filesUnder(outdir);
    bundles.push({ target, entry: join(outdir, 'handler.mjs'), bytes: files.reduce((sum, f) => sum + statSync(f).size, 0), files: files.length });
  }

  // Alternate baseline and bundle runs so machine noise hits both alike.
  const baseline: number[] = [];
  const inits = new Map<string, number[]>(bundles.map((b) => [b.target, []]));
  timeProcess(['-e', '0']); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    for (const bundle of bundles) {
      baseline.push(timeProcess(['-e', '0']));
      inits.get(bundle.target)!.push(timeProcess(['--input-type=module', '-e', coldInitScript(bundle.entry)]));
    }
  }
  const bare = median(baseline);

  const sdkLoad =
    median(
      Array.from({ length: RUNS }, () =>
        timeProcess(['--input-type=module', '-e', "await import('@aws-sdk/client-s3'); await import('@aws-sdk/client-eventbridge');"]),
      ),
    ) - bare;

  const rows: BenchRow[] = bundles.map((bundle) => {
    const init = median(inits.get(bundle.target)!);
    const ratio = init / bare;
    return {
      benchmark: `bundle ${bundle.target}`,
      value: Number(ratio.toFixed(2)),
      unit: `x cold init, ${(bundle.bytes / 1024).toFixed(0)} KB`,
      target: `<= ${MAX_RATIO}x, <= ${MAX_BYTES / 1024} KB`,
      meetsTarget: ratio <= MAX_RATIO && bundle.bytes <= MAX_BYTES,
      notes: `init ${init.toFixed(0)} ms vs node -e 0 ${bare.toFixed(0)} ms; ${bundle.files} file(s)`,
    };
  });
  rows.push({
    benchmark: 'AWS SDK first use (S3 + EventBridge clients, runtime-provided)',
    value: Number(sdkLoad.toFixed(0)),
    unit: 'ms',
    target: '',
    notes: `paid on the first record, not at init: the adapters import the SDK lazily; median of ${RUNS}`,
  });
  rmSync(OUT, { recursive: true, force: true });
  return rows;
}
