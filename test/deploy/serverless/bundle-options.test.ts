import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const { build } = require('esbuild') as typeof import('esbuild');
const { bundleOptions } = require('../../../deploy/serverless/bundle-options.cjs') as { bundleOptions: (o: { sdkFromRuntime: boolean }) => BuildOptions };

// Inside the project, so the bundle's external `@aws-sdk/*` resolves as the runtime's copy would.
mkdirSync(join(root, '.esbuild'), { recursive: true });
const out = mkdtempSync(join(root, '.esbuild', 'bundle-options-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A function's bundle as serverless.yml packages it, and what went into its entry chunk. */
async function bundled(target: string): Promise<{ entry: string; inputs: Record<string, { bytesInOutput: number }> }> {
  const outdir = join(out, target);
  const { metafile } = (await build({
    ...bundleOptions({ sdkFromRuntime: true }),
    absWorkingDir: root,
    entryPoints: { handler: join('functions', target, 'handler.ts') },
    outdir,
    logLevel: 'error',
  })) as { metafile: Metafile };
  const [, chunk] = Object.entries(metafile.outputs).find(([file]) => file.endsWith(`${target}/handler.mjs`))!;
  return { entry: join(outdir, 'handler.mjs'), inputs: chunk.inputs };
}

const bytesFrom = (inputs: Record<string, { bytesInOutput: number }>, pattern: RegExp) =>
  Object.entries(inputs)
    .filter(([file]) => pattern.test(file))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);

describe("a function's bundle", () => {
  it('starts in a fresh Node and answers an empty SQS batch', async () => {
    const { entry } = await bundled('load-legacy-data');
    const script = `const { handler } = await import(${JSON.stringify(entry)});
const out = await handler({ Records: [] }, { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 30000 });
console.log(JSON.stringify(out));`;
    const env = {
      ...process.env,
      UPLOAD_BUCKET: 'uploads',
      ARTIFACT_BUCKET: 'artifacts',
      EVENT_BUS_NAME: 'bus',
      AWS_REGION: 'us-east-1',
      NODE_NO_WARNINGS: '1',
    };
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ batchItemFailures: [] });
  }, 60_000);

  it("carries the zod schemas it uses, not zod's whole API", async () => {
    const { inputs } = await bundled('journey-recorder');
    expect(bytesFrom(inputs, /node_modules\/zod\//)).toBeGreaterThan(0);
    expect(bytesFrom(inputs, /node_modules\/zod\//)).toBeLessThan(130 * 1024);
  }, 60_000);

  it('leaves out a domain module nothing in the function uses, with what its top level builds', async () => {
    // load-legacy-data imports modules that import the number formatters, but formats no number.
    const { inputs } = await bundled('load-legacy-data');
    expect(Object.keys(inputs)).not.toContain('domain/insights/format.ts');
    // A step that does format numbers still has them.
    expect(Object.keys((await bundled('create-visualizations')).inputs)).toContain('domain/insights/format.ts');
  }, 60_000);
});
