// Building the page from data without ever parsing data as HTML.
//
// Customer text is untrusted (reviews, tickets, chats). Every element here is made with
// document.createElement and every string becomes a Text node or an attribute value, so markup in
// the data is shown as text. Links built from data may only point into this dashboard.

const SAFE_URL = /^(#|\/(?!\/)|https?:\/\/)/;

/** h('div', {class: 'card', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if ((key === 'href' || key === 'src') && !SAFE_URL.test(String(value))) {
      throw new Error(`refusing ${key} outside the dashboard: ${value}`);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A link to a customer's journal. */
export function journalLink(customerId, label) {
  return h('a', {href: '#/customers/' + encodeURIComponent(customerId), class: 'journal-link'},
    label ?? customerId);
}

export function option(value, label, selected) {
  return h('option', {value, selected: selected ? true : null}, label ?? value);
}

export function select(attrs, options, current) {
  return h('select', attrs, options.map(o => Array.isArray(o)
    ? option(o[0], o[1], String(o[0]) === String(current))
    : option(o, o, String(o) === String(current))));
}
