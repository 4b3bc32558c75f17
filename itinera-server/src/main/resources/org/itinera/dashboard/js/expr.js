// Event expressions, as the API reads them in funnel steps, path anchors and retention events
// (docs/JOURNEY.md, "Event expressions"): names separated by |, then conditions in brackets. A
// name holding one of , & | [ ] = ! < > " or a backslash, or a space at either end, is quoted,
// so an event name from the catalog always means that one event.

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
