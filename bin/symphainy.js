#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx symphainy` works from a fresh clone
// without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../local/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
