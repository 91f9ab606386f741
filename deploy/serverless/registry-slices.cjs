// One function, one slice of the use-case registry. Every handler builds its ports with
// defaultUseCaseRegistry(), which imports every use case and so every step's code (and its
// libraries) into every bundle. A function needs much less:
//   a step's function       its own step, under its use case and journey, beside the plans of
//                           that journey's other steps (no code)
//   the managers            every use case's plans (step names, descriptions, key prefixes),
//                           follow-ons and delivery wording, but no step code
//   the journey recorder    no use case at all
// A plan keeps a step's keyPrefixes and policy: a function's access (functions/shared/function-access.ts)
// and the dead-letter recorder's reading of a step's attempts (domain/journeys/step-policy.ts) are
// derived from the registry, and must come out the same from a slice as from the whole.
// This esbuild plugin gives each function's bundle a default-registry module holding just that,
// derived from the real registry at build time: nothing is listed by hand, and a use case added
// to the registry is sliced the same way. The embedded runtime and the tests use the full one.
const { readdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..', '..');
const REGISTRY_SPECIFIER = '#domain/use-cases/default-registry.js';

// One tsx namespace for every import, so modules are shared and identity comparisons hold.
let tsx;
async function load(absolutePath) {
  tsx ??= import('tsx/esm/api').then(({ register }) => register({ namespace: 'symphainy-registry-slices' }));
  return (await tsx).import(pathToFileURL(absolutePath).href, pathToFileURL(__filename).href);
}

function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

let described;

/**
 * The registry, and for each step definition and delivery-wording function the module that
 * exports it (found by identity), so a slice can import exactly that module.
 */
function describeRegistry() {
  described ??= (async () => {
    const { builtInUseCases } = await load(join(root, 'domain/use-cases/default-registry.ts'));
    const wanted = new Map();
    for (const useCase of builtInUseCases) {
      for (const steps of Object.values(useCase.journeys)) for (const step of steps) wanted.set(step, undefined);
      if (useCase.describeDelivery) wanted.set(useCase.describeDelivery, undefined);
    }
    for (const file of typeScriptFiles(join(root, 'domain'))) {
      const module = await load(file);
      for (const [name, value] of Object.entries(module)) {
        if (wanted.has(value) && wanted.get(value) === undefined) wanted.set(value, { file, name });
      }
    }
    return { builtInUseCases, exporters: wanted };
  })();
  return described;
}

function exporterOf(exporters, value, what) {
  const found = exporters.get(value);
  if (!found) throw new Error(`registry slices: no module under domain/ exports ${what} by itself; export it so a function can bundle it alone`);
  return found;
}

/** A step's plan, as source: what the registry knows of it, without its code. */
function planned(step) {
  const plan = {
    name: step.name,
    description: step.description,
    ...(step.keyPrefixes ? { keyPrefixes: step.keyPrefixes } : {}),
    ...(step.policy ? { policy: step.policy } : {}),
  };
  return `planned(${JSON.stringify(plan)})`;
}

/** The source of the default-registry module one function's bundle gets. */
async function sliceSource(target) {
  const { builtInUseCases, exporters } = await describeRegistry();
  const routing = await load(join(root, 'domain/routing/routing-table.ts'));
  const imports = [`import { UseCaseRegistry } from ${JSON.stringify(join(root, 'domain/use-cases/use-case-registry.ts'))};`];
  const importOf = (found, alias) => imports.push(`import { ${found.name} as ${alias} } from ${JSON.stringify(found.file)};`);
  let modules;

  const stepUseCase = builtInUseCases.find((u) => Object.values(u.journeys).some((steps) => steps.some((s) => routing.functionNameForStep(s.name) === target)));
  if (stepUseCase) {
    const [journey, steps] = Object.entries(stepUseCase.journeys).find(([, steps]) => steps.some((s) => routing.functionNameForStep(s.name) === target));
    const step = steps.find((s) => routing.functionNameForStep(s.name) === target);
    importOf(exporterOf(exporters, step, `step ${step.name}`), 'step');
    const journeySteps = steps.map((s) => (s === step ? 'step' : planned(s)));
    modules = `[{ id: ${JSON.stringify(stepUseCase.id)}, title: ${JSON.stringify(stepUseCase.title)}, journeys: { ${JSON.stringify(journey)}: [${journeySteps.join(', ')}] }, samples: () => [] }]`;
  } else if (target === routing.JOURNEY_RECORDER) {
    modules = '[]';
  } else {
    // Managers: plans without step code.
    const entries = builtInUseCases.map((useCase, u) => {
      if (useCase.describeDelivery) importOf(exporterOf(exporters, useCase.describeDelivery, `the delivery wording of ${useCase.id}`), `describe${u}`);
      const journeys = Object.entries(useCase.journeys).map(([journey, steps]) => `${JSON.stringify(journey)}: [${steps.map(planned).join(', ')}]`);
      return `{ id: ${JSON.stringify(useCase.id)}, title: ${JSON.stringify(useCase.title)}, journeys: { ${journeys.join(', ')} }, ${
        useCase.followOn ? `followOn: ${JSON.stringify(useCase.followOn)}, ` : ''
      }${useCase.describeDelivery ? `describeDelivery: describe${u}, ` : ''}samples: () => [] }`;
    });
    modules = `[${entries.join(',\n  ')}]`;
  }
  // A stub's run() says so should it ever be called.
  imports.push(`const planned = (plan) => ({ ...plan, run: async () => { throw new Error(\`step \${plan.name} does not run in function ${target}\`); } });`);
  return `${imports.join('\n')}
// The slice of the use-case registry function ${target} serves (deploy/serverless/registry-slices.cjs).
export const builtInUseCases = ${modules};
export function defaultUseCaseRegistry(extra = []) {
  return new UseCaseRegistry([...builtInUseCases, ...extra]);
}
`;
}

/** Which function a build is for: its entry is functions/<target>/handler.ts. */
function targetOf(build) {
  const entries = build.initialOptions.entryPoints;
  const entry = Array.isArray(entries) ? entries[0] : Object.values(entries ?? {})[0];
  const match = typeof entry === 'string' ? /functions[\\/]([^\\/]+)[\\/]handler\.ts$/.exec(entry) : null;
  return match?.[1];
}

const registrySlice = {
  name: 'registry-slice',
  setup(build) {
    const target = targetOf(build);
    if (!target) return;
    build.onResolve({ filter: /^#domain\/use-cases\/default-registry\.js$/ }, (args) =>
      relative(root, args.importer).startsWith('functions') ? { path: `${target}`, namespace: 'registry-slice' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'registry-slice' }, async (args) => ({ contents: await sliceSource(args.path), loader: 'js', resolveDir: root }));
  },
};

module.exports = { registrySlice, sliceSource, REGISTRY_SPECIFIER };
