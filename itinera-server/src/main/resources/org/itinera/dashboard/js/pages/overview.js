// Overview: KPIs, events by channel over time, NPS trend, sentiment trend, top pain points.
// Contract: GET /api/overview?from&to&granularity (see docs/DASHBOARD.md).

import {h, journalLink} from '../dom.js';
import {t, tn, fmt, label} from '../i18n.js';
import {get} from '../api.js';
import {chart, saveTool, tooltipRows} from '../charts.js';

export async function render(view, ctx) {
  view.append(h('div', {class: 'loading'}, t('common.loading')));
  const o = await get('/api/overview', ctx.period);
  if (!ctx.alive()) return;
  view.replaceChildren(kpis(o), charts(o), painPoints(o, ctx));
  drawChannels(o);
  drawNps(o);
  drawSentiment(o);
}

function kpi(name, value, foot, small) {
  return h('div', {class: 'card kpi', dataset: {kpi: name}},
    h('div', {class: 'label'}, t('overview.kpi.' + name)),
    h('div', {class: 'value'}, value, small ? h('small', {}, small) : null),
    h('div', {class: 'foot'}, foot));
}

function kpis(o) {
  const money = o.revenue[0];
  return h('section', {class: 'kpis'},
    kpi('customers', fmt.int(o.customers), t('overview.kpi.customersFoot', {total: fmt.int(o.customersTotal)})),
    kpi('events', fmt.compact(o.events), o.from ? `${fmt.date(o.from)} – ${fmt.date(o.to)}` : t('common.noData')),
    kpi('conversion', fmt.pct(o.conversion.rate), t('overview.kpi.conversionFoot',
      {buyers: fmt.int(o.conversion.buyers), orders: fmt.int(o.conversion.orders)})),
    kpi('revenue', money ? fmt.moneyShort(money.amount, money.currency) : '–',
      money ? t('overview.kpi.revenueFoot', {amount: fmt.money(money.amount, money.currency), orders: fmt.int(money.orders)})
        : t('overview.kpi.noRevenue')),
    kpi('nps', o.nps ? fmt.num(o.nps.score, 0) : '–', o.nps
      ? t('overview.kpi.npsFoot', {n: fmt.int(o.nps.responses), p: fmt.int(o.nps.promoters), d: fmt.int(o.nps.detractors)})
      : t('overview.kpi.noNps')),
    kpi('csat', o.csat ? fmt.num(o.csat.mean, 2) : '–', o.csat
      ? t('overview.kpi.csatFoot', {n: fmt.int(o.csat.responses), share: fmt.pct(o.csat.satisfiedShare, 0)})
      : t('overview.kpi.noCsat'), o.csat ? '/ 5' : null));
}

function card(title, sub, body, span) {
  return h('section', {class: `card ${span}`},
    h('div', {class: 'card-head'}, h('h2', {}, title), sub ? h('span', {class: 'sub'}, sub) : null), body);
}

function charts(o) {
  return h('div', {class: 'grid'},
    card(t('overview.channels'), t('granularity.' + o.granularity), h('div', {class: 'chart', dataset: {chart: 'channels'}}), 'span-8'),
    card(t('overview.nps'), t('overview.npsSub'), h('div', {class: 'chart', dataset: {chart: 'nps'}}), 'span-4'),
    card(t('overview.sentiment'), o.unscoredTexts ? t('overview.unscored', {n: fmt.int(o.unscoredTexts)}) : t('overview.sentimentSub'),
      h('div', {class: 'chart', dataset: {chart: 'sentiment'}}), 'span-12'));
}

function axis(o) {
  return {type: 'category', data: o.periods.map(p => fmt.date(p)), axisTick: {alignWithLabel: true}};
}

function noData(el, text) {
  el.replaceChildren(h('div', {class: 'state', dataset: {state: 'empty'}}, text));
}

