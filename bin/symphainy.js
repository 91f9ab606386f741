#!/usr/bin/env node
// Runs the CLI from the bundle the install built (bin/build-cli.mjs) while it is newer than every
// source it was built from; otherwise through tsx's loader, so an edited checkout never runs stale
// code and a fresh clone works without a build step.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}bin/.build/symphainy.mjs`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  const sources = ['domain', 'events', 'functions', 'local'].map((dir) => newestSource(`${root}${dir}`));
  return built >= Math.max(statSync(`${root}package.json`).mtimeMs, ...sources);
}

if (process.env.SYMPHAINY_CLI_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(new URL('../local/cli/main.ts', import.meta.url).href);
  process.exitCode = await main(process.argv.slice(2));
}
