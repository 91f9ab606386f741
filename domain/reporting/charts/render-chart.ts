import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chart-theme.js';

/**
 * A Vega-Lite spec rendered to an SVG string without a browser: compiled to Vega, run headless
 * (renderer "none"), then serialised. Vega measures text with estimates when no canvas package
 * is installed, which is fine for labels this short; nothing is loaded from the network because
 * every spec carries its data inline.
 */
export async function renderChart(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await chartLibraries();
  const compiled = compile({ ...spec, config: { ...CHART_CONFIG, ...spec.config } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = stableIds(await view.toSVG());
    // The fixed width/height attributes would stop the chart shrinking on narrow screens; the viewBox keeps its proportions.
    return svg.replace(/^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"/, '<svg$1 width="$2" height="$3" style="max-width:100%;height:auto"');
  } finally {
    view.finalize();
  }
}

/**
 * Vega takes a quarter of a second to load; only the steps that draw should pay for it, not every
 * function and CLI command that merely knows the use cases.
 */
let libraries: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile }> | undefined;
function chartLibraries() {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, compile: vl.compile }));
  return libraries;
}

/**
 * Vega numbers clip paths and gradients from a process-wide counter, so the same chart gets
 * different ids on each render, and two charts on one page can collide. Ids are renamed after
 * a hash of the chart itself: identical charts share identical (and identically defined) ids.
 */
function stableIds(svg: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
  if (ids.length === 0) return svg;
  const prefix = createHash('sha256')
    .update(svg.replace(/\b(id="|url\(#|href="#)[^")]+/g, '$1'))
    .digest('hex')
    .slice(0, 10);
  const renamed = new Map(ids.map((id, index) => [id, `c${prefix}-${index}`]));
  return svg.replace(/\b(id="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => (renamed.has(id) ? `${lead}${renamed.get(id)}` : whole));
}
