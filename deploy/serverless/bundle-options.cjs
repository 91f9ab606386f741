const { registrySlice } = require('./registry-slices.cjs');

// How a function becomes a small bundle: the esbuild options serverless-esbuild packages with
// (esbuild-config.cjs) and `npm run bench` measures (bench/bundles.ts), so the figures are the
// deployed bundles'.

/**
 * zod's `z` namespace re-exports every locale (~250 KB minified) and cannot be tree-shaken; the
 * platform's messages are English, so a bundle carries `en` alone. `z.locales.<other>` would be
 * undefined in a bundle.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: 'zod-locales-en', namespace: 'zod-english-only', pluginData: args.resolveDir }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * `import { z } from 'zod'` hands esbuild zod's namespace as one value, so all of zod's API is
 * bundled and evaluated at every cold start (~190 KB minified); with `import * as z from 'zod'`
 * esbuild keeps what the code uses (~95 KB for the platform's schemas). Compiling and running the
 * main chunk is most of a function's cold init, so the project's own sources are bundled as if
 * they used the second form, which binds the same namespace. Any other form of import is left
 * as written (and costs the whole namespace again).
 */
const zodNamespaceImports = {
  name: 'zod-namespace-imports',
  setup(build) {
    const { readFile } = require('node:fs/promises');
    const { join } = require('node:path');
    const source = join(__dirname, '..', '..');
    const ownTypeScript = new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\/](events|domain|functions)[\\/].*\\.ts$`);
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!ownTypeScript.test(args.path)) return undefined;
      const contents = await readFile(args.path, 'utf8');
      return { contents: contents.replace(/^import \{ z \} from 'zod';$/m, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

/**
 * domain/ is pure by the project's rules: importing one of its modules does nothing but define
 * things. esbuild cannot know that of a module whose top level builds a value (a formatter, a
 * table), so it keeps such a module whenever something imports it, even if nothing it exports is
 * used, and the value is built at every cold start: `new Intl.NumberFormat` in
 * domain/insights/format.ts (10-15 ms, loading the locale data) in steps that format no number.
 * Declared free of side effects, like a package's `"sideEffects": false`, such modules are left
 * out when unused.
 */
const pureDomain = {
  name: 'pure-domain',
  setup(build) {
    const { join, sep } = require('node:path');
    const domain = join(__dirname, '..', '..', 'domain') + sep;
    const resolving = Symbol('pure-domain');
    build.onResolve({ filter: /^(#domain\/|\.\.?\/)/ }, async (args) => {
      if (args.pluginData?.[resolving] || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { [resolving]: true },
      });
      if (resolved.errors.length || resolved.namespace !== 'file' || !resolved.path.startsWith(domain)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/**
 * esbuild emits a chunk for every import() it sees, even one inside code tree-shaking removed
 * (a step that imports a barrel which can also draw charts): such chunks are never loaded, so
 * they are deleted rather than shipped. Reachable = imported, statically or dynamically, from an
 * entry point through other reachable files.
 */
const pruneUnreachableChunks = {
  name: 'prune-unreachable-chunks',
  setup(build) {
    build.onEnd((result) => {
      const outputs = result.metafile?.outputs;
      if (!outputs) return;
      const { unlinkSync } = require('node:fs');
      const { relative, resolve } = require('node:path');
      const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
      // Dynamic-import chunks carry an entryPoint too: only the build's own entries count.
      const given = build.initialOptions.entryPoints;
      const entries = new Set((Array.isArray(given) ? given : Object.values(given ?? {})).map((entry) => relative(cwd, resolve(cwd, String(entry)))));
      const reachable = new Set(Object.keys(outputs).filter((file) => entries.has(outputs[file].entryPoint)));
      for (const pending = [...reachable]; pending.length;) {
        for (const { path } of outputs[pending.pop()].imports) {
          if (outputs[path] && !reachable.has(path)) {
            reachable.add(path);
            pending.push(path);
          }
        }
      }
      for (const file of Object.keys(outputs)) {
        if (reachable.has(file)) continue;
        unlinkSync(resolve(cwd, file));
        delete outputs[file];
      }
    });
  },
};

/**
 * @param {{ sdkFromRuntime: boolean }} options `sdkFromRuntime`: leave `@aws-sdk/*` out, as the
 *   nodejs22.x runtime provides SDK v3; emulators that run functions on a plain Node (MiniStack)
 *   need it bundled.
 */
function bundleOptions({ sdkFromRuntime }) {
  return {
    bundle: true,
    minify: true,
    platform: 'node',
    // Lambda runs nodejs22.x; node20 keeps the bundles runnable on the Node 20 used locally.
    target: 'node20',
    // ESM: some dependencies (vega's canvas probe) use top-level await, which CommonJS cannot hold.
    format: 'esm',
    // What is imported with import() (the SDK adapters, the chart renderer) goes to its own chunk,
    // loaded when first used instead of at every cold start.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS dependencies still call require() for Node built-ins.
    banner: { js: "import { createRequire as __symphainyCreateRequire } from 'node:module'; const require = __symphainyCreateRequire(import.meta.url);" },
    // Prefer packages' ES module builds: a CommonJS build behind import() (the SDK, when bundled)
    // would hand back only a default export from its chunk.
    mainFields: ['module', 'main'],
    legalComments: 'none',
    // `canvas` is vega's optional native renderer, probed with a guarded import(): not shipped.
    external: [...(sdkFromRuntime ? ['@aws-sdk/*'] : []), 'canvas'],
    metafile: true, // read by pruneUnreachableChunks
    plugins: [zodEnglishOnly, zodNamespaceImports, registrySlice, pureDomain, pruneUnreachableChunks],
  };
}

module.exports = { bundleOptions, zodEnglishOnly, zodNamespaceImports, pureDomain };
