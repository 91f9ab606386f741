import { FONT_STACK } from '../charts/chart-theme.js';

/** The report's only stylesheet, inlined so the file works offline, attached to a mail or opened from a bucket. */
export const REPORT_CSS = `
:root { --ink: #1f2a33; --soft: #5b6873; --line: #e3e8ed; --panel: #f6f8fa; --accent: #3b6ea8;
  --critical: #b3261e; --critical-bg: #fbeceb; --warning: #8a5a00; --warning-bg: #fdf3e1; --info: #2f5f8f; --info-bg: #eaf1f8; --good: #2e6b3a; --good-bg: #e8f4ea; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 14px/1.5 ${FONT_STACK}; color: var(--ink); background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
header.page { border-bottom: 1px solid var(--line); padding-bottom: 18px; margin-bottom: 8px; }
.eyebrow { text-transform: uppercase; letter-spacing: .06em; font-size: 11px; color: var(--soft); margin: 0 0 4px; }
h1 { font-size: 26px; line-height: 1.2; margin: 0 0 6px; word-break: break-word; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-top: 8px; }
h3 { font-size: 15px; margin: 0; }
.meta { color: var(--soft); margin: 0; }
.meta code { font-size: 12px; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 14px 0 0; font-size: 13px; }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--panel); padding: 1px 4px; border-radius: 3px; font-size: 12.5px; }
.intro { color: var(--soft); max-width: 78ch; margin: -4px 0 14px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 14px 0; }
.figure { background: var(--panel); border-radius: 8px; padding: 10px 14px; }
.figure .label { font-size: 12px; color: var(--soft); }
.figure .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; line-height: 1.3; }
.figure .note { font-size: 12px; color: var(--soft); }
.findings { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 6px; padding: 10px 14px; }
.finding.critical { border-left-color: var(--critical); }
.finding.warning { border-left-color: #d99a28; }
.finding.good { border-left-color: var(--good); }
.finding .head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.finding p { margin: 4px 0 0; color: #33414d; max-width: 92ch; }
.finding .numbers { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--soft); font-variant-numeric: tabular-nums; }
.finding .numbers b { font-weight: 600; color: var(--ink); }
.pill { display: inline-block; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: 1px 7px; border-radius: 10px; white-space: nowrap; }
.pill.critical { color: var(--critical); background: var(--critical-bg); }
.pill.warning { color: var(--warning); background: var(--warning-bg); }
.pill.info { color: var(--info); background: var(--info-bg); }
.pill.good { color: var(--good); background: var(--good-bg); }
.pill.type { color: var(--soft); background: var(--panel); font-weight: 500; text-transform: none; letter-spacing: 0; }
.empty-note { color: var(--soft); font-style: italic; }
.empty-note.small { font-size: 12px; margin: 4px 0 0; }
.pill.personal { color: var(--warning); background: var(--warning-bg); font-weight: 500; text-transform: none; letter-spacing: 0; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; color: var(--soft); font-size: 12px; padding-bottom: 6px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; font-size: 12px; color: var(--soft); background: var(--panel); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* Headers wrap so a wide table still fits the page; the numbers under them do not. */
th.num { white-space: normal; }
td.name { font-weight: 600; word-break: break-word; }
tbody tr:hover { background: #fafbfc; }
.bar-cell { display: flex; align-items: center; gap: 8px; justify-content: flex-end; }
.bar-track { width: 40px; flex: none; height: 6px; background: var(--line); border-radius: 3px; overflow: hidden; }
.bar-fill { height: 100%; background: var(--accent); }
.bar-fill.warn { background: #d99a28; }
.bar-fill.alert { background: var(--critical); }
.chart { margin: 10px 0 18px; }
.chart .title { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
.chart .caption { font-size: 12px; color: var(--soft); margin-top: 2px; max-width: 80ch; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 8px 28px; }
.columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 14px; }
.column-card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; }
.column-card header { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; margin-bottom: 6px; }
.column-card .flags { margin-left: auto; display: flex; gap: 4px; }
dl.stats { display: grid; grid-template-columns: repeat(4, auto); gap: 2px 12px; margin: 0 0 6px; font-size: 12px; font-variant-numeric: tabular-nums; }
dl.stats div { display: flex; flex-direction: column; min-width: 0; }
dl.stats dt { color: var(--soft); }
dl.stats dd { margin: 0; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
ul.plain { margin: 6px 0 0; padding-left: 18px; }
footer.notes { margin-top: 40px; border-top: 1px solid var(--line); padding-top: 12px; font-size: 12px; color: var(--soft); }
footer.notes ul { padding-left: 18px; margin: 6px 0; }
@media (max-width: 640px) { main { padding: 16px; } .columns, .charts { grid-template-columns: 1fr; } dl.stats { grid-template-columns: repeat(2, auto); } }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } .finding, .chart, .column-card { break-inside: avoid; } th { position: static; } }
`;
