// serverless-esbuild's options (custom.esbuild.config): one minified bundle per function.
const { bundleOptions } = require('./bundle-options.cjs');

module.exports = (serverless) => {
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
