// The period every analysis looks at, chosen once in the top bar. "Last N days" counts back from
// the newest event in the store (like journals do), so demo data from the past still shows.

import {h, clear, select} from './dom.js';
import {t} from './i18n.js';

const KEY = 'itinera.period';
const RANGES = ['all', '7', '30', '90', 'custom'];
let state = read();
let bounds = {from: null, to: null};

function read() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY));
    return s && RANGES.includes(s.range) ? s : {range: 'all'};
  } catch {
    return {range: 'all'};
  }
}

export function setBounds(from, to) {
  bounds = {from, to};
}

function minusDays(iso, days) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** {from, to} as ISO dates for the API; empty for all time. */
export function period() {
  if (state.range === 'all') return {};
  if (state.range === 'custom') return {from: state.from || undefined, to: state.to || undefined};
  if (!bounds.to) return {};
  return {from: minusDays(bounds.to, Number(state.range) - 1), to: bounds.to};
}

export function mountPeriod(el, onChange) {
  const save = () => {
    sessionStorage.setItem(KEY, JSON.stringify(state));
    render();
    onChange();
  };
  const render = () => {
    clear(el);
    const choice = select({'aria-label': t('period.label'), id: 'period-select', onchange: e => {
      state = {...state, range: e.target.value};
      if (state.range === 'custom') {
        state.from = state.from || bounds.from || '';
        state.to = state.to || bounds.to || '';
      }
      save();
    }}, RANGES.map(r => [r, t('period.' + r)]), state.range);
    el.append(choice);
    if (state.range === 'custom') {
      const date = (key, labelKey) => h('input', {type: 'date', value: state[key] || '', 'aria-label': t(labelKey),
        min: bounds.from, max: bounds.to, onchange: e => { state = {...state, [key]: e.target.value}; save(); }});
      el.append(date('from', 'period.from'), h('span', {class: 'faint'}, '–'), date('to', 'period.to'));
    }
  };
  render();
  return render;
}
