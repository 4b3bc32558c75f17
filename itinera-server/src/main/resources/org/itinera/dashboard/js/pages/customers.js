// Customers: search by any id, e-mail, phone or trait value; a row opens the journal.
// Contract: GET /api/customers?q&offset&limit.

import {h, clear, journalLink} from '../dom.js';
import {t, fmt, label} from '../i18n.js';
import {get} from '../api.js';

const PAGE = 25;

export async function render(view, ctx) {
  let q = ctx.params.get('q') || '';
  let offset = Number(ctx.params.get('offset')) || 0;
  const input = h('input', {type: 'search', value: q, placeholder: t('customers.placeholder'),
    'aria-label': t('customers.search'), id: 'customer-search', autocomplete: 'off'});
  const results = h('div', {class: 'card', dataset: {list: 'customers'}});
  view.append(h('form', {class: 'toolbar', role: 'search', onsubmit: e => { e.preventDefault(); search(input.value, 0); }},
    h('label', {class: 'grow'}, t('customers.search'), input),
    h('button', {class: 'button primary', type: 'submit'}, t('customers.find'))),
  h('p', {class: 'muted'}, t('customers.hint')), results);

  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value, 0), 300);
  });

  async function search(text, from) {
    if (!ctx.alive()) return; // the analyst has moved on to another page
    q = text.trim();
    offset = from;
    const query = new URLSearchParams();
    if (q) query.set('q', q);
    if (offset) query.set('offset', offset);
    history.replaceState(null, '', '#/customers' + (query.size ? '?' + query : ''));
    view.dataset.hash = location.hash; // the page now stands for the new address
    clear(results).append(h('div', {class: 'loading'}, t('common.loading')));
    try {
      const page = await get('/api/customers', {q, offset, limit: PAGE});
      if (!ctx.alive()) return;
      show(page);
    } catch (e) {
      ctx.showFailure(results, e);
    }
  }

  function show(page) {
    clear(results);
    if (!page.customers.length) {
      results.append(h('div', {class: 'state', dataset: {state: 'empty'}}, t('customers.none', {q: page.query})));
      return;
    }
    const rows = page.customers.map(c => h('tr', {class: 'clickable', dataset: {customer: c.customerId},
      onclick: e => { if (e.target.tagName !== 'A') ctx.navigate('customers/' + encodeURIComponent(c.customerId)); }},
    h('td', {}, h('div', {}, journalLink(c.customerId, c.name || c.customerId)),
      c.name ? h('div', {class: 'faint'}, c.customerId) : null),
    h('td', {class: 'hide-sm'}, c.email || h('span', {class: 'faint'}, '–')),
    h('td', {class: 'r num'}, fmt.int(c.events)),
    h('td', {class: 'hide-sm'}, h('div', {class: 'chips'}, c.channels.slice(0, 4).map(ch => h('span', {class: 'chip'}, label('channel', ch))))),
    h('td', {class: 'num'}, c.lastSeen ? fmt.dateTime(c.lastSeen) : '–')));
    results.append(h('div', {class: 'table-wrap'}, h('table', {class: 'data'},
      h('thead', {}, h('tr', {},
        h('th', {}, t('customers.col.customer')), h('th', {class: 'hide-sm'}, t('customers.col.email')),
        h('th', {class: 'r'}, t('customers.col.events')), h('th', {class: 'hide-sm'}, t('customers.col.channels')),
        h('th', {}, t('customers.col.lastSeen')))),
      h('tbody', {}, rows))));
    const last = page.offset + page.customers.length;
    results.append(h('div', {class: 'toolbar', style: {marginTop: '12px', marginBottom: '0', alignItems: 'center'}},
      h('span', {class: 'muted', dataset: {total: page.total}}, t('common.range', {from: fmt.int(page.offset + 1), to: fmt.int(last), total: fmt.int(page.total)})),
      h('button', {class: 'button small', type: 'button', disabled: page.offset === 0 ? true : null,
        onclick: () => search(q, Math.max(0, page.offset - PAGE))}, t('common.prev')),
      h('button', {class: 'button small', type: 'button', disabled: last >= page.total ? true : null,
        onclick: () => search(q, last)}, t('common.next'))));
  }

  await search(q, offset);
}
