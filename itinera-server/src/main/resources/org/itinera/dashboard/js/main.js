// The dashboard shell: language, period, navigation and a hash router (#/page/arg?query).
// Pages are modules with render(view, ctx); they fetch /api and build DOM with dom.js only.

import {h, clear} from './dom.js';
import {detect, load, t, lang} from './i18n.js';
import {get, logout, NotAvailable, ApiError} from './api.js';
import {disposeAll} from './charts.js';
import {mountPeriod, period, setBounds} from './period.js';
import * as overview from './pages/overview.js';
import * as journey from './pages/journey.js';
import * as funnels from './pages/funnels.js';
import * as paths from './pages/paths.js';
import * as retention from './pages/retention.js';
import * as heatmap from './pages/heatmap.js';
import * as voice from './pages/voice.js';
import * as customers from './pages/customers.js';
import * as journal from './pages/journal.js';

const PAGES = {overview, journey, funnels, paths, retention, heatmap, voice, customers};
const view = document.getElementById('view');
const app = document.getElementById('app');
let catalog = null;
let rendering = 0;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {page: parts[0] || 'overview', arg: parts[1], params: new URLSearchParams(query || '')};
}

export function navigate(page, params) {
  const q = params ? new URLSearchParams(params).toString() : '';
  location.hash = '#/' + page + (q ? '?' + q : '');
}

/** Shows an error or "not available yet" state in place of a failed section. */
export function showFailure(el, error) {
  clear(el);
  if (error instanceof NotAvailable) {
    el.append(h('div', {class: 'state unavailable', dataset: {state: 'unavailable'}},
      h('strong', {}, t('state.unavailable.title')),
      h('span', {}, t('state.unavailable.body')),
      h('code', {}, 'GET ' + error.path)));
    return;
  }
  console.warn(error);
  el.append(h('div', {class: 'state error', dataset: {state: 'error'}},
    h('strong', {}, t('state.error.title')),
    h('span', {}, error instanceof ApiError ? error.message : t('state.error.body'))));
}

async function route() {
  const token = ++rendering;
  const {page, arg, params} = parseHash();
  const module = page === 'customers' && arg ? journal : PAGES[page];
  for (const a of document.querySelectorAll('.nav nav a')) {
    a.classList.toggle('active', a.dataset.route === page);
  }
  app.classList.remove('nav-open');
  disposeAll();
  // data-hash tells which address this page was rendered for (tests wait on it)
  const container = h('div', {class: 'page', dataset: {hash: location.hash,
    page: module ? (module === journal ? 'journal' : page) : 'missing'}});
  view.replaceChildren(container);
  if (!module) {
    setTitle(t('state.notfound.title'));
    container.append(h('div', {class: 'state'}, h('strong', {}, t('state.notfound.title'))));
    return;
  }
  setTitle(t(module === journal ? 'nav.customers' : 'nav.' + page));
  const ctx = {arg, params, catalog, period: period(), navigate, showFailure, setTitle,
    alive: () => token === rendering};
  try {
    await module.render(container, ctx);
  } catch (e) {
    if (token === rendering) showFailure(container, e);
  }
  if (token === rendering) container.dataset.ready = 'true';
}

function setTitle(text) {
  document.getElementById('page-title').textContent = text;
  document.title = text + ' · Itinera';
}

async function start() {
  await load(detect());
  const langSelect = document.getElementById('lang-select');
  langSelect.value = lang();
  let renderPeriod = () => {};
  langSelect.addEventListener('change', async () => {
    await load(langSelect.value);
    renderPeriod();
    route();
  });
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('menu-button').addEventListener('click', () => app.classList.toggle('nav-open'));
  document.getElementById('nav-scrim').addEventListener('click', () => app.classList.remove('nav-open'));
  try {
    catalog = await get('/api/catalog');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    showFailure(view, e);
    return;
  }
  setBounds(catalog.from, catalog.to);
  renderPeriod = mountPeriod(document.getElementById('period'), route);
  window.addEventListener('hashchange', route);
  route();
}

start();
