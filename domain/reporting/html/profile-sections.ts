import type { ColumnProfile, DatasetProfile, Insight } from '#domain/profiling/profile-types.js';
import { formatCount, formatNumber, formatPercent } from '#domain/insights/format.js';
import { DEFAULT_THRESHOLDS } from '#domain/insights/insight-thresholds.js';
import { missingTogetherGroups } from '#domain/insights/missing-together.js';
import { PERSONAL_DATA_LABELS, PERSONAL_DATA_PLURALS } from '#domain/profiling/personal-data.js';
import { correlationHeatmapSpec } from '../charts/correlation-heatmap.js';
import { histogramSpec } from '../charts/histogram-chart.js';
import { missingnessSpec } from '../charts/missingness-chart.js';
import { renderChart } from '../charts/render-chart.js';
import { topValuesSpec } from '../charts/top-values-chart.js';
import { html, trusted, type Html } from './escape-html.js';
import { figures, renderChart as chartBlock, table } from './render-blocks.js';

/** Columns past this many are listed in the summary table but get no card: a 500-column page helps nobody. */
export const MAX_COLUMN_CARDS = 60;

export function overviewFigures(profile: DatasetProfile, insights: readonly Insight[]): Html {
  const cells = profile.rows * profile.columns.length;
  const missing = profile.columns.reduce((sum, c) => sum + c.nulls + c.emptyStrings, 0);
  const bySeverity = (s: Insight['severity']) => insights.filter((i) => i.severity === s).length;
  const personal = profile.columns.filter((c) => c.personalData);
  return figures([
    { label: 'Rows', value: formatCount(profile.rows) },
    { label: 'Columns', value: formatCount(profile.columns.length), note: typeMix(profile.columns) },
    { label: 'Size', value: formatBytes(profile.bytes), note: `${profile.format.toUpperCase()}${profile.compression === 'gzip' ? ', gzip' : ''}` },
    { label: 'Missing cells', value: cells === 0 ? '0' : formatPercent(missing / cells), note: `${formatCount(missing)} of ${formatCount(cells)}` },
    {
      label: 'Duplicate rows',
      value: `${profile.duplicateRowsApproximate ? '≈' : ''}${formatCount(profile.duplicateRows)}`,
      note: profile.rows ? formatPercent(profile.duplicateRows / profile.rows) : '',
    },
    {
      label: 'Findings',
      value: formatCount(insights.length),
      note: `${bySeverity('critical')} critical · ${bySeverity('warning')} warning · ${bySeverity('info')} info`,
    },
    ...(personal.length > 0
      ? [
          {
            label: 'Personal data',
            value: `${formatCount(personal.length)} column${personal.length === 1 ? '' : 's'}`,
            note: personal.some((c) => c.valuesWithheld) ? 'values withheld' : 'values shown, as allowed',
          },
        ]
      : []),
  ]);
}

export function findingsList(insights: readonly Insight[]): Html {
  if (insights.length === 0)
    return html`<p class="empty-note">Nothing stood out: no missing-value, duplicate, outlier, type or ordering problems above the thresholds.</p>`;
  return html`<ul class="findings">${insights.map(
    (insight) => html`<li class="finding ${insight.severity}">
<div class="head"><span class="pill ${insight.severity}">${insight.severity}</span><h3>${insight.title}</h3></div>
<p>${insight.evidence}</p>
<div class="numbers">${Object.entries(insight.numbers).map(([name, value]) => html`<span>${name} <b>${typeof value === 'number' ? formatNumber(value) : value}</b></span>`)}</div>
</li>`,
  )}</ul>`;
}

export async function dataQualityBlocks(profile: DatasetProfile): Promise<Html> {
  const parts: Html[] = [];
  const missing = missingnessSpec(profile.columns, profile.rows);
  // A correlation over a handful of rows is noise with two decimals: drawn only from the pairs a finding would need.
  const drawn = profile.correlations.filter((c) => c.n >= DEFAULT_THRESHOLDS.correlationMinPairs);
  const heatmap = correlationHeatmapSpec(drawn);
  const charts: Html[] = [];
  charts.push(
    missing
      ? chartBlock({
          title: 'Missing values by column',
          svg: await renderChart(missing),
          caption: 'Share of rows without a value; amber from 20%, red from 50%.',
        })
      : html`<div class="chart"><div class="title">Missing values by column</div><p class="empty-note">No column has missing values.</p></div>`,
  );
  if (heatmap) {
    const ns = drawn.map((c) => c.n);
    const n =
      Math.min(...ns) === Math.max(...ns)
        ? `n = ${formatCount(ns[0]!)} rows`
        : `n = ${formatCount(Math.min(...ns))} to ${formatCount(Math.max(...ns))} rows per pair`;
    charts.push(
      chartBlock({
        title: 'Correlations between numeric columns',
        svg: await renderChart(heatmap),
        caption: `Pearson r over the rows where both columns are present (${n}). Identifiers, headings, coordinates and personal data are left out.`,
      }),
    );
  } else if (profile.correlations.length > drawn.length) {
    charts.push(
      html`<div class="chart"><div class="title">Correlations between numeric columns</div><p class="empty-note">Fewer than ${DEFAULT_THRESHOLDS.correlationMinPairs} rows have both values of any pair: too few for a correlation.</p></div>`,
    );
  }
  parts.push(html`<div class="charts">${charts}</div>`);
  const groups = missingTogetherGroups(profile);
  const grouped = new Set(groups.flatMap((g) => g.columns));
  const rows: { columns: string; together: number }[] = [
    ...groups.map((g) => ({ columns: g.columns.join(', '), together: g.together })),
    // Pairs that overlap less than a group's do, between columns in no group.
    ...profile.missingCooccurrence
      .filter((p) => p.bothMissing > 0 && !(grouped.has(p.a) && grouped.has(p.b)))
      .map((p) => ({ columns: `${p.a}, ${p.b}`, together: p.bothMissing })),
  ]
    .sort((a, b) => b.together - a.together)
    .slice(0, 10);
  if (rows.length > 0) {
    parts.push(
      table(
        ['columns', 'rows missing them together (at least)'],
        rows.map((r) => [r.columns, formatCount(r.together)]),
        [false, true],
        'Columns that go missing together, each group once (most often first)',
      ),
    );
  }
  return html`${parts}`;
}