function drawChannels(o) {
  const el = document.querySelector('[data-chart=channels]');
  if (!o.eventsByChannel.length) return noData(el, t('common.noData'));
  chart(el, {
    legend: {type: 'scroll', top: 0, left: 0, width: '80%'}, // clear of the save button
    grid: {left: 48, right: 16, top: 40, bottom: 28},
    toolbox: saveTool('itinera-events-by-channel'),
    tooltip: {trigger: 'axis'},
    xAxis: axis(o),
    yAxis: {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: o.eventsByChannel.map(s => ({
      name: label('channel', s.channel), type: 'bar', stack: 'events', data: s.counts, barMaxWidth: 28,
      emphasis: {focus: 'series'},
    })),
  });
}

function drawNps(o) {
  const el = document.querySelector('[data-chart=nps]');
  if (!o.nps) return noData(el, t('overview.kpi.noNps'));
  chart(el, {
    tooltip: {trigger: 'item', formatter: p => tooltipRows(p.name, [[t('common.responses'), fmt.int(p.value)], ['', fmt.pct(p.percent / 100, 0)]])},
    legend: {bottom: 0},
    title: {text: fmt.num(o.nps.score, 0), subtext: t('overview.kpi.nps'), left: 'center', top: '33%',
      textStyle: {fontSize: 30, fontWeight: 700, color: '#1b2030'}, subtextStyle: {color: '#667085'}},
    series: [{
      type: 'pie', radius: ['52%', '74%'], center: ['50%', '44%'], label: {show: false},
      data: [
        {name: t('overview.promoters'), value: o.nps.promoters, itemStyle: {color: '#12a150'}},
        {name: t('overview.passives'), value: o.nps.passives, itemStyle: {color: '#cbd2e1'}},
        {name: t('overview.detractors'), value: o.nps.detractors, itemStyle: {color: '#d92d20'}},
      ],
    }],
  });
}

function drawSentiment(o) {
  const el = document.querySelector('[data-chart=sentiment]');
  if (!o.sentiment.some(p => p.texts > 0)) return noData(el, t('overview.noSentiment'));
  chart(el, {
    legend: {top: 0, left: 0, right: 40},
    grid: {left: 40, right: 40, top: 44, bottom: 28},
    toolbox: saveTool('itinera-sentiment'),
    tooltip: {trigger: 'axis'},
    xAxis: axis(o),
    yAxis: [
      {type: 'value', min: -1, max: 1, splitLine: {lineStyle: {color: '#eef0f4'}}},
      {type: 'value', minInterval: 1, splitLine: {show: false}},
    ],
    series: [
      {name: t('sentiment.negative'), type: 'bar', stack: 'texts', yAxisIndex: 1, data: o.sentiment.map(p => p.negative), itemStyle: {color: '#f4a79d'}, barMaxWidth: 24},
      {name: t('sentiment.positive'), type: 'bar', stack: 'texts', yAxisIndex: 1, data: o.sentiment.map(p => p.positive), itemStyle: {color: '#9ad8b2'}, barMaxWidth: 24},
      {name: t('overview.meanSentiment'), type: 'line', connectNulls: true, symbolSize: 7,
        data: o.sentiment.map(p => (p.mean == null ? null : Number(p.mean.toFixed(3)))), itemStyle: {color: '#4f46e5'}, lineStyle: {width: 3}},
    ],
  });
}

function painPoints(o, ctx) {
  const list = h('div', {class: 'pain', dataset: {list: 'pain-points'}});
  const worst = Math.max(1, ...o.painPoints.map(p => p.mentions));
  for (const p of o.painPoints) {
    list.append(h('div', {class: 'pain-item'},
      h('div', {class: 'row'},
        h('a', {class: 'topic', href: '#/voice?' + new URLSearchParams({topic: p.topic, sentiment: 'negative'})}, p.topic),
        h('span', {class: 'muted num'}, `${tn('overview.mentions', {n: fmt.int(p.mentions)})} · ${tn('overview.customersN', {n: fmt.int(p.customers)})}`),
        h('span', {class: 'bar', title: fmt.sentiment(p.meanSentiment)}, h('span', {style: {width: `${100 * p.mentions / worst}%`}}))),
      h('div', {class: 'quote neg'},
        h('div', {class: 'text'}, p.quote.text),
        h('div', {class: 'meta'}, journalLink(p.quote.customerId, t('common.openJournal')),
          h('span', {}, label('channel', p.quote.channel)), h('span', {}, fmt.date(p.quote.ts)),
          h('span', {class: 'sent neg'}, fmt.sentiment(p.quote.sentiment))))));
  }
  if (!o.painPoints.length) list.append(h('div', {class: 'empty-note'}, t('overview.noPain')));
  return h('div', {class: 'grid'}, card(t('overview.pain'), t('overview.painSub'), list, 'span-12'));
}
