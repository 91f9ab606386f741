import { formatPercent } from '#domain/insights/format.js';
import { DEFAULT_THRESHOLDS } from '#domain/insights/insight-thresholds.js';
import { html, trusted } from './escape-html.js';
import { renderSection } from './render-blocks.js';
import type { ReportInput } from './report-model.js';
import { REPORT_CSS } from './report-styles.js';
import { columnCards, columnSummaryTable, dataQualityBlocks, findingsList, formatBytes, overviewFigures } from './profile-sections.js';

/**
 * The journey's report as one self-contained HTML page: inline CSS and SVG, no script, no
 * external asset. The same input always renders the same bytes (the only date on the page is
 * the journey's start), so a retried step writes an identical artifact.
 */
export async function renderReport(input: ReportInput): Promise<string> {
  const { profile, insights } = input;
  const t = DEFAULT_THRESHOLDS;
  const withheld = profile.columns.filter((c) => c.valuesWithheld);
  const sections = input.sections ?? [];
  const toc = [
    ['summary', 'Summary'],
    ['findings', `Findings (${insights.length})`],
    ...sections.map((s) => [s.id, s.title]),
    ['data-quality', 'Missing values & correlations'],
    ['columns', `Columns (${profile.columns.length})`],
  ] as const;
  const approximations = [
    ...(profile.columns.some((c) => c.distinctApproximate)
      ? [
          `Distinct counts marked ≈ come from a HyperLogLog sketch (relative standard error about ${formatPercent(Math.max(...profile.columns.map((c) => c.distinctErrorBound)))}).`,
        ]
      : []),
    ...(profile.columns.some((c) => c.quantileRankError > 0)
      ? [`Quantiles (median, p5…p95) are within ${formatPercent(Math.max(...profile.columns.map((c) => c.quantileRankError)))} rank error.`]
      : []),
    ...(profile.duplicateRowsApproximate ? ['Duplicate rows are counted by row hash and may be slightly over- or under-counted.'] : []),
    ...(profile.columns.some((c) => c.topKApproximate) ? ['Counts of the most frequent values are estimates with bounded error where marked.'] : []),
    'Outlier counts from histograms are lower bounds: only bins wholly beyond a fence are counted.',
  ];
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.fileName}: exploratory data analysis</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
<header class="page">
<p class="eyebrow">${input.useCaseTitle} · exploratory data analysis</p>
<h1>${input.fileName}</h1>
<p class="meta">${profile.format.toUpperCase()}${profile.compression === 'gzip' ? ' (gzip)' : ''}, ${formatBytes(profile.bytes)} · <code>${input.sourceUri}</code> · journey <code>${input.journeyId}</code> · ${input.generatedAt}</p>
<nav class="toc">${toc.map(([id, title]) => html`<a href="#${id}">${title}</a>`)}</nav>
</header>
<section id="summary">
<h2>Summary</h2>
${overviewFigures(profile, insights)}
</section>
<section id="findings">
<h2>Findings</h2>
<p class="intro">Most severe first. Each finding states the numbers behind it; thresholds are in the notes at the end.</p>
${findingsList(insights)}
</section>
${sections.map(renderSection)}
<section id="data-quality">
<h2>Missing values &amp; correlations</h2>
${await dataQualityBlocks(profile)}
</section>
<section id="columns">
<h2>Columns</h2>
${columnSummaryTable(profile)}
${await columnCards(profile, insights, input.codeLabels ?? {})}
</section>
<footer class="notes">
<strong>How to read the numbers</strong>
<ul>${approximations.map((note) => html`<li>${note}</li>`)}
<li>Missing means an empty cell, a JSON null, an absent key or an empty string. Findings: missing from ${formatPercent(t.missingWarning)} (critical from ${formatPercent(t.missingCritical)}), near-constant from ${formatPercent(t.nearConstantShare)} one value, skew from |3(mean − median)/σ| ≥ ${t.skewCoefficient} and outliers beyond ${t.iqrFence} IQR (far beyond ${t.iqrFarFence} IQR) or |z| ≥ ${t.zScore}, both over at least ${t.distributionMinValues} values; strong correlation from |r| ≥ ${t.strongCorrelation} over at least ${t.correlationMinPairs} rows; timestamp gaps from ten times the median interval.</li>
<li>Quantiles are interpolated between the two nearest values (as DuckDB's quantile_cont and pandas compute them); dates take the nearer earlier value. Identifiers, angles (headings, bearings) and coordinates get no skew, outlier rule or Pearson correlation: on them a mean describes the numbering, not the data.</li>
${withheld.length > 0 ? html`<li>Personal data (${withheld.map((c) => c.name).join(', ')}): told by column name and the shape of the first values; their values, extremes and distributions are withheld from this report and profile.json, and e-mail addresses, national ids and phone numbers inside other text are replaced.</li>` : ''}</ul>
<p>Generated for journey <code>${input.journeyId}</code>, started ${input.generatedAt}. The full profile is in <code>profile.json</code> beside this report.</p>
</footer>
</main>
</body>
</html>
`;
  return page.markup;
}
