// Apache ECharts, used safely. Axis labels, legends and series labels are drawn on the canvas
// (never parsed as HTML); tooltips are HTML, so every tooltip goes through a formatter that
// escapes each value with echarts.format.encodeHTML. decorate() installs such a formatter on any
// chart that does not bring its own.

import {t, fmt} from './i18n.js';

export const PALETTE = ['#4f46e5', '#0ea5e9', '#14b8a6', '#f59e0b', '#ef4444', '#8b5cf6',
  '#64748b', '#ec4899', '#22c55e', '#f97316', '#06b6d4', '#a3a3a3'];
const FONT = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
const live = new Set();
const resizer = new ResizeObserver(entries => {
  for (const entry of entries) echarts.getInstanceByDom(entry.target)?.resize();
});

export const esc = value => echarts.format.encodeHTML(value == null ? '' : String(value));
const COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d.,\s%]+\))$/i;
const safeColor = c => (typeof c === 'string' && COLOR.test(c) ? c : '#98a2b3');

/** Tooltip HTML from a title and [label, value, colour] rows; everything escaped. */
export function tooltipRows(title, rows) {
  let html = title == null ? '' : `<div style="font-weight:600;margin-bottom:4px">${esc(title)}</div>`;
  for (const [label, value, color] of rows) {
    const dot = color ? `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${safeColor(color)}"></span>` : '';
    html += `<div>${dot}${esc(label)}${label == null || label === '' ? '' : ': '}<b>${esc(value)}</b></div>`;
  }
  return html;
}

function plain(value) {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'number' ? fmt.num(v, Number.isInteger(v) ? 0 : 2) : v;
}

function safeDefault(params) {
  const list = [params].flat();
  const axis = list[0]?.axisValueLabel;
  const title = axis ?? list[0]?.name;
  return tooltipRows(title, list.map(p => [p.seriesName, plain(p.value), p.color]));
}

function decorate(option) {
  const o = {color: PALETTE, animationDuration: 400, ...option};
  o.textStyle = {fontFamily: FONT, ...(option.textStyle || {})};
  o.tooltip = {confine: true, ...(option.tooltip || {})};
  if (!o.tooltip.formatter) o.tooltip.formatter = safeDefault;
  return o;
}

/** A chart in el (which must be in the page); disposed on the next page change. */
export function chart(el, option, renderer = 'canvas') {
  if (!el.isConnected) return null;
  const c = echarts.init(el, null, {renderer});
  c.setOption(decorate(option));
  live.add(c);
  resizer.observe(el);
  return c;
}

export function disposeAll() {
  for (const c of live) {
    if (!c.isDisposed()) {
      resizer.unobserve(c.getDom());
      c.dispose();
    }
  }
  live.clear();
}

/**
 * Axis labels for n categories across el: wrapped under each category where there is room,
 * slanted where there is not (phones), so neighbouring labels never overlap.
 */
export function categoryLabels(el, n) {
  const room = (el.clientWidth - 72) / Math.max(1, n);
  if (room >= 84) return {interval: 0, width: room - 8, overflow: 'break'};
  if (room >= 64) return {interval: 0, width: room - 4, overflow: 'break', fontSize: 11};
  return {interval: 0, rotate: 35, width: 96, overflow: 'truncate', fontSize: 11};
}

/** The toolbox with ECharts' own PNG export. */
export function saveTool(name) {
  return {right: 4, top: 0, feature: {saveAsImage: {title: t('export.png'), name, pixelRatio: 2, backgroundColor: '#fff'}}};
}

function download(url, filename) {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

export function exportPng(c, name) {
  download(c.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'}), name + '.png');
}

/** Re-renders the chart with the SVG renderer off screen and downloads the SVG. */
export function exportSvg(c, name) {
  const width = c.getWidth();
  const height = c.getHeight();
  const box = document.createElement('div');
  Object.assign(box.style, {position: 'fixed', left: '-20000px', top: '0', width: width + 'px', height: height + 'px'});
  document.body.append(box);
  const svg = echarts.init(box, null, {renderer: 'svg', width, height});
  const option = c.getOption();
  svg.setOption({...option, animation: false, backgroundColor: '#fff'});
  download(svg.getDataURL({type: 'svg'}), name + '.svg');
  svg.dispose();
  box.remove();
}

/** Red (-1) through amber (0) to green (+1): the colour of a sentiment or emotion valence. */
export function sentimentColor(s) {
  if (s == null) return '#cbd2e1';
  const x = Math.max(-1, Math.min(1, s));
  const lerp = (a, b, f) => Math.round(a + (b - a) * f);
  const [from, to, f] = x < 0 ? [[217, 45, 32], [245, 180, 60], x + 1] : [[245, 180, 60], [18, 161, 80], x];
  return `rgb(${lerp(from[0], to[0], f)}, ${lerp(from[1], to[1], f)}, ${lerp(from[2], to[2], f)})`;
}

export const SENTIMENT_SCALE = ['#d92d20', '#f59e0b', '#f5d76e', '#8fd19e', '#12a150'];
