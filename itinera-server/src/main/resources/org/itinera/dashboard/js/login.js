// The login page: posts the admin token to /auth/login, which sets an HttpOnly cookie.

import {detect, load, t} from './i18n.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const langSelect = document.getElementById('lang-select');

function next() {
  const n = new URLSearchParams(location.search).get('next') || '';
  return '/dashboard/' + (/^#\/[\w\-/%?=&.]*$/.test(n) ? n : '');
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  error.hidden = true;
  const res = await fetch('/auth/login', {
    method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token: form.token.value}),
  });
  if (res.ok) {
    location.assign(next());
    return;
  }
  error.textContent = res.status === 403 ? t('login.wrong') : t('login.failed');
  error.hidden = false;
  form.token.select();
});

load(detect()).then(l => {
  langSelect.value = l;
  document.title = t('login.title') + ' · Itinera';
});
langSelect.addEventListener('change', () => load(langSelect.value));
