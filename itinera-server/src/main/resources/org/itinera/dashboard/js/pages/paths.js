// Paths as a Sankey and a table of the top paths, from the journey engine.
// GET /api/paths?anchor=EVENT&direction=after|before|every&depth=2..6&top=10&from&to answers the
// engine's PathsResult: {paths: [{events, count, customers, share}], distinctPaths, coverage,
// sankey: {nodes: [{id, step, event}], links: [{source, target, value}]}}.

import {h, select} from '../dom.js';
import {t, fmt} from '../i18n.js';
import {get} from '../api.js';
import {eventPicker} from '../expr.js';
import {chart, saveTool, tooltipRows, PALETTE} from '../charts.js';

export async function render(view, ctx) {
  const names = ctx.catalog.events.map(e => e.name);
  const q = {anchor: ctx.params.get('anchor') || '', direction: ctx.params.get('direction') || 'after',
    depth: ctx.params.get('depth') || '4', top: ctx.params.get('top') || '10'};
  const go = changes => ctx.navigate('paths', Object.fromEntries(Object.entries({...q, ...changes}).filter(([, v]) => v)));
  const body = h('div', {});
  view.append(h('div', {class: 'toolbar'},
    eventPicker({name: 'anchor', label: t('paths.anchor'), conditionsLabel: t('paths.anchorConditions'),
      anyLabel: t('paths.anchorAny'), names, expr: q.anchor, onchange: anchor => go({anchor})}),
    h('label', {}, t('paths.direction'), select({name: 'direction', onchange: e => go({direction: e.target.value})},
      [['after', t('paths.after')], ['before', t('paths.before')], ['every', t('paths.every')]], q.direction)),
    h('label', {}, t('paths.depth'), select({name: 'depth', onchange: e => go({depth: e.target.value})},
      ['2', '3', '4', '5', '6'], q.depth)),
    h('label', {}, t('paths.top'), select({name: 'top', onchange: e => go({top: e.target.value})},
      ['5', '10', '20', '50'], q.top))), body);
  body.append(h('div', {class: 'loading'}, t('common.loading')));
  try {
    const params = {...ctx.period, ...q};
    if (q.direction === 'before' && !q.anchor) params.direction = 'after'; // "before" needs an event
    const paths = await get('/api/paths', params);
    if (!ctx.alive()) return;
    show(body, paths);
  } catch (e) {
    ctx.showFailure(body, e);
  }
}

function show(body, r) {
  const c = r.coverage;
  body.replaceChildren();
  if (!r.sankey.links.length && !r.paths.length) {
    body.append(h('div', {class: 'state', dataset: {state: 'empty'}}, t('common.noData')));
    return;
  }
  const el = h('div', {class: 'chart tall', dataset: {chart: 'paths'}});
  body.append(
    h('section', {class: 'card', style: {marginBottom: '16px'}},
      h('div', {class: 'card-head'}, h('h2', {}, t('paths.title')),
        h('span', {class: 'sub'}, t('paths.coverage', {shown: fmt.int(r.paths.length), distinct: fmt.int(r.distinctPaths),
          customers: fmt.int(c.customersCovered), all: fmt.int(c.customers)}))),
      r.sankey.links.length ? el : h('div', {class: 'empty-note'}, t('paths.noLinks'))),
    h('section', {class: 'card'}, h('div', {class: 'card-head'}, h('h2', {}, t('paths.top'))),
      h('div', {class: 'table-wrap'}, h('table', {class: 'data', dataset: {table: 'paths'}},
        h('thead', {}, h('tr', {}, h('th', {}, t('paths.path')), h('th', {class: 'r'}, t('paths.count')),
          h('th', {class: 'r'}, t('common.customers')), h('th', {class: 'r'}, t('paths.share')))),
        h('tbody', {}, r.paths.map(p => h('tr', {},
          h('td', {}, h('div', {class: 'chips'}, p.events.map((e, i) => [i ? h('span', {class: 'faint'}, '›') : null, h('span', {class: 'chip'}, e)]))),
          h('td', {class: 'r num'}, fmt.int(p.count)), h('td', {class: 'r num'}, fmt.int(p.customers)),
          h('td', {class: 'r num'}, fmt.pct(p.share)))))))));
  if (!r.sankey.links.length) return;
  const byId = new Map(r.sankey.nodes.map(n => [String(n.id), n]));
  // one colour per event name, so an event looks the same at every step
  const colours = new Map();
  for (const n of r.sankey.nodes) {
    if (!colours.has(n.event)) colours.set(n.event, PALETTE[colours.size % PALETTE.length]);
  }
  // on a phone the columns are too close for names: the legend below names the colours instead
  const narrow = el.clientWidth < 560;
  const right = narrow ? 8 : 130;
  const columns = new Set(r.sankey.nodes.map(n => n.step)).size;
  const room = (el.clientWidth - 8 - right) / Math.max(1, columns - 1) - 28;
  el.after(h('div', {class: 'chips', dataset: {legend: 'paths'}, style: {marginTop: '8px'}},
    [...colours].map(([name, colour]) => h('span', {class: 'chip'},
      h('span', {style: {display: 'inline-block', width: '8px', height: '8px', borderRadius: '50%',
        marginRight: '6px', background: colour}}), name))));
  chart(el, {
    toolbox: saveTool('itinera-paths'),
    tooltip: {trigger: 'item', formatter: p => (p.dataType === 'edge'
      ? tooltipRows(`${byId.get(p.data.source)?.event} → ${byId.get(p.data.target)?.event}`, [[t('paths.count'), fmt.int(p.data.value)]])
      : tooltipRows(p.data.display, [[t('paths.step'), p.data.step], [t('paths.count'), fmt.int(p.value)]]))},
    series: [{
      type: 'sankey', left: 8, right, top: 24, bottom: 8, nodeGap: 10, draggable: false, nodeAlign: 'left',
      emphasis: {focus: 'adjacency'}, lineStyle: {color: 'gradient', curveness: 0.5, opacity: 0.35},
      label: {show: !narrow, formatter: p => p.data.display, width: Math.min(120, room), overflow: 'truncate'},
      // names must be unique, so nodes are named by id and show their event ('display', not
      // 'label': a data item's label is ECharts' own per-item label option)
      data: r.sankey.nodes.map(n => ({name: String(n.id), display: n.event, step: n.step,
        itemStyle: {color: colours.get(n.event)}})),
      links: r.sankey.links.map(l => ({source: String(l.source), target: String(l.target), value: l.value})),
    }],
  });
}
