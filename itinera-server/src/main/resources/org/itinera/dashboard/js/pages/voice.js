// Voice of the customer: themes, sentiment, emotions, journey stages and quotes, filtered by
// stage, topic, channel, emotion, sentiment, language and words; each quote links to its
// customer's journal. Contract: GET /api/voice?from&to&stage&channel&topic&emotion&sentiment
// &lang&q&sort&offset&limit.

import {h, journalLink, select} from '../dom.js';
import {t, fmt, label} from '../i18n.js';
import {get} from '../api.js';
import {categoryLabels, chart, saveTool, sentimentColor, tooltipRows} from '../charts.js';

const FILTERS = ['stage', 'topic', 'channel', 'emotion', 'sentiment', 'lang', 'q', 'sort'];
const PAGE = 20;

export async function render(view, ctx) {
  const filters = Object.fromEntries(FILTERS.map(k => [k, ctx.params.get(k) || '']));
  view.append(h('div', {class: 'loading'}, t('common.loading')));
  const report = await get('/api/voice', {...ctx.period, ...filters, limit: PAGE});
  if (!ctx.alive()) return;
  const apply = changes => {
    const next = {...filters, ...changes};
    ctx.navigate('voice', Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  };
  view.replaceChildren(toolbar(report, filters, ctx.catalog, apply), summary(report),
    h('div', {class: 'grid'},
      card(t('voice.themes'), t('voice.themesSub'), h('div', {class: 'chart tall', dataset: {chart: 'themes'}}), 'span-7'),
      h('div', {class: 'span-5', style: {display: 'flex', flexDirection: 'column', gap: '16px'}},
        card(t('voice.sentiment'), null, h('div', {class: 'chart short', dataset: {chart: 'voice-sentiment'}})),
        card(t('voice.emotions'), null, h('div', {class: 'chart short', dataset: {chart: 'emotions'}}))),
      card(t('voice.stages'), t('voice.stagesSub'), h('div', {class: 'chart short', dataset: {chart: 'voice-stages'}}), 'span-12')),
    quotes(report, filters, ctx.period));
  drawThemes(report, apply);
  drawSentiment(report, apply);
  drawEmotions(report, apply);
  drawStages(report, apply);
}

function card(title, sub, body, span = '') {
  return h('section', {class: 'card ' + span},
    h('div', {class: 'card-head'}, h('h2', {}, title), sub ? h('span', {class: 'sub'}, sub) : null), body);
}

function toolbar(report, f, catalog, apply) {
  const topics = new Set(report.themes.map(x => x.topic));
  if (f.topic) topics.add(f.topic);
  const any = ['', t('common.any')];
  const field = (name, options) => h('label', {}, t('voice.filter.' + name),
    select({name, onchange: e => apply({[name]: e.target.value})}, [any, ...options], f[name]));
  const words = h('input', {type: 'search', name: 'q', value: f.q, placeholder: t('voice.filter.qHint')});
  const stages = report.stages.map(x => x.value);
  if (f.stage && !stages.includes(f.stage)) stages.push(f.stage);
  return h('form', {class: 'toolbar', onsubmit: e => { e.preventDefault(); apply({q: words.value.trim()}); }},
    field('stage', stages.map(x => [x, label('stage', x)])),
    field('topic', [...topics].map(x => [x, x])),
    field('channel', catalog.channels.map(c => [c.channel, label('channel', c.channel)])),
    field('emotion', report.emotions.map(e => [e.value, label('emotion', e.value)]).concat(
      f.emotion && !report.emotions.some(e => e.value === f.emotion) ? [[f.emotion, label('emotion', f.emotion)]] : [])),
    field('sentiment', ['negative', 'neutral', 'positive'].map(s => [s, t('sentiment.' + s)])),
    field('lang', [['ko', '한국어'], ['en', 'English']]),
    h('label', {class: 'grow'}, t('voice.filter.q'), words),
    h('label', {}, t('voice.filter.sort'), select({name: 'sort', onchange: e => apply({sort: e.target.value})},
      ['recent', 'negative', 'positive'].map(s => [s, t('voice.sort.' + s)]), f.sort || 'recent')));
}

function summary(r) {
  const share = n => (r.scored ? fmt.pct(n / r.scored, 0) : '–');
  const kpi = (name, value, foot) => h('div', {class: 'card kpi', dataset: {kpi: name}},
    h('div', {class: 'label'}, t('voice.kpi.' + name)), h('div', {class: 'value'}, value), h('div', {class: 'foot'}, foot));
  return h('section', {class: 'kpis'},
    kpi('texts', fmt.int(r.texts), t('voice.kpi.scored', {n: fmt.int(r.scored)})),
    kpi('mean', fmt.sentiment(r.meanSentiment), t('voice.kpi.meanFoot')),
    kpi('negative', share(r.negative), t('voice.kpi.count', {n: fmt.int(r.negative)})),
    kpi('positive', share(r.positive), t('voice.kpi.count', {n: fmt.int(r.positive)})));
}

function empty(el, text) {
  el.replaceChildren(h('div', {class: 'state', dataset: {state: 'empty'}}, text));
}

function drawThemes(r, apply) {
  const el = document.querySelector('[data-chart=themes]');
  if (!r.themes.length) return empty(el, t('voice.noThemes'));
  const themes = r.themes.slice(0, 15).reverse();
  const c = chart(el, {
    grid: {left: 8, right: 56, top: 8, bottom: 8, containLabel: true},
    toolbox: saveTool('itinera-themes'),
    tooltip: {trigger: 'item', formatter: p => {
      const x = themes[p.dataIndex];
      return tooltipRows(x.topic, [[t('voice.mentions'), fmt.int(x.mentions)], [t('voice.customers'), fmt.int(x.customers)],
        [t('overview.meanSentiment'), fmt.sentiment(x.meanSentiment)], [t('voice.negativeShare'), fmt.pct(x.negativeShare, 0)]]);
    }},
    xAxis: {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef0f4'}}},
    yAxis: {type: 'category', data: themes.map(x => x.topic), axisLabel: {width: 140, overflow: 'truncate'}},
    series: [{type: 'bar', name: t('voice.mentions'), barMaxWidth: 18, cursor: 'pointer',
      data: themes.map(x => ({value: x.mentions, itemStyle: {color: sentimentColor(x.meanSentiment), borderRadius: [0, 4, 4, 0]}})),
      label: {show: true, position: 'right', color: '#667085'}}],
  });
  c?.on('click', p => apply({topic: themes[p.dataIndex].topic}));
}

function drawSentiment(r, apply) {
  const el = document.querySelector('[data-chart=voice-sentiment]');
  if (!r.scored) return empty(el, t('overview.noSentiment'));
  const data = [['negative', r.negative, '#d92d20'], ['neutral', r.neutral, '#cbd2e1'], ['positive', r.positive, '#12a150']];
  const c = chart(el, {
    tooltip: {trigger: 'item', formatter: p => tooltipRows(p.name, [[t('voice.kpi.texts'), fmt.int(p.value)], ['', fmt.pct(p.percent / 100, 0)]])},
    legend: {orient: 'vertical', right: 8, top: 'middle'},
    series: [{type: 'pie', radius: ['50%', '78%'], center: ['35%', '50%'], label: {show: false}, cursor: 'pointer',
      data: data.map(([k, v, color]) => ({name: t('sentiment.' + k), value: v, itemStyle: {color}, key: k}))}],
  });
  c?.on('click', p => apply({sentiment: data[p.dataIndex][0]}));
}

function drawEmotions(r, apply) {
  const el = document.querySelector('[data-chart=emotions]');
  if (!r.emotions.length) return empty(el, t('voice.noEmotions'));
  const c = chart(el, {
    grid: {left: 8, right: 16, top: 8, bottom: 8, containLabel: true},
    tooltip: {trigger: 'item', formatter: p => {
      const e = r.emotions[p.dataIndex];
      return tooltipRows(label('emotion', e.value), [[t('voice.kpi.texts'), fmt.int(e.texts)], [t('overview.meanSentiment'), fmt.sentiment(e.meanSentiment)]]);
    }},
    xAxis: {type: 'category', data: r.emotions.map(e => label('emotion', e.value)), axisLabel: {interval: 0, rotate: r.emotions.length > 3 ? 30 : 0}},
    yAxis: {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: [{type: 'bar', name: t('voice.kpi.texts'), barMaxWidth: 28, cursor: 'pointer',
      data: r.emotions.map(e => ({value: e.texts, itemStyle: {color: sentimentColor(e.meanSentiment), borderRadius: [4, 4, 0, 0]}}))}],
  });
  c?.on('click', p => apply({emotion: r.emotions[p.dataIndex].value}));
}

function drawStages(r, apply) {
  const el = document.querySelector('[data-chart=voice-stages]');
  if (!r.stages.length) return empty(el, t('voice.noStages'));
  const c = chart(el, {
    grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
    toolbox: saveTool('itinera-voice-stages'),
    tooltip: {trigger: 'item', formatter: p => {
      const s = r.stages[p.dataIndex];
      return tooltipRows(label('stage', s.value), [[t('voice.kpi.texts'), fmt.int(s.texts)], [t('overview.meanSentiment'), fmt.sentiment(s.meanSentiment)]]);
    }},
    xAxis: {type: 'category', data: r.stages.map(s => label('stage', s.value)), axisLabel: categoryLabels(el, r.stages.length)},
    yAxis: {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: [{type: 'bar', name: t('voice.kpi.texts'), barMaxWidth: 48, cursor: 'pointer',
      data: r.stages.map(s => ({value: s.texts, itemStyle: {color: sentimentColor(s.meanSentiment), borderRadius: [4, 4, 0, 0]}})),
      label: {show: true, position: 'top', color: '#667085', formatter: p => fmt.sentiment(r.stages[p.dataIndex].meanSentiment)}}],
  });
  c?.on('click', p => apply({stage: r.stages[p.dataIndex].value}));
}

export function quoteCard(q) {
  const cls = q.sentiment == null ? '' : q.sentiment <= -0.25 ? 'neg' : q.sentiment >= 0.25 ? 'pos' : '';
  return h('article', {class: 'quote ' + cls, dataset: {event: q.eventId}},
    h('div', {class: 'text', lang: q.lang || null}, q.text),
    h('div', {class: 'meta'},
      journalLink(q.customerId, t('common.openJournal')),
      h('span', {}, q.customerId),
      q.channel ? h('span', {class: 'chip'}, label('channel', q.channel)) : null,
      h('span', {}, fmt.date(q.ts)),
      q.sentiment != null ? h('span', {class: 'sent ' + (cls || 'neu')}, fmt.sentiment(q.sentiment)) : null,
      q.emotion ? h('span', {class: 'chip'}, label('emotion', q.emotion)) : null,
      q.rating != null ? h('span', {class: 'chip'}, '★ ' + fmt.num(q.rating, 0)) : null,
      (q.topics || []).map(x => h('span', {class: 'chip accent'}, x))));
}

function quotes(report, filters, period) {
  const list = h('div', {class: 'quotes', dataset: {list: 'quotes'}}, report.quotes.map(quoteCard));
  let shown = report.quotes.length;
  const more = h('button', {class: 'button', type: 'button', hidden: shown >= report.texts ? true : null});
  more.textContent = t('voice.more');
  more.addEventListener('click', async () => {
    more.disabled = true;
    const next = await get('/api/voice', {...period, ...filters, offset: shown, limit: PAGE});
    list.append(...next.quotes.map(quoteCard));
    shown += next.quotes.length;
    more.disabled = false;
    more.hidden = shown >= report.texts || !next.quotes.length;
  });
  return h('section', {class: 'card', dataset: {section: 'quotes'}},
    h('div', {class: 'card-head'}, h('h2', {}, t('voice.quotes')), h('span', {class: 'sub'}, t('voice.quotesSub', {n: fmt.int(report.texts)}))),
    report.quotes.length ? list : h('div', {class: 'empty-note'}, t('voice.noQuotes')),
    h('div', {style: {marginTop: '12px'}}, more));
}
