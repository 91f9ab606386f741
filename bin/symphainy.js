#!/usr/bin/env node
// Runs the CLI from the build the install made (bin/build-cli.mjs) while every source it was built
// from is unchanged since; otherwise through tsx's loader, so an edited checkout never runs stale
// code and a fresh clone works without a build step. The check stats only the files the build
// lists (a millisecond or two), not every source folder.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = `${root}bin/.build/`;

function buildIsFresh() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(`${build}inputs.json`, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.inputs) || typeof stamp.builtAt !== 'number') return false;
  for (const input of stamp.inputs) {
    // A source moved or deleted since, or saved after the build started, makes the build stale.
    const stat = statSync(`${root}${input}`, { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > stamp.builtAt) return false;
  }
  return true;
}

if (process.env.SYMPHAINY_CLI_FROM_SOURCE !== '1' && buildIsFresh()) {
  await import(new URL('.build/symphainy.mjs', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../local/cli/symphainy.ts', import.meta.url).href);
}
