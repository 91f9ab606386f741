import type { Config } from 'vega-lite';

/** One look for every chart: the report's font, quiet axes, one accent colour. */
export const ACCENT = '#3b6ea8';
export const MUTED = '#b8c2cc';
export const WARN = '#c77d1a';
export const ALERT = '#b3261e';

/** Latin faces first, then faces with CJK glyphs, so a name in Chinese, Japanese or Korean draws as text, not boxes. */
export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "PingFang SC", "Hiragino Sans", "Microsoft YaHei", "Yu Gothic", "Malgun Gothic", "Source Han Sans", sans-serif';
const FONT = FONT_STACK;

export const CHART_CONFIG: Config = {
  font: FONT,
  background: 'transparent',
  view: { stroke: null },
  axis: { labelColor: '#46515c', titleColor: '#46515c', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#e8ecf0', domainColor: '#b8c2cc', tickColor: '#b8c2cc' },
  legend: { labelColor: '#46515c', titleColor: '#46515c', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
  title: { fontSize: 12, fontWeight: 'normal', color: '#1f2a33', anchor: 'start' },
  bar: { color: ACCENT },
  rule: { color: ACCENT },
  tick: { color: ACCENT },
};
