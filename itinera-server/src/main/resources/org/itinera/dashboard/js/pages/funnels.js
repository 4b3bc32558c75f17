// Funnels: choose steps from the event names in the data, each with optional conditions
// (channel=web, revenue>=100), a window and a breakdown; see conversion and drop-off; click a
// step to list the customers who dropped before it and open their journals. Contract (journey
// engine): GET /api/funnels?step=A&step=B [channel=web]...&window=7d&by=channel|trait:KEY
// &dropSample=100&from&to, answering the engine's FunnelResult JSON. A step is an event
// expression (../expr.js).

import {h, append, clear, journalLink, select} from '../dom.js';
import {t, fmt, label} from '../i18n.js';
import {get} from '../api.js';
import {joinStep, quoteName, splitStep} from '../expr.js';
import {categoryLabels, chart, saveTool, tooltipRows} from '../charts.js';

const WINDOWS = ['1h', '1d', '7d', '30d', ''];
const PREFERRED = ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed'];

function defaults(catalog) {
  const names = catalog.events.map(e => e.name);
  const preferred = PREFERRED.filter(n => names.includes(n));
  return (preferred.length >= 2 ? preferred : names.slice(0, 3)).map(quoteName);
}

export async function render(view, ctx) {
  const names = ctx.catalog.events.map(e => e.name);
  let steps = ctx.params.getAll('step');
  if (steps.length < 2) steps = defaults(ctx.catalog);
  const state = {steps, window: ctx.params.get('window') ?? '7d', by: ctx.params.get('by') || ''};
  const results = h('div', {dataset: {section: 'funnel-results'}});
  view.append(builder(state, names, ctx), results);
  if (state.steps.length < 2) {
    results.append(h('div', {class: 'state', dataset: {state: 'empty'}}, t('funnels.needSteps')));
    return;
  }
  results.append(h('div', {class: 'loading'}, t('common.loading')));
  try {
    const funnel = await get('/api/funnels', {...ctx.period, step: state.steps, window: state.window,
      by: state.by, dropSample: 100});
    if (!ctx.alive()) return;
    show(results, funnel, state);
  } catch (e) {
    ctx.showFailure(results, e);
  }
}

function builder(state, names, ctx) {
  const list = h('div', {class: 'steps', dataset: {list: 'steps'}});
  const draw = () => {
    clear(list);
    state.steps.forEach((expr, i) => {
      const step = splitStep(expr);
      list.append(h('div', {class: 'step-row'},
      h('span', {class: 'n'}, String(i + 1)),
      select({'aria-label': t('funnels.step', {n: i + 1}), name: 'step',
        onchange: e => { state.steps[i] = joinStep({...splitStep(state.steps[i]), name: e.target.value, raw: false}); }},
        names.includes(step.name) ? names : [step.name, ...names], step.name),
      h('input', {type: 'text', name: 'conditions', class: 'conditions', value: step.cond, spellcheck: 'false',
        placeholder: t('funnels.conditions'), title: t('funnels.conditionsHint'),
        'aria-label': t('funnels.conditionsOf', {n: i + 1}),
        onchange: e => { state.steps[i] = joinStep({...splitStep(state.steps[i]), cond: e.target.value}); }}),
      h('button', {class: 'button small ghost', type: 'button', 'aria-label': t('funnels.remove'),
        disabled: state.steps.length <= 2 ? true : null,
        onclick: () => { state.steps.splice(i, 1); draw(); }}, '✕')));
    });
  };
  draw();
  const traits = ctx.catalog.traits.map(tr => ['trait:' + tr.key, t('funnels.byTrait', {key: tr.key})]);
  return h('section', {class: 'card', style: {marginBottom: '16px'}},
    h('div', {class: 'card-head'}, h('h2', {}, t('funnels.build')), h('span', {class: 'sub'}, t('funnels.buildSub'))),
    h('div', {class: 'builder'},
      h('div', {}, list, h('button', {class: 'button small', type: 'button', style: {marginTop: '8px'}, id: 'add-step',
        onclick: () => { state.steps.push(joinStep({name: names.find(n => !state.steps.some(e => splitStep(e).name === n)) || names[0],
          raw: false, cond: ''})); draw(); }}, '+ ' + t('funnels.add'))),
      h('div', {class: 'opts'},
        h('label', {class: 'field'}, t('funnels.window'), select({name: 'window', onchange: e => { state.window = e.target.value; }},
          WINDOWS.map(w => [w, t('funnels.window.' + (w || 'none'))]), state.window)),
        h('label', {class: 'field'}, t('funnels.by'), select({name: 'by', onchange: e => { state.by = e.target.value; }},
          [['', t('funnels.byNone')], ['channel', t('funnels.byChannel')], ...traits], state.by)),
        h('button', {class: 'button primary', type: 'button', id: 'run-funnel', onclick: () => ctx.navigate('funnels',
          [...state.steps.map(s => ['step', s]), ['window', state.window], ['by', state.by]].filter(([, v]) => v !== ''))},
        t('funnels.run')))));
}

