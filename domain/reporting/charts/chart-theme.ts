import type { Config } from 'vega-lite';

/** One look for every chart: the report's font, quiet axes, one accent colour. */
export const ACCENT = '#3b6ea8';
export const MUTED = '#b8c2cc';
export const WARN = '#c77d1a';
export const ALERT = '#b3261e';

/** Latin faces first, then faces with CJK glyphs, so a name in Chinese, Japanese or Korean draws as text, not boxes. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "PingFang SC", "Hiragino Sans", "Microsoft YaHei", "Yu Gothic", "Malgun Gothic", "Source Han Sans", sans-serif';
const FONT = FONT_STACK;

export const CHART_CONFIG: Config = {
  font: FONT,
  background: 'transparent',
  view: { stroke: null },
  axis: {
    labelColor: '#46515c',
    titleColor: '#46515c',
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    gridColor: '#e8ecf0',
    domainColor: '#b8c2cc',
    tickColor: '#b8c2cc',
  },
  legend: { labelColor: '#46515c', titleColor: '#46515c', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
  title: { fontSize: 12, fontWeight: 'normal', color: '#1f2a33', anchor: 'start' },
  bar: { color: ACCENT },
  rule: { color: ACCENT },
  tick: { color: ACCENT },
};

/** Wide (CJK, full-width) characters: drawn about 1 em wide, while the headless renderer estimates every character at 0.8 em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/**
 * Padding that keeps axis labels in wide characters inside the chart: Vega sizes a chart from its
 * estimate of the labels' width, which falls short by a fifth of an em per wide character.
 */
export function labelPadding(labels: readonly string[], fontSize = 11): { left: number; top: number; right: number; bottom: number } {
  const wide = Math.max(0, ...labels.map((label) => label.match(WIDE)?.length ?? 0));
  return { left: 5 + Math.ceil(wide * 0.25 * fontSize), top: 5, right: 5, bottom: 5 };
}
