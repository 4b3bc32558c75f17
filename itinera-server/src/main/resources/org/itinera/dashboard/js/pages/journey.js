// The journey map: stages as columns, touchpoints as rows (cell = volume, colour = emotion),
// conversion and drop-off between stages, the emotion curve, and each stage's pain points with
// real quotes; filter by segment (a trait value) and period; export as PNG or SVG.
// GET /api/journey-map?from&to&segment=KEY:VALUE answers the engine's JourneyMapResult (stages,
// transitions, touchpoints, matrix, emotion as mean sentiment) plus painPoints by stage id.

import {h, journalLink, select} from '../dom.js';
import {t, tn, fmt, label} from '../i18n.js';
import {get} from '../api.js';
import {categoryLabels, chart, exportPng, exportSvg, saveTool, sentimentColor, tooltipRows, SENTIMENT_SCALE} from '../charts.js';

export async function render(view, ctx) {
  const segment = ctx.params.get('segment') || '';
  const segments = ctx.catalog.traits.flatMap(tr => tr.values.slice(0, 10).map(v => [`${tr.key}:${v.value}`, `${tr.key} = ${v.value}`]));
  if (segment && !segments.some(([v]) => v === segment)) segments.unshift([segment, segment]);
  const body = h('div', {});
  view.append(h('div', {class: 'toolbar'},
    h('label', {}, t('journey.segment'), select({name: 'segment', onchange: e => ctx.navigate('journey', e.target.value ? {segment: e.target.value} : null)},
      [['', t('journey.everyone')], ...segments], segment))), body);
  body.append(h('div', {class: 'loading'}, t('common.loading')));
  try {
    const map = await get('/api/journey-map', {...ctx.period, segment});
    if (!ctx.alive()) return;
    show(body, map);
  } catch (e) {
    ctx.showFailure(body, e);
  }
}

function stageName(s) {
  const own = label('stage', s.stage);
  return own !== s.stage ? own : s.name || s.stage;
}

const mean = e => e?.meanSentiment ?? null;

function show(body, map) {
  if (!map.stages.length) {
    body.replaceChildren(h('div', {class: 'state', dataset: {state: 'empty'}}, t('common.noData')));
    return;
  }
  const mapEl = h('div', {class: 'chart tall', dataset: {chart: 'journey-map'}});
  const png = h('button', {class: 'button small', type: 'button', id: 'export-png'}, t('export.png'));
  const svg = h('button', {class: 'button small', type: 'button', id: 'export-svg'}, t('export.svg'));
  body.replaceChildren(
    h('section', {class: 'card', style: {marginBottom: '16px'}},
      h('div', {class: 'card-head'}, h('h2', {}, t('journey.map')), h('span', {class: 'chips'}, png, svg)),
      h('p', {class: 'muted', style: {marginTop: '-6px'}}, t('journey.mapSub')), mapEl),
    h('div', {class: 'grid'},
      h('section', {class: 'card span-6'}, h('div', {class: 'card-head'}, h('h2', {}, t('journey.conversion'))),
        h('div', {class: 'chart', dataset: {chart: 'stage-conversion'}})),
      h('section', {class: 'card span-6'}, h('div', {class: 'card-head'}, h('h2', {}, t('journey.emotion'))),
        h('div', {class: 'chart', dataset: {chart: 'emotion-curve'}}))),
    h('section', {class: 'card'}, h('div', {class: 'card-head'}, h('h2', {}, t('journey.pain'))), pains(map)));
  const c = drawMap(mapEl, map);
  png.addEventListener('click', () => exportPng(c, 'itinera-journey-map'));
  svg.addEventListener('click', () => exportSvg(c, 'itinera-journey-map'));
  drawConversion(document.querySelector('[data-chart=stage-conversion]'), map);
  drawEmotion(document.querySelector('[data-chart=emotion-curve]'), map);
}

function drawMap(el, map) {
  const stages = map.stages.map(stageName);
  // touchpoints in the engine's order (most events first), those with staged events only
  const staged = new Set(map.matrix.map(c => c.touchpoint));
  const order = map.touchpoints.map(tp => tp.touchpoint).filter(tp => staged.has(tp));
  const rows = order.map(tp => label('channel', tp));
  const data = [];
  for (const cell of map.matrix) {
    const x = map.stages.findIndex(s => s.stage === cell.stage);
    const y = order.indexOf(cell.touchpoint);
    if (x < 0 || y < 0) continue;
    const m = mean(cell.emotion);
    // a cell without scored texts has no emotion: grey, outside the colour scale
    data.push(m == null ? {value: [x, y, cell.events, 0], cell, tp: rows[y], stage: stages[x], visualMap: false,
      itemStyle: {color: '#e9ecf3'}} : {value: [x, y, cell.events, m], cell, tp: rows[y], stage: stages[x]});
  }
  el.style.height = Math.max(320, 80 + rows.length * 44) + 'px';
  return chart(el, {
    grid: {left: 8, right: 16, top: 8, bottom: 56, containLabel: true},
    // bottom right, clear of the stage names along the top
    toolbox: {...saveTool('itinera-journey-map'), top: null, bottom: 0},
    tooltip: {trigger: 'item', formatter: p => {
      const d = p.data;
      const e = d.cell.emotion || {};
      return tooltipRows(`${d.stage} · ${d.tp}`, [[t('journey.events'), fmt.int(d.cell.events)], [t('common.customers'), fmt.int(d.cell.customers)],
        [t('overview.meanSentiment'), fmt.sentiment(e.meanSentiment)], [t('journey.negativeShare'), e.shareNegative == null ? '–' : fmt.pct(e.shareNegative, 0)],
        [t('journey.scored'), fmt.int(e.scored)]]);
    }},
    xAxis: {type: 'category', data: stages, position: 'top', axisTick: {show: false}, axisLine: {show: false},
      axisLabel: {fontWeight: 600, color: '#1b2030', interval: 0, width: 110, overflow: 'truncate'}},
    yAxis: {type: 'category', data: rows, inverse: true, axisTick: {show: false}, axisLine: {show: false},
      axisLabel: {width: 120, overflow: 'truncate'}},
    visualMap: {dimension: 3, min: -1, max: 1, orient: 'horizontal', left: 'center', bottom: 0, calculable: false,
      text: [t('journey.positive'), t('journey.negative')], inRange: {color: SENTIMENT_SCALE}, itemHeight: 160},
    series: [{type: 'heatmap', name: t('journey.events'), data,
      label: {show: true, formatter: p => fmt.compact(p.data.cell.events), color: '#1b2030', fontWeight: 600},
      itemStyle: {borderColor: '#fff', borderWidth: 3, borderRadius: 6}}],
  });
}

