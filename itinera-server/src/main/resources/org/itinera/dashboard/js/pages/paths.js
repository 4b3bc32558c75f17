// Paths as a Sankey: what customers do after (or before) an event, step by step.
// Contract (journey engine): GET /api/paths?anchor=NAME&direction=after|before&depth=4&from&to
// answering {nodes: [{id, name, step, customers}], links: [{source, target, customers}]}.

import {h, select} from '../dom.js';
import {t, fmt} from '../i18n.js';
import {get} from '../api.js';
import {chart, saveTool, tooltipRows} from '../charts.js';

export async function render(view, ctx) {
  const names = ctx.catalog.events.map(e => e.name);
  const q = {anchor: ctx.params.get('anchor') || '', direction: ctx.params.get('direction') || 'after',
    depth: ctx.params.get('depth') || '4'};
  const go = changes => ctx.navigate('paths', Object.fromEntries(Object.entries({...q, ...changes}).filter(([, v]) => v)));
  const body = h('section', {class: 'card'});
  view.append(h('div', {class: 'toolbar'},
    h('label', {}, t('paths.anchor'), select({name: 'anchor', onchange: e => go({anchor: e.target.value})},
      [['', t('paths.anchorAny')], ...names.map(n => [n, n])], q.anchor)),
    h('label', {}, t('paths.direction'), select({name: 'direction', onchange: e => go({direction: e.target.value})},
      [['after', t('paths.after')], ['before', t('paths.before')]], q.direction)),
    h('label', {}, t('paths.depth'), select({name: 'depth', onchange: e => go({depth: e.target.value})},
      ['2', '3', '4', '5', '6'], q.depth))), body);
  body.append(h('div', {class: 'loading'}, t('common.loading')));
  try {
    const paths = await get('/api/paths', {...ctx.period, ...q});
    if (!ctx.alive()) return;
    body.replaceChildren(h('div', {class: 'card-head'}, h('h2', {}, t('paths.title')),
      h('span', {class: 'sub'}, t('paths.sub'))));
    if (!paths.links.length) {
      body.append(h('div', {class: 'state', dataset: {state: 'empty'}}, t('common.noData')));
      return;
    }
    const el = h('div', {class: 'chart tall', dataset: {chart: 'paths'}});
    body.append(el);
    const byId = new Map(paths.nodes.map(n => [n.id, n]));
    chart(el, {
      toolbox: saveTool('itinera-paths'),
      tooltip: {trigger: 'item', formatter: p => (p.dataType === 'edge'
        ? tooltipRows(`${byId.get(p.data.source)?.name} → ${byId.get(p.data.target)?.name}`, [[t('common.customers'), fmt.int(p.data.value)]])
        : tooltipRows(p.data.display, [[t('paths.step'), p.data.step], [t('common.customers'), fmt.int(p.data.customers)]]))},
      series: [{
        type: 'sankey', left: 8, right: 120, top: 24, bottom: 8, nodeGap: 10, draggable: false, nodeAlign: 'left',
        emphasis: {focus: 'adjacency'}, lineStyle: {color: 'gradient', curveness: 0.5, opacity: 0.35},
        label: {formatter: p => p.data.display, width: 110, overflow: 'truncate'},
        // 'display', not 'label': a data item's label is ECharts' own per-item label option
        data: paths.nodes.map(n => ({name: n.id, display: n.name, step: n.step, customers: n.customers})),
        links: paths.links.map(l => ({source: l.source, target: l.target, value: l.customers})),
      }],
    });
  } catch (e) {
    ctx.showFailure(body, e);
  }
}
