// Retention cohorts as a heat table plus the average curve.
// Contract (journey engine): GET /api/retention?start=NAME&return=NAME&period=day|week|month
// &periods=8&from&to answering {period, cohorts: [{cohort, customers, retained: [n0, n1, ...]}]}
// where retained[k] counts the cohort's customers who came back in period k (retained[0] = all).

import {h, select} from '../dom.js';
import {t, fmt} from '../i18n.js';
import {get} from '../api.js';
import {chart, saveTool, tooltipRows} from '../charts.js';

function heat(rate) {
  // white to indigo: the same hue for every cohort, so cells compare across the table
  const a = Math.max(0, Math.min(1, rate));
  return `rgba(79, 70, 229, ${(0.06 + 0.8 * a).toFixed(3)})`;
}

export async function render(view, ctx) {
  const names = ctx.catalog.events.map(e => e.name);
  const q = {start: ctx.params.get('start') || '', return: ctx.params.get('return') || '',
    period: ctx.params.get('period') || 'week', periods: ctx.params.get('periods') || '8'};
  const go = changes => ctx.navigate('retention', Object.fromEntries(Object.entries({...q, ...changes}).filter(([, v]) => v)));
  const any = ['', t('retention.anyEvent')];
  const body = h('div', {});
  view.append(h('div', {class: 'toolbar'},
    h('label', {}, t('retention.start'), select({name: 'start', onchange: e => go({start: e.target.value})}, [any, ...names.map(n => [n, n])], q.start)),
    h('label', {}, t('retention.return'), select({name: 'return', onchange: e => go({return: e.target.value})}, [any, ...names.map(n => [n, n])], q.return)),
    h('label', {}, t('retention.period'), select({name: 'period', onchange: e => go({period: e.target.value})},
      ['day', 'week', 'month'].map(p => [p, t('granularity.' + p)]), q.period))), body);
  body.append(h('div', {class: 'loading'}, t('common.loading')));
  try {
    const r = await get('/api/retention', {...ctx.period, ...q});
    if (!ctx.alive()) return;
    show(body, r);
  } catch (e) {
    ctx.showFailure(body, e);
  }
}

function show(body, r) {
  const width = Math.max(0, ...r.cohorts.map(c => c.retained.length));
  if (!r.cohorts.length) {
    body.replaceChildren(h('div', {class: 'state', dataset: {state: 'empty'}}, t('common.noData')));
    return;
  }
  const table = h('table', {class: 'data heat-table', dataset: {table: 'retention'}},
    h('thead', {}, h('tr', {}, h('th', {}, t('retention.cohort')), h('th', {class: 'r'}, t('common.customers')),
      Array.from({length: width}, (_, k) => h('th', {class: 'r'}, t('retention.periodN', {n: k}))))),
    h('tbody', {}, r.cohorts.map(c => h('tr', {},
      h('td', {class: 'num'}, fmt.date(c.cohort)), h('td', {class: 'r num'}, fmt.int(c.customers)),
      c.retained.map(n => {
        const rate = c.customers ? n / c.customers : 0;
        return h('td', {class: 'cell num', title: `${fmt.int(n)} / ${fmt.int(c.customers)}`,
          style: {background: heat(rate), color: rate > 0.55 ? '#fff' : '#1b2030'}}, fmt.pct(rate, 0));
      })))));
  const avg = Array.from({length: width}, (_, k) => {
    const rows = r.cohorts.filter(c => c.retained.length > k);
    const base = rows.reduce((a, c) => a + c.customers, 0);
    return base ? rows.reduce((a, c) => a + c.retained[k], 0) / base : null;
  });
  const curve = h('div', {class: 'chart short', dataset: {chart: 'retention'}});
  body.replaceChildren(
    h('section', {class: 'card', style: {marginBottom: '16px'}}, h('div', {class: 'card-head'}, h('h2', {}, t('retention.table')),
      h('span', {class: 'sub'}, t('retention.sub', {period: t('granularity.' + r.period)}))), h('div', {class: 'table-wrap'}, table)),
    h('section', {class: 'card'}, h('div', {class: 'card-head'}, h('h2', {}, t('retention.curve'))), curve));
  chart(curve, {
    grid: {left: 48, right: 16, top: 16, bottom: 28},
    toolbox: saveTool('itinera-retention'),
    tooltip: {trigger: 'axis', formatter: ps => tooltipRows(ps[0].axisValueLabel, [[t('retention.retained'), fmt.pct(ps[0].value)]])},
    xAxis: {type: 'category', data: avg.map((_, k) => t('retention.periodN', {n: k}))},
    yAxis: {type: 'value', max: 1, axisLabel: {formatter: v => fmt.pct(v, 0)}, splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: [{type: 'line', name: t('retention.retained'), data: avg, areaStyle: {opacity: 0.12}, symbolSize: 7}],
  });
}
