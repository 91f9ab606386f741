import { html, trusted, type Html } from './escape-html.js';
import type { ReportBlock, ReportSection } from './report-model.js';

export function renderSection(section: ReportSection): Html {
  return html`<section id="${section.id}">
<h2>${section.title}</h2>
${section.intro ? html`<p class="intro">${section.intro}</p>` : ''}
${renderBlocks(section.blocks)}
</section>`;
}

/** Consecutive charts share a grid row; everything else flows one under the other. */
export function renderBlocks(blocks: readonly ReportBlock[]): Html {
  const out: Html[] = [];
  let charts: Html[] = [];
  const flush = () => {
    if (charts.length > 1) out.push(html`<div class="charts">${charts}</div>`);
    else out.push(...charts);
    charts = [];
  };
  for (const block of blocks) {
    if (block.kind === 'chart') charts.push(renderChart(block));
    else {
      flush();
      out.push(renderBlock(block));
    }
  }
  flush();
  return html`${out}`;
}

function renderBlock(block: Exclude<ReportBlock, { kind: 'chart' }>): Html {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'figures':
      return figures(block.items);
    case 'table':
      return table(block.columns, block.rows, block.numeric, block.caption);
    case 'list':
      return html`<ul class="findings">${block.items.map(
        (item) => html`<li class="finding ${item.tone ?? 'info'}"><div class="head"><h3>${item.title}</h3></div><p>${item.text}</p></li>`,
      )}</ul>`;
  }
}

export function renderChart(block: { title: string; svg: string; caption?: string }): Html {
  return html`<figure class="chart" style="margin:10px 0 18px"><div class="title">${block.title}</div>${trusted(block.svg)}${block.caption ? html`<figcaption class="caption">${block.caption}</figcaption>` : ''}</figure>`;
}

export function figures(items: readonly { label: string; value: string; note?: string }[]): Html {
  return html`<div class="figures">${items.map(
    (item) =>
      html`<div class="figure"><div class="label">${item.label}</div><div class="value">${item.value}</div>${item.note ? html`<div class="note">${item.note}</div>` : ''}</div>`,
  )}</div>`;
}

export function table(
  columns: readonly string[],
  rows: readonly (readonly (string | number | Html)[])[],
  numeric?: readonly boolean[],
  caption?: string,
): Html {
  const isNumeric = (i: number) => numeric?.[i] ?? false;
  return html`<div class="table-wrap"><table>${caption ? html`<caption>${caption}</caption>` : ''}
<thead><tr>${columns.map((c, i) => html`<th class="${isNumeric(i) ? 'num' : ''}">${c}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => html`<td class="${isNumeric(i) ? 'num' : ''}">${cell}</td>`)}</tr>`)}</tbody>
</table></div>`;
}