export function columnSummaryTable(profile: DatasetProfile): Html {
  const rows = profile.columns.map((c, index) => {
    const missing = c.nulls + c.emptyStrings;
    const share = profile.rows ? missing / profile.rows : 0;
    return [
      index < MAX_COLUMN_CARDS ? html`<a href="#${columnAnchor(c.name, index)}">${c.name}</a>` : c.name,
      html`<span class="pill type">${c.type}</span>${c.personalData ? html` <span class="pill personal" title="${personalNote(c)}">personal</span>` : c.identifier ? html` <span class="pill type">id</span>` : ''}`,
      html`<span class="bar-cell">${formatPercent(share)}<span class="bar-track"><span class="bar-fill ${share >= 0.5 ? 'alert' : share >= 0.2 ? 'warn' : ''}" style="display:block;width:${(share * 100).toFixed(1)}%"></span></span></span>`,
      `${c.distinctApproximate ? '≈' : ''}${formatCount(c.distinct)}`,
      valueText(c, c.min),
      valueText(c, c.quantiles.p50),
      valueText(c, c.max),
      c.mean === null || c.scale === 'circular' ? '' : formatNumber(c.mean),
    ];
  });
  return table(['column', 'type', 'missing', 'distinct', 'min', 'median', 'max', 'mean'], rows, [false, false, true, true, true, true, true, true]);
}

export async function columnCards(
  profile: DatasetProfile,
  insights: readonly Insight[],
  codeLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): Promise<Html> {
  const cards: Html[] = [];
  for (const [index, column] of profile.columns.slice(0, MAX_COLUMN_CARDS).entries()) {
    const codes = codeLabels[column.name];
    const decoded = codes
      ? { ...column, topK: column.topK.map((t) => ({ ...t, value: Object.hasOwn(codes, t.value) ? `${t.value} · ${codes[t.value]}` : t.value })) }
      : column;
    cards.push(
      await columnCard(
        decoded,
        columnAnchor(column.name, index),
        profile.rows,
        insights.filter((i) => i.columns.includes(column.name)),
      ),
    );
  }
  const more = profile.columns.length - MAX_COLUMN_CARDS;
  return html`<div class="columns">${cards}</div>${more > 0 ? html`<p class="empty-note">${formatCount(more)} more columns are in the table above and in profile.json.</p>` : ''}`;
}

