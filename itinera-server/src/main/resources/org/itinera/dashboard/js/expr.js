// Event expressions, as the API reads them in funnel steps, path anchors and retention events
// (docs/JOURNEY.md, "Event expressions"): names separated by |, then conditions in brackets. A
// name holding one of , & | [ ] = ! < > " or a backslash, or a space at either end, is quoted,
// so an event name from the catalog always means that one event.

import {h, select} from './dom.js';
import {t} from './i18n.js';

const SPECIAL = /[,&|[\]=!<>"\\]|^\s|\s$|^$/;

/** One event name as an expression that matches exactly that name. */
export function quoteName(name) {
  return SPECIAL.test(name) ? '"' + name.replace(/[\\"]/g, c => '\\' + c) + '"' : name;
}

/** A step expression's name part and conditions; raw when the name part is several names. */
export function splitStep(expr) {
  const m = /^\s*("(?:[^"\\]|\\.)*"|[^[]*?)\s*(?:\[(.*)\])?\s*$/.exec(expr);
  if (!m) return {name: expr, raw: true, cond: ''};
  const quoted = m[1].startsWith('"');
  const name = quoted ? m[1].slice(1, -1).replace(/\\(.)/g, '$1') : m[1];
  return {name, raw: !quoted && name.includes('|'), cond: (m[2] || '').trim()};
}

/** The expression for a name (as written when raw, else quoted where needed) and conditions. */
export function joinStep({name, raw, cond}) {
  const n = raw ? name : quoteName(name);
  return cond.trim() ? `${n} [${cond.trim()}]` : n;
}

/**
 * An event chooser for a toolbar: a name from the catalog (or {@code anyLabel} for none) and,
 * once one is chosen, a conditions field; {@code onchange} gets the whole expression ('' for none).
 */
export function eventPicker({name, label, conditionsLabel, anyLabel, names, expr, onchange}) {
  const e = splitStep(expr || '');
  const options = [['', anyLabel], ...(e.name && !names.includes(e.name) ? [e.name] : []), ...names]
    .map(o => (Array.isArray(o) ? o : [o, o]));
  return [
    h('label', {}, label, select({name, onchange: ev => onchange(ev.target.value
      ? joinStep({name: ev.target.value, raw: false, cond: e.cond}) : '')}, options, e.name)),
    h('label', {}, conditionsLabel, h('input', {type: 'text', name: name + '-conditions',
      class: 'conditions', value: e.cond, spellcheck: 'false', disabled: e.name ? null : true,
      placeholder: t('expr.example'), title: t('funnels.conditionsHint'),
      onchange: ev => onchange(joinStep({...e, cond: ev.target.value}))}))];
}
