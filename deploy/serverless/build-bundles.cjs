// Builds every function's bundle, as serverless-esbuild packages it for AWS, into
// <outdir>/functions/<name>/handler.mjs (+ its chunks): what the Lambda container image copies in.
//   node deploy/serverless/build-bundles.cjs <outdir>
const { join } = require('node:path');
const { build } = require('esbuild');
const { bundleOptions } = require('./bundle-options.cjs');
const { loadRouting } = require('./routing-table-loader.cjs');

async function main() {
  const outdir = process.argv[2];
  if (!outdir) {
    console.error('usage: node deploy/serverless/build-bundles.cjs <outdir>');
    process.exit(2);
  }
  const root = join(__dirname, '..', '..');
  const { routes } = await loadRouting({ uploadBucket: 'unused' });
  const targets = [...new Set(routes.map((route) => route.target))];
  for (const target of targets) {
    const entry = join('functions', target, 'handler.ts');
    await build({
      ...bundleOptions({ sdkFromRuntime: true }),
      absWorkingDir: root,
      entryPoints: { handler: entry },
      outdir: join(outdir, 'functions', target),
      logLevel: 'warning',
    });
  }
  console.log(`${targets.length} function bundles in ${outdir}/functions/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
