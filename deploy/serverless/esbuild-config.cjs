// serverless-esbuild's options (custom.esbuild.config): one minified bundle per function.
const { bundleOptions } = require('./bundle-options.cjs');

module.exports = (serverless) => {
  onlyOwnChunks(serverless);
  const stage = serverless.getProvider('aws').getStage();
  // The local stage runs on an emulator whose Node has no SDK of its own.
  const sdkFromRuntime = stage !== 'local';
  const { external, outExtension, ...options } = bundleOptions({ sdkFromRuntime });
  return {
    ...options,
    outputFileExtension: outExtension['.js'],
    // serverless-esbuild's `exclude` = external and not packaged: the runtime provides it.
    exclude: external,
    external: [],
    concurrency: 4,
    packager: 'npm',
  };
};

/**
 * With code splitting a function's bundle is several files in functions/<name>/. serverless-esbuild
 * leaves other functions' entry files out of a zip but not their chunks, so each function's zip
 * is narrowed to its own folder.
 */
function onlyOwnChunks(serverless) {
  for (const name of serverless.service.getAllFunctions()) {
    const fn = serverless.service.getFunction(name);
    if (!fn.handler) continue;
    const folder = fn.handler.slice(0, fn.handler.lastIndexOf('/'));
    fn.package = { ...fn.package, patterns: [...(fn.package?.patterns ?? []), '!functions/**', `${folder}/*.mjs`] };
  }
}
