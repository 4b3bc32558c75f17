// The dashboard reads the same /api as every other client. A 401 sends the browser to the login
// page; a 404 for an endpoint this server does not have becomes NotAvailable, which pages show as
// "not available yet" rather than inventing numbers.

export class NotAvailable extends Error {
  constructor(path) {
    super(`${path} is not available on this server`);
    this.path = path;
  }
}

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code;
    this.field = error?.field;
  }
}

/** GET path with params (arrays repeat the parameter; empty values are left out). */
export async function get(path, params) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    for (const v of [value].flat()) {
      if (v != null && v !== '') url.searchParams.append(key, v);
    }
  }
  const res = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (res.status === 401) {
    toLogin();
    throw new ApiError(401, {message: 'login needed'});
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status === 404 && body?.error?.code === 'NOT_FOUND' && body.error.field === 'path') {
    throw new NotAvailable(url.pathname);
  }
  if (!res.ok) throw new ApiError(res.status, body?.error);
  return body;
}

export function toLogin() {
  const next = location.hash || '#/overview';
  location.assign('/dashboard/login.html?next=' + encodeURIComponent(next));
}

export async function logout() {
  await fetch('/auth/logout', {method: 'POST', credentials: 'same-origin'});
  location.assign('/dashboard/login.html');
}
