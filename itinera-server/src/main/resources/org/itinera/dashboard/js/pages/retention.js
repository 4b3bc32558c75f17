// Retention cohorts as a heat table plus the average curve, from the journey engine.
// GET /api/retention?start=EVENT&return=EVENT&period=week|month&periods=8&from&to answers the
// engine's RetentionResult: {period, periods, cohorts: [{start, customers, retained, rates}],
// average}, where index k is the k-th period after the cohort's (0 = the cohort itself) and null
// marks a period that lies after the data and cannot be observed yet.

import {h, select} from '../dom.js';
import {t, fmt} from '../i18n.js';
import {get} from '../api.js';
import {eventPicker} from '../expr.js';
import {chart, saveTool, tooltipRows} from '../charts.js';

function heat(rate) {
  // white to indigo: the same hue for every cohort, so cells compare across the table
  const a = Math.max(0, Math.min(1, rate));
  return `rgba(79, 70, 229, ${(0.06 + 0.8 * a).toFixed(3)})`;
}

/** Weekly cohorts over a few months of data; monthly over more, so the table stays readable. */
function defaultPeriod(ctx) {
  const from = Date.parse(ctx.period.from || ctx.catalog.from);
  const to = Date.parse(ctx.period.to || ctx.catalog.to);
  return to - from > 120 * 86_400_000 ? 'month' : 'week';
}

export async function render(view, ctx) {
  const names = ctx.catalog.events.map(e => e.name);
  const q = {start: ctx.params.get('start') || '', return: ctx.params.get('return') || '',
    period: ctx.params.get('period') || defaultPeriod(ctx), periods: ctx.params.get('periods') || '8'};
  const go = changes => ctx.navigate('retention', Object.fromEntries(Object.entries({...q, ...changes}).filter(([, v]) => v)));
  const body = h('div', {});
  view.append(h('div', {class: 'toolbar'},
    eventPicker({name: 'start', label: t('retention.start'), conditionsLabel: t('retention.startConditions'),
      anyLabel: t('retention.anyEvent'), names, expr: q.start, onchange: start => go({start})}),
    eventPicker({name: 'return', label: t('retention.return'), conditionsLabel: t('retention.returnConditions'),
      anyLabel: t('retention.anyEvent'), names, expr: q.return, onchange: back => go({return: back})}),
    h('label', {}, t('retention.period'), select({name: 'period', onchange: e => go({period: e.target.value})},
      ['week', 'month'].map(p => [p, t('granularity.' + p)]), q.period)),
    h('label', {}, t('retention.periods'), select({name: 'periods', onchange: e => go({periods: e.target.value})},
      ['4', '8', '12', '26'], q.periods))), body);
  body.append(h('div', {class: 'loading'}, t('common.loading')));
  try {
    const r = await get('/api/retention', {...ctx.period, ...q});
    if (!ctx.alive()) return;
    show(body, r);
  } catch (e) {
    ctx.showFailure(body, e);
  }
}

function cell(n, rate, size) {
  if (rate == null) return h('td', {class: 'cell faint', title: t('retention.notYet')}, '');
  return h('td', {class: 'cell num', title: `${fmt.int(n)} / ${fmt.int(size)}`,
    style: {background: heat(rate), color: rate > 0.55 ? '#fff' : '#1b2030'}}, fmt.pct(rate, 0));
}

function show(body, r) {
  if (!r.cohorts.length) {
    body.replaceChildren(h('div', {class: 'state', dataset: {state: 'empty'}}, t('common.noData')));
    return;
  }
  const period = String(r.period).toLowerCase();
  const width = r.periods + 1;
  const table = h('table', {class: 'data heat-table', dataset: {table: 'retention'}},
    h('thead', {}, h('tr', {}, h('th', {}, t('retention.cohort')), h('th', {class: 'r'}, t('common.customers')),
      Array.from({length: width}, (_, k) => h('th', {class: 'r'}, t('retention.periodN', {n: k}))))),
    h('tbody', {}, r.cohorts.map(c => h('tr', {dataset: {cohort: c.start}},
      h('td', {class: 'num'}, fmt.date(c.start)), h('td', {class: 'r num'}, fmt.int(c.customers)),
      Array.from({length: width}, (_, k) => cell(c.retained[k], c.rates[k], c.customers))))),
    h('tfoot', {}, h('tr', {}, h('th', {}, t('retention.average')), h('th', {}),
      r.average.map(a => (a == null ? h('td', {}) : h('td', {class: 'r num'}, fmt.pct(a, 0)))))));
  const curve = h('div', {class: 'chart short', dataset: {chart: 'retention'}});
  body.replaceChildren(
    h('section', {class: 'card', style: {marginBottom: '16px'}}, h('div', {class: 'card-head'}, h('h2', {}, t('retention.table')),
      h('span', {class: 'sub'}, t('retention.sub', {period: t('granularity.' + period)}))), h('div', {class: 'table-wrap'}, table)),
    h('section', {class: 'card'}, h('div', {class: 'card-head'}, h('h2', {}, t('retention.curve'))), curve));
  chart(curve, {
    grid: {left: 48, right: 16, top: 16, bottom: 28},
    toolbox: saveTool('itinera-retention'),
    tooltip: {trigger: 'axis', formatter: ps => tooltipRows(ps[0].axisValueLabel, [[t('retention.retained'), fmt.pct(ps[0].value)]])},
    xAxis: {type: 'category', data: r.average.map((_, k) => t('retention.periodN', {n: k}))},
    yAxis: {type: 'value', max: 1, axisLabel: {formatter: v => fmt.pct(v, 0)}, splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: [{type: 'line', name: t('retention.retained'), data: r.average, connectNulls: false, areaStyle: {opacity: 0.12}, symbolSize: 7}],
  });
}
