// Loads the TypeScript routing table (and the use-case registry it is derived from) into the
// CommonJS world of osls's ${file()} resolvers and plugins, through tsx.
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

async function load(relativePath) {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(join(root, relativePath)).href, pathToFileURL(__filename).href);
}

/**
 * The routes, and what each target's role must allow. Only the recorder differs from the rest:
 * it publishes nothing and writes only the journey record.
 */
async function loadRouting({ uploadBucket }) {
  const routing = await load('domain/routing/routing-table.ts');
  const { defaultUseCaseRegistry } = await load('domain/use-cases/default-registry.ts');
  const routes = routing.routingTable(defaultUseCaseRegistry(), { uploadBucket });
  const roles = {};
  for (const route of routes) {
    const recorder = route.target === routing.JOURNEY_RECORDER;
    roles[route.target] = {
      publishes: !recorder,
      // The experience manager looks at an upload's metadata; steps read the upload itself.
      readsUploads: route.target === routing.EXPERIENCE_MANAGER || route.step !== undefined,
      writesArtifacts: recorder ? 'journey-record' : 'any',
    };
  }
  return { routes, roles };
}

/** `validate-file` -> `ValidateFile`: logical ids for a target's resources. */
function pascalCase(name) {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

module.exports = { loadRouting, pascalCase };