async function columnCard(column: ColumnProfile, anchor: string, rows: number, findings: readonly Insight[]): Promise<Html> {
  const missing = column.nulls + column.emptyStrings;
  const stats: [string, string][] = [
    ['present', formatCount(column.count)],
    ['missing', `${formatCount(missing)} (${rows ? formatPercent(missing / rows) : '0%'})`],
    ['distinct', `${column.distinctApproximate ? '≈' : ''}${formatCount(column.distinct)}`],
  ];
  if (column.scale === 'circular') {
    // An average of 350° and 10° is 180°: the linear mean and spread of angles say nothing.
    stats.push(
      ['scale', 'angles'],
      ['min', valueText(column, column.min)],
      ['max', valueText(column, column.max)],
      ['median', valueText(column, column.quantiles.p50)],
    );
  } else if (column.type === 'integer' || column.type === 'float') {
    stats.push(
      ['mean', column.mean === null ? '–' : formatNumber(column.mean)],
      ['min', valueText(column, column.min)],
      ['max', valueText(column, column.max)],
      ['std dev', column.stddev === null ? '–' : formatNumber(column.stddev)],
    );
    const q = column.quantiles;
    stats.push(...(['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((p): [string, string] => [p, valueText(column, q[p])]));
  } else if (column.type === 'datetime') {
    stats.push(['earliest', valueText(column, column.min)], ['latest', valueText(column, column.max)], ['median', valueText(column, column.quantiles.p50)]);
  } else if (column.lengths) {
    stats.push(
      ['length min', formatCount(column.lengths.min)],
      ['length mean', formatNumber(column.lengths.mean)],
      ['length max', formatCount(column.lengths.max)],
    );
  }
  if (column.personalData) stats.push(['personal data', PERSONAL_DATA_LABELS[column.personalData.kind]]);
  const chart = await columnChart(column);
  const worst = findings.find((f) => f.severity === 'critical') ?? findings.find((f) => f.severity === 'warning');
  return html`<article class="column-card" id="${anchor}">
<header><h3>${column.name}</h3><span class="pill type">${column.type}</span>${worst ? html`<span class="flags"><span class="pill ${worst.severity}" title="${worst.title}">${findings.length} finding${findings.length === 1 ? '' : 's'}</span></span>` : ''}</header>
<dl class="stats">${stats.map(([label, value]) => html`<div><dt>${label}</dt><dd title="${value}">${value}</dd></div>`)}</dl>
${chart}
</article>`;
}

/** Numbers and dates get their distribution; text and booleans their most frequent values; keys and personal data neither. */
async function columnChart(column: ColumnProfile): Promise<Html> {
  if (column.count === 0) return html`<p class="empty-note">No values to chart.</p>`;
  if (column.personalData) return html`<p class="empty-note small">${personalNote(column)}</p>`;
  // A key with few values (vehicles, branches) still has a useful count of rows per value; a near-unique one does not.
  const fewKeys = column.identifier && column.topK.length > 0 && column.topK[0]!.count >= 3 && column.distinct <= 50;
  if (column.identifier && !fewKeys) {
    return html`<p class="empty-note small">An identifier (${column.distinct >= column.count ? 'every value distinct' : `${formatCount(column.distinct)} distinct of ${formatCount(column.count)}`}): a key to join on, so no distribution is drawn.</p>`;
  }
  const numeric = column.type === 'integer' || column.type === 'float' || column.type === 'datetime';
  if (numeric && !column.identifier && column.histogram.length > 0 && column.distinct > 12) {
    return html`${await svgOf(histogramSpec(column.histogram, { xTitle: column.name, temporal: column.type === 'datetime', width: 400, height: 110 }))}`;
  }
  if (column.topK.length > 0 && (column.topK[0]!.count <= 2 || column.distinct >= column.count * 0.9)) {
    // Values that hardly repeat: a bar chart of ones and twos says nothing, a few examples say more.
    const how =
      column.distinct >= column.count * 0.9
        ? 'Nearly every value is different'
        : `No value appears more than ${column.topK[0]!.count === 1 ? 'once' : 'twice'}`;
    return html`<p class="empty-note small">${how}, e.g. ${column.topK
      .slice(0, 3)
      .map((t) => `“${t.value.length > 40 ? `${t.value.slice(0, 39)}…` : t.value}”`)
      .join(', ')}.</p>`;
  }
  if (column.topK.length > 0) {
    return html`${await svgOf(topValuesSpec(column.topK.slice(0, 8), column.count, { width: 300 }))}${column.topKApproximate ? html`<div class="caption" style="font-size:12px;color:#5b6873">Counts of the most frequent values are estimates (bounded error).</div>` : ''}`;
  }
  return html``;
}

async function svgOf(spec: Parameters<typeof renderChart>[0]): Promise<Html> {
  return html`<div class="chart" style="margin:4px 0 0">${trusted(await renderChart(spec))}</div>`;
}

function personalNote(column: ColumnProfile): string {
  const finding = column.personalData!;
  const by =
    finding.by === 'name'
      ? 'its name'
      : finding.by === 'values'
        ? `the shape of ${formatPercent(finding.shapeShare)} of its first values`
        : `its name and the shape of ${formatPercent(finding.shapeShare)} of its first values`;
  return `Personal data (${PERSONAL_DATA_PLURALS[finding.kind]}, told by ${by}): ${column.valuesWithheld ? 'its values are withheld from this report and profile.json; counts and lengths are kept' : 'values shown, as the use case allows'}.`;
}

function valueText(column: ColumnProfile, value: number | string | null): string {
  if (value === null) return '–';
  if (typeof value === 'number') return column.type === 'datetime' ? shortDateTime(new Date(value).toISOString()) : formatNumber(value);
  if (column.type === 'datetime') return shortDateTime(value);
  return value.length > 24 ? `${value.slice(0, 23)}…` : value;
}

/** Midnight UTC is how date-only values come back: show them as dates. */
function shortDateTime(iso: string): string {
  return iso
    .replace(/T00:00:00(\.000)?Z$/, '')
    .replace('.000Z', 'Z')
    .replace('T', ' ');
}

function typeMix(columns: readonly ColumnProfile[]): string {
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(Number(value.toFixed(1)))} ${units[unit]}`;
}

/** Positions keep anchors unique even when two names differ only in punctuation. */
function columnAnchor(name: string, index: number): string {
  return `col-${index + 1}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