function show(el, f, state) {
  clear(el);
  const drop = h('section', {class: 'card span-4 drop-panel', dataset: {section: 'dropped'}},
    h('h2', {}, t('funnels.dropped')), h('p', {class: 'muted'}, t('funnels.droppedHint')));
  const chartEl = h('div', {class: 'chart', dataset: {chart: 'funnel'}});
  const rows = f.steps.map((s, i) => h('tr', {class: i ? 'clickable' : '', dataset: {step: s.step, customers: s.customers},
    onclick: () => i && pick(i)},
  h('td', {}, h('span', {class: 'chip accent'}, String(s.step)), ' ', s.label),
  h('td', {class: 'r num'}, fmt.int(s.customers)),
  h('td', {class: 'r num hide-sm'}, i ? fmt.pct(s.conversionFromPrevious) : '–'),
  h('td', {class: 'r num'}, fmt.pct(s.conversionFromFirst)),
  h('td', {class: 'r num'}, i ? fmt.int(s.dropOff) : '–'),
  h('td', {class: 'r num hide-sm'}, i ? fmt.duration(s.medianMsFromPrevious) : '–')));
  append(el, [
    h('section', {class: 'kpis'},
      kpi('entered', fmt.int(f.entered)), kpi('converted', fmt.int(f.converted)),
      kpi('conversion', fmt.pct(f.conversion)), kpi('window', t('funnels.window.' + (state.window || 'none')))),
    h('div', {class: 'grid'},
      h('section', {class: 'card span-8'}, h('div', {class: 'card-head'}, h('h2', {}, t('funnels.result'))), chartEl,
        h('div', {class: 'table-wrap'}, h('table', {class: 'data', dataset: {table: 'funnel'}},
          h('thead', {}, h('tr', {}, [t('funnels.col.step'), t('funnels.col.customers'), t('funnels.col.fromPrev'),
            t('funnels.col.fromFirst'), t('funnels.col.dropOff'), t('funnels.col.median')].map((c, i) =>
            h('th', {class: (i ? 'r' : '') + (i === 2 || i === 5 ? ' hide-sm' : '')}, c)))),
          h('tbody', {}, rows)))),
      drop),
    f.groups?.length ? groups(f) : null]);
  const c = chart(chartEl, {
    grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
    toolbox: saveTool('itinera-funnel'),
    tooltip: {trigger: 'item', formatter: p => {
      const s = f.steps[p.dataIndex];
      return tooltipRows(s.label, [[t('funnels.col.customers'), fmt.int(s.customers)], [t('funnels.col.fromFirst'), fmt.pct(s.conversionFromFirst)],
        [t('funnels.col.dropOff'), fmt.int(s.dropOff)]]);
    }},
    xAxis: {type: 'category', data: f.steps.map(s => s.label),
      axisLabel: categoryLabels(chartEl, f.steps.length)},
    yAxis: {type: 'value', splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: [{type: 'bar', name: t('funnels.col.customers'), barMaxWidth: 64, cursor: 'pointer',
      data: f.steps.map(s => s.customers), itemStyle: {color: '#4f46e5', borderRadius: [6, 6, 0, 0]},
      label: {show: true, position: 'top', formatter: p => fmt.pct(f.steps[p.dataIndex].conversionFromFirst, 0)}}],
  });
  c?.on('click', p => p.dataIndex && pick(p.dataIndex));

  function pick(i) {
    const s = f.steps[i];
    for (const r of rows) r.classList.toggle('selected', r.dataset.step === String(s.step));
    append(clear(drop), [h('h2', {}, t('funnels.droppedAt', {n: s.step, label: s.label})),
      h('p', {class: 'muted'}, t('funnels.droppedCount', {n: fmt.int(s.dropOff), shown: fmt.int(s.droppedCustomers.length)})),
      h('div', {class: 'id-list', dataset: {list: 'dropped'}}, s.droppedCustomers.map(id => journalLink(id))),
      s.nextInstead?.length ? [h('h3', {style: {margin: '14px 0 6px'}}, t('funnels.nextInstead')),
        h('table', {class: 'data'}, h('tbody', {}, s.nextInstead.slice(0, 8).map(n =>
          h('tr', {}, h('td', {}, n.event), h('td', {class: 'r num'}, fmt.int(n.customers))))))] : null]);
  }
}

function kpi(name, value) {
  return h('div', {class: 'card kpi', dataset: {kpi: name}}, h('div', {class: 'label'}, t('funnels.kpi.' + name)),
    h('div', {class: 'value'}, value));
}

function groups(f) {
  return h('section', {class: 'card'}, h('div', {class: 'card-head'}, h('h2', {}, t('funnels.groups'))),
    h('div', {class: 'table-wrap'}, h('table', {class: 'data', dataset: {table: 'groups'}},
      h('thead', {}, h('tr', {}, h('th', {}, t('funnels.group')), f.steps.map(s => h('th', {class: 'r'}, s.label)),
        h('th', {class: 'r'}, t('funnels.kpi.conversion')))),
      h('tbody', {}, f.groups.map(g => {
        const first = g.steps[0]?.customers || 0;
        const last = g.steps[g.steps.length - 1]?.customers || 0;
        return h('tr', {}, h('td', {}, Object.entries(g.by).map(([k, v]) => (k === 'channel' ? label('channel', v) : v)).join(' · ')),
          g.steps.map(s => h('td', {class: 'r num'}, fmt.int(s.customers))),
          h('td', {class: 'r num'}, first ? fmt.pct(last / first) : '–'));
      })))));
}
