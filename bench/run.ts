import type { BenchRow } from './bench-row.js';

/**
 * `npm run bench`: runs every benchmark and prints one table (and `--json` for scripts).
 * Benchmarks measure; they never fail the build. Targets are printed beside the figures.
 */
const suites: { name: string; load: () => Promise<{ run(): Promise<BenchRow[]> }> }[] = [
  { name: 'pattern matching', load: () => import('./pattern-matching.js') },
  { name: 'orchestration', load: () => import('./orchestration.js') },
  { name: 'bundles', load: () => import('./bundles.js') },
  { name: 'cli start-up', load: () => import('./cli-startup.js') },
  { name: 'profiler', load: () => import('./profiler.js') },
  { name: 'journeys', load: () => import('./journeys.js') },
  { name: 'shards', load: () => import('./shards.js') },
  { name: 'eda-shards', load: () => import('./eda-shards.js') },
  { name: 'column mapping', load: () => import('./column-mapping.js') },
  { name: 'history', load: () => import('./history.js') },
  { name: 'chaos', load: () => import('./chaos.js') },
];

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only && !suite.name.includes(only)) continue;
  if (!json) process.stderr.write(`running ${suite.name}...\n`);
  rows.push(...(await (await suite.load()).run()));
}

if (json) {
  console.log(JSON.stringify({ node: process.version, platform: `${process.platform}/${process.arch}`, rows }, null, 2));
} else {
  const table = rows.map((r) => ({
    benchmark: r.benchmark,
    measured: `${r.value} ${r.unit}`,
    target: r.target,
    ok: r.meetsTarget === undefined ? '' : r.meetsTarget ? 'yes' : 'NO',
    notes: r.notes ?? '',
  }));
  const headers = Object.keys(table[0] ?? { benchmark: '' }) as (keyof (typeof table)[number])[];
  const widths = headers.map((h) => Math.max(h.length, ...table.map((row) => String(row[h]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(headers.map((h) => String(row[h]))));
  console.log(`\nnode ${process.version} on ${process.platform}/${process.arch}`);
}
