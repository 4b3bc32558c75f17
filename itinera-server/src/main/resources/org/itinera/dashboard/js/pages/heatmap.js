// Click heatmap per page, from the x/y coordinates of click events (desktop and mobile layouts
// apart). Contract: GET /api/heatmap/pages?from&to and GET /api/heatmap?page&device&cell&from&to.

import {h, select} from '../dom.js';
import {t, fmt} from '../i18n.js';
import {get} from '../api.js';
import {chart, saveTool, tooltipRows} from '../charts.js';

export async function render(view, ctx) {
  view.append(h('div', {class: 'loading'}, t('common.loading')));
  const device = ctx.params.get('device') || 'auto';
  const asked = ctx.params.get('page');
  // with the page in the address both calls go at once; otherwise the most clicked page first
  const heatmap = page => get('/api/heatmap', {...ctx.period, page, device, cell: 20});
  const early = asked ? heatmap(asked) : null;
  early?.catch(() => {}); // handled where awaited; unawaited when the page ends early
  const {pages} = await get('/api/heatmap/pages', ctx.period);
  if (!ctx.alive()) return;
  if (!pages.length) {
    view.replaceChildren(h('div', {class: 'state', dataset: {state: 'empty'}},
      h('strong', {}, t('heatmap.none')), h('span', {}, t('heatmap.noneHint'))));
    return;
  }
  const page = asked || pages[0].page;
  const map = await (early || heatmap(page));
  if (!ctx.alive()) return;
  const go = changes => ctx.navigate('heatmap', {page, device, ...changes});
  const pageOptions = pages.map(p => [p.page, `${p.page} (${fmt.int(p.clicks)})`]);
  if (!pages.some(p => p.page === page)) pageOptions.unshift([page, page]);
  const seg = h('div', {class: 'segmented', role: 'group', 'aria-label': t('heatmap.device')},
    ['auto', 'desktop', 'mobile'].map(d => h('button', {type: 'button', 'aria-pressed': String(d === device),
      onclick: () => go({device: d})}, t('heatmap.device.' + d))));
  const stage = h('div', {class: 'heat-stage chart', dataset: {chart: 'heatmap'}});
  view.replaceChildren(
    h('div', {class: 'toolbar'},
      h('label', {}, t('heatmap.page'), select({name: 'page', onchange: e => go({page: e.target.value})}, pageOptions, page)),
      h('label', {}, t('heatmap.device'), seg)),
    h('div', {class: 'grid'},
      h('section', {class: 'card span-8'},
        h('div', {class: 'card-head'}, h('h2', {}, page),
          h('span', {class: 'sub'}, t('heatmap.sub', {n: fmt.int(map.clicks), device: t('heatmap.device.' + map.device),
            w: map.width, d: fmt.int(map.desktopClicks), m: fmt.int(map.mobileClicks)}))),
        map.clicks ? stage : h('div', {class: 'state', dataset: {state: 'empty'}}, t('heatmap.noClicks'))),
      h('section', {class: 'card span-4'},
        h('div', {class: 'card-head'}, h('h2', {}, t('heatmap.elements'))),
        elements(map))));
  if (map.clicks) draw(stage, map);
}

function elements(map) {
  if (!map.elements.length) return h('div', {class: 'empty-note'}, t('heatmap.noElements'));
  const top = Math.max(...map.elements.map(e => e.clicks));
  return h('table', {class: 'data', dataset: {list: 'elements'}}, h('tbody', {}, map.elements.map(e =>
    h('tr', {}, h('td', {}, e.element,
      h('div', {class: 'bar', style: {marginTop: '4px', width: '100%'}},
        h('span', {style: {width: `${100 * e.clicks / top}%`, background: '#4f46e5'}}))),
    h('td', {class: 'r num'}, fmt.int(e.clicks), h('div', {class: 'faint'}, fmt.pct(e.clicks / map.clicks, 0)))))));
}

/**
 * Draws a density heatmap: the page is registered as a one-rectangle "map" in page pixels (y
 * negated, as maps count latitude upwards), so ECharts' geo heatmap can blur clicks into heat.
 */
function draw(el, map) {
  el.style.height = Math.min(1600, Math.max(320, el.clientWidth * map.height / Math.max(1, map.width))) + 'px';
  const w = map.width;
  const hgt = map.height;
  echarts.registerMap('itinera-page', {type: 'FeatureCollection', features: [{type: 'Feature', properties: {name: 'page'},
    geometry: {type: 'Polygon', coordinates: [[[0, 0], [w, 0], [w, -hgt], [0, -hgt], [0, 0]]]}}]});
  const max = Math.max(...map.cells.map(c => c.clicks));
  const scale = el.clientWidth / Math.max(1, w);
  const half = map.cell / 2;
  chart(el, {
    toolbox: saveTool('itinera-heatmap'),
    tooltip: {formatter: p => (p.seriesType === 'heatmap'
      ? tooltipRows(t('heatmap.cellAt', {x: Math.round(p.value[0] - half), y: Math.round(-p.value[1] - half)}), [[t('heatmap.clicks'), fmt.int(p.value[2])]])
      : '')},
    geo: {map: 'itinera-page', roam: false, aspectScale: 1, left: 0, right: 0, top: 0, bottom: 0, silent: true,
      itemStyle: {areaColor: 'rgba(0,0,0,0)', borderColor: '#e4e7ee'}, label: {show: false}, emphasis: {disabled: true}},
    visualMap: {min: 0, max, show: false, calculable: false,
      inRange: {color: ['#3b82f6', '#22d3ee', '#a3e635', '#facc15', '#f97316', '#dc2626']}},
    series: [{type: 'heatmap', name: t('heatmap.clicks'), coordinateSystem: 'geo',
      pointSize: Math.max(8, Math.round(map.cell * scale * 1.4)), blurSize: Math.max(10, Math.round(map.cell * scale * 2)),
      data: map.cells.map(c => [c.x + half, -(c.y + half), c.clicks])}],
  });
}
