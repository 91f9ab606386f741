import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The floors of domain/ and local/, read from the sources: each folder directly under them is a
 * node, each import from one folder into another an edge. Folders may only import downwards, so
 * the graph must have no cycle; a cycle is reported with the files behind each of its edges.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface SourceImport {
  /** The importing file, relative to the repository. */
  file: string;
  specifier: string;
  /** The imported file or folder, relative to the repository; undefined for a package. */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): SourceImport[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName: specifier }) => {
    if (specifier.startsWith('#')) return { file, specifier, target: specifier.slice(1) };
    if (specifier.startsWith('.'))
      return {
        file,
        specifier,
        target: relative(ROOT, resolve(ROOT, dirname(file), specifier))
          .split(sep)
          .join('/'),
      };
    return { file, specifier };
  });
}

/** The folder directly under `layer` a repository path sits in, or undefined outside it (or at its top). */
function folderOf(layer: string, path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === layer && parts.length > 2 ? parts[1] : undefined;
}

type FolderGraph = Map<string, Map<string, string[]>>;

function folderGraph(layer: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(layer)) {
    const from = folderOf(layer, file);
    if (from === undefined) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const { specifier, target } of importsOf(file)) {
      const to = target === undefined ? undefined : folderOf(layer, target);
      if (to === undefined || to === from) continue;
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${file} imports ${specifier}`]);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as its folders in order and the imports behind its edges. */
function cyclesOf(graph: FolderGraph): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (folder: string): void => {
    const at = path.indexOf(folder);
    if (at !== -1) {
      const loop = [...path.slice(at), folder];
      const evidence = loop.slice(1).map((to, i) => `  ${loop[i]} -> ${to}: ${graph.get(loop[i]!)!.get(to)!.join('; ')}`);
      cycles.push([loop.join(' -> '), ...evidence].join('\n'));
      return;
    }
    if (done.has(folder)) return;
    path.push(folder);
    for (const to of [...(graph.get(folder)?.keys() ?? [])].sort()) visit(to);
    path.pop();
    done.add(folder);
  };
  for (const folder of [...graph.keys()].sort()) visit(folder);
  return cycles;
}

describe('folder imports', () => {
  it.each(['domain', 'local'])('the folders of %s/ import each other without a cycle', (layer) => {
    const graph = folderGraph(layer);
    expect(graph.size).toBeGreaterThan(3);
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph: FolderGraph = new Map([
      ['a', new Map([['b', ['a/x.ts imports #domain/b/y.js']]])],
      ['b', new Map([['a', ['b/y.ts imports #domain/a/x.js']]])],
    ]);
    expect(cyclesOf(graph)).toHaveLength(1);
    expect(cyclesOf(graph)[0]).toMatch(/^a -> b -> a\n/);
  });

  it('nothing outside local/cli imports local/cli', () => {
    const offending = ['domain', 'events', 'functions', 'local', 'bench']
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('local/cli/'))
      .flatMap(importsOf)
      .filter(({ target }) => target === 'local/cli' || target?.startsWith('local/cli/'))
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    expect(offending).toEqual([]);
  });

  it('nothing in domain/ imports functions/, local/ or the AWS SDK', () => {
    const offending = sourceFiles('domain')
      .flatMap(importsOf)
      .filter(({ specifier, target }) => (target === undefined ? /^(@aws-sdk\/|aws-sdk($|\/))/.test(specifier) : /^(functions|local)(\/|$)/.test(target)))
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    expect(offending).toEqual([]);
  });
});