function drawConversion(el, map) {
  chart(el, {
    grid: {left: 8, right: 48, top: 64, bottom: 8, containLabel: true},
    toolbox: saveTool('itinera-stage-conversion'),
    legend: {top: 0, left: 0, right: 40},
    tooltip: {trigger: 'axis', formatter: ps => {
      const s = map.stages[ps[0].dataIndex];
      return tooltipRows(stageName(s), [[t('common.customers'), fmt.int(s.customers)],
        [t('journey.onward'), fmt.pct(s.conversion)], [t('journey.dropOff'), fmt.int(s.dropOff)],
        [t('journey.goal'), fmt.pct(s.goalConversion)], [t('journey.timeInStage'), fmt.duration(s.medianMsInStage)]]);
    }},
    xAxis: {type: 'category', data: map.stages.map(stageName), axisLabel: categoryLabels(el, map.stages.length)},
    yAxis: [{type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef0f4'}}}, {type: 'value', min: 0, max: 1, show: false}],
    series: [
      {type: 'bar', name: t('common.customers'), data: map.stages.map(s => s.customers), barMaxWidth: 56,
        itemStyle: {color: '#4f46e5', borderRadius: [6, 6, 0, 0]}},
      {type: 'line', name: t('journey.onward'), yAxisIndex: 1, data: map.stages.map(s => (s.customers ? s.conversion : null)),
        label: {show: true, position: 'top', formatter: p => (p.value == null ? '' : fmt.pct(p.value, 0)), color: '#0e7490',
          backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 4], borderRadius: 4}, itemStyle: {color: '#0ea5e9'}},
      {type: 'line', name: t('journey.goal'), yAxisIndex: 1, data: map.stages.map(s => (s.customers ? s.goalConversion : null)),
        lineStyle: {type: 'dashed'}, itemStyle: {color: '#12a150'}},
    ],
  });
}

function drawEmotion(el, map) {
  chart(el, {
    grid: {left: 8, right: 36, top: 28, bottom: 8, containLabel: true},
    toolbox: saveTool('itinera-emotion-curve'),
    tooltip: {trigger: 'axis', formatter: ps => {
      const s = map.stages[ps[0].dataIndex];
      const e = s.emotion || {};
      return tooltipRows(stageName(s), [[t('overview.meanSentiment'), fmt.sentiment(e.meanSentiment)],
        [t('journey.negativeShare'), e.shareNegative == null ? '–' : fmt.pct(e.shareNegative, 0)], [t('journey.scored'), fmt.int(e.scored)]]);
    }},
    xAxis: {type: 'category', data: map.stages.map(stageName), axisLabel: categoryLabels(el, map.stages.length)},
    yAxis: {type: 'value', min: -1, max: 1, splitLine: {lineStyle: {color: '#eef0f4'}}},
    series: [{type: 'line', name: t('overview.meanSentiment'), symbolSize: 14, connectNulls: true, lineStyle: {width: 3, color: '#64748b'},
      data: map.stages.map(s => ({value: mean(s.emotion), itemStyle: {color: sentimentColor(mean(s.emotion))}})),
      label: {show: true, position: 'top', formatter: p => (p.value == null ? '' : fmt.sentiment(p.value))},
      markLine: {silent: true, symbol: 'none', data: [{yAxis: 0}], lineStyle: {color: '#cbd2e1', type: 'dashed'}, label: {show: false}}}],
  });
}

function pains(map) {
  const grid = h('div', {class: 'grid', style: {marginBottom: '0'}, dataset: {list: 'stage-pain'}});
  for (const s of map.stages) {
    const points = map.painPoints?.[s.stage] || [];
    grid.append(h('div', {class: 'span-4'}, h('h3', {style: {marginBottom: '8px'}}, stageName(s)),
      points.length ? points.slice(0, 3).map(p => h('div', {style: {marginBottom: '12px'}},
        h('div', {class: 'row', style: {display: 'flex', gap: '8px', alignItems: 'baseline'}},
          h('strong', {}, p.topic), h('span', {class: 'muted'}, tn('journey.mentions', {n: fmt.int(p.mentions)}))),
        (p.quotes || []).slice(0, 2).map(q => h('div', {class: 'quote neg', style: {marginTop: '6px'}},
          h('div', {class: 'text'}, q.text),
          h('div', {class: 'meta'}, journalLink(q.customerId, t('common.openJournal')),
            q.sentiment != null ? h('span', {class: 'sent neg'}, fmt.sentiment(q.sentiment)) : null)))))
        : h('div', {class: 'empty-note'}, t('journey.noPain')),
      points.length ? h('a', {href: '#/voice?' + new URLSearchParams({stage: s.stage, sentiment: 'negative', sort: 'negative'}),
        dataset: {stageTexts: s.stage}}, t('journey.stageTexts') + ' →') : null));
  }
  return grid;
}
