// Operator page. Everything is rendered with textContent / createElement, never innerHTML, so
// names with '<', quotes or emoji are shown as text. Mutating calls send the CSRF token.
'use strict';

let csrfToken = null;

async function fetchCsrfToken() {
  const response = await fetch('/api/csrf-token', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`cannot get a CSRF token (HTTP ${response.status})`);
  csrfToken = (await response.json()).token;
  return csrfToken;
}

async function callApi(method, path, body) {
  const send = async () => {
    const headers = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken ?? (await fetchCsrfToken());
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response = await send();
  // The cookie may have expired or the server restarted: get a fresh token once.
  if (response.status === 403 && method !== 'GET') {
    await fetchCsrfToken();
    response = await send();
  }
  const payload = await response.json().catch(() => ({}));
  return { status: response.status, ok: response.ok, payload };
}

function createElement(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = String(options.text);
  if (options.className) node.className = options.className;
  if (options.testId) node.dataset.testid = options.testId;
  if (options.onClick) node.addEventListener('click', options.onClick);
  if (options.type) node.type = options.type;
  for (const child of children) if (child) node.append(child);
  return node;
}

function createTable(headers, rows) {
  const head = createElement('tr', {}, headers.map((h) => createElement('th', { text: h })));
  const body = rows.map((cells) =>
    createElement('tr', {}, cells.map((cell) => createElement('td', {}, [cell instanceof Node ? cell : document.createTextNode(cell ?? '')]))),
  );
  return createElement('table', {}, [createElement('thead', {}, [head]), createElement('tbody', {}, body)]);
}

function showStatus(message, isError = false) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = isError ? 'error' : '';
}

function formatWeight(weight) {
  const text = `${weight >= 0 ? '+' : ''}${Number(weight).toFixed(2)}`;
  return createElement('span', { text, className: weight >= 0 ? 'weight-pos' : 'weight-neg' });
}

/** The matcher's evidence: one row per compared field with its level and weight. */
function renderEvidence(evidence) {
  if (!evidence || !Array.isArray(evidence.fields)) return createElement('span', { text: '' });
  const rows = evidence.fields.map((f) => [f.field, f.level, formatWeight(f.weight), f.note ?? '']);
  rows.push(['prior', '', formatWeight(evidence.prior ?? 0), ''], ['total', '', formatWeight(evidence.total ?? 0), '']);
  const wrapper = createElement('div', {}, [createTable(['field', 'level', 'weight', 'note'], rows)]);
  if (Array.isArray(evidence.contradictions) && evidence.contradictions.length > 0) {
    wrapper.append(createElement('div', { text: `contradictions: ${evidence.contradictions.join('; ')}` }));
  }
  return wrapper;
}

function renderDecisionEvidence(details) {
  const evidence = details && details.evidence;
  if (!evidence) return '';
  if (Array.isArray(evidence.fields)) return renderEvidence(evidence);
  if (evidence.best) return createElement('div', {}, [createElement('div', { text: `best candidate ${evidence.best.id} (score ${Number(evidence.best.score).toFixed(2)})` }), renderEvidence(evidence.best.evidence)]);
  if (Array.isArray(evidence.candidates)) return createElement('div', { text: `${evidence.candidates.length} candidates (see review)` });
  return '';
}

// ---- customer -------------------------------------------------------------------------------

let watchTimer = null;

function readCustomerNumber() {
  const value = document.getElementById('customer-number').value.trim();
  if (!/^[0-9]{1,12}$/.test(value) || Number(value) <= 0) {
    showStatus(`"${value}" is not a customer number`, true);
    return null;
  }
  return value;
}

async function showCustomer(customerNumber) {
  const target = document.getElementById('customer');
  const { status, ok, payload } = await callApi('GET', `/api/customers/${encodeURIComponent(customerNumber)}`);
  target.replaceChildren();
  if (status === 404) {
    target.append(createElement('p', { className: 'empty', text: `Nothing recorded for customer ${customerNumber} yet.`, testId: 'customer-empty' }));
    return null;
  }
  if (!ok) {
    showStatus(payload.message ?? `HTTP ${status}`, true);
    return null;
  }
  const card = createElement('div', { className: 'card', testId: 'customer-card' });
  card.append(createElement('h3', { text: `Customer ${payload.customerNumber}` }));
  card.append(createElement('h4', { text: 'Links' }));
  card.append(
    payload.links.length === 0
      ? createElement('p', { className: 'empty', text: 'not linked' })
      : createTable(
          ['role', 'title', 'Windward Unique', 'active', 'updated'],
          payload.links.map((l) => [l.role, l.titleCode ?? '', String(l.windwardUnique), l.active ? 'yes' : 'no', l.updatedAt]),
        ),
  );
  card.lastChild.dataset.testid = 'customer-links';
  if (payload.deadLetter) {
    card.append(createElement('h4', { text: 'Last error (open dead letter)' }));
    card.append(createElement('p', { className: 'reason', text: `${payload.deadLetter.errorClass}: ${payload.deadLetter.reason}`, testId: 'customer-error' }));
  }
  if (payload.review) {
    card.append(createElement('p', { text: `Review item ${payload.review.id} is ${payload.review.status}: ${payload.review.reason}` }));
  }
  card.append(createElement('h4', { text: 'Recent decisions' }));
  card.append(
    payload.decisions.length === 0
      ? createElement('p', { className: 'empty', text: 'none' })
      : createTable(
          ['at', 'action', 'Windward', 'reason', 'evidence'],
          payload.decisions.map((d) => [d.at, createElement('span', { className: 'badge', text: d.action }), d.windwardUnique === null ? '' : String(d.windwardUnique), createElement('span', { className: 'reason', text: d.reason }), renderDecisionEvidence(d.details)]),
        ),
  );
  target.append(card);
  return payload;
}

/** Refreshes the customer panel until a new decision is logged (the queued sync has run). */
function watchCustomer(customerNumber, seenDecisionId) {
  if (watchTimer) clearInterval(watchTimer);
  const started = Date.now();
  watchTimer = setInterval(async () => {
    const view = await showCustomer(customerNumber).catch(() => null);
    const latest = view && view.decisions[0] ? view.decisions[0].id : 0;
    if (latest > seenDecisionId || Date.now() - started > 120_000) {
      clearInterval(watchTimer);
      watchTimer = null;
      if (latest > seenDecisionId) showStatus(`customer ${customerNumber}: ${view.decisions[0].action}`);
      await refreshDeadLetters();
    }
  }, 1000);
}

async function resyncCustomer(customerNumber) {
  const before = await showCustomer(customerNumber);
  const { ok, payload, status } = await callApi('POST', `/api/customers/${encodeURIComponent(customerNumber)}/resync`);
  if (!ok) return showStatus(payload.message ?? `HTTP ${status}`, true);
  showStatus(`customer ${customerNumber} queued (job ${payload.jobId})`);
  watchCustomer(customerNumber, before && before.decisions[0] ? before.decisions[0].id : 0);
}

// ---- dead letters ---------------------------------------------------------------------------

async function actOnDeadLetter(deadLetter, action) {
  const customerNumber = deadLetter.customerNumber === null ? null : String(deadLetter.customerNumber);
  // The last decision before the retry: a fast worker may finish before the page looks again, and
  // a baseline taken afterwards would hide that outcome.
  const before = action === 'retry' && customerNumber !== null ? await showCustomer(customerNumber) : null;
  const { ok, payload, status } = await callApi('POST', `/api/dead-letters/${encodeURIComponent(deadLetter.id)}/${action}`);
  if (!ok) return showStatus(payload.message ?? `HTTP ${status}`, true);
  showStatus(`dead letter ${deadLetter.id} ${action === 'retry' ? 'queued for retry' : 'discarded'}`);
  await refreshDeadLetters();
  if (action === 'retry' && customerNumber !== null) {
    document.getElementById('customer-number').value = customerNumber;
    watchCustomer(customerNumber, before && before.decisions[0] ? before.decisions[0].id : 0);
  }
}

async function refreshDeadLetters() {
  const target = document.getElementById('dead-letters');
  const { ok, payload, status } = await callApi('GET', '/api/dead-letters');
  if (!ok) return showStatus(payload.message ?? `HTTP ${status}`, true);
  target.replaceChildren();
  if (payload.deadLetters.length === 0) {
    target.append(createElement('p', { className: 'empty', text: 'No open dead letters.' }));
    return;
  }
  const table = createTable(
    ['id', 'customer', 'error', 'reason', 'attempts', 'last failed', ''],
    payload.deadLetters.map((d) => [
      d.id,
      d.customerNumber === null ? '' : createElement('button', { type: 'button', className: 'small', text: String(d.customerNumber), onClick: () => openCustomer(String(d.customerNumber)) }),
      d.errorClass,
      createElement('span', { className: 'reason', text: d.reason }),
      String(d.attempts),
      d.lastFailedAt,
      createElement('span', {}, [
        createElement('button', { type: 'button', text: 'Retry', testId: `retry-${d.id}`, onClick: () => actOnDeadLetter(d, 'retry') }),
        document.createTextNode(' '),
        createElement('button', { type: 'button', text: 'Discard', testId: `discard-${d.id}`, onClick: () => actOnDeadLetter(d, 'discard') }),
      ]),
    ]),
  );
  table.dataset.testid = 'dead-letter-table';
  target.append(table);
}

// ---- reviews --------------------------------------------------------------------------------

async function decideReview(item, body) {
  const { ok, payload, status } = await callApi('POST', `/api/reviews/${encodeURIComponent(item.id)}/decide`, body);
  if (!ok) return showStatus(payload.message ?? `HTTP ${status}`, true);
  showStatus(`review ${item.id}: ${body.decision}; customer ${item.customerNumber} queued (job ${payload.jobId})`);
  await refreshReviews();
}

function renderReview(item) {
  const candidates = Array.isArray(item.candidates) ? item.candidates : [];
  const card = createElement('div', { className: 'card', testId: `review-${item.id}` });
  card.append(createElement('h3', { text: `Review ${item.id} · customer ${item.customerNumber}` }));
  card.append(createElement('p', { className: 'reason', text: item.reason }));
  const columns = candidates.map((c) =>
    createElement('div', { className: 'candidate' }, [
      createElement('strong', { text: `Windward ${c.id} · score ${Number(c.score).toFixed(2)}` }),
      renderEvidence(c.evidence),
      createElement('button', { type: 'button', text: `Link to ${c.id}`, onClick: () => decideReview(item, { decision: 'link', unique: Number(c.id) }) }),
    ]),
  );
  card.append(createElement('div', { className: 'candidates' }, columns));
  card.append(createElement('button', { type: 'button', text: 'Create a new Windward customer', onClick: () => decideReview(item, { decision: 'create' }) }));
  return card;
}

async function refreshReviews() {
  const target = document.getElementById('reviews');
  const { ok, payload, status } = await callApi('GET', '/api/reviews');
  if (!ok) return showStatus(payload.message ?? `HTTP ${status}`, true);
  target.replaceChildren();
  if (payload.reviews.length === 0) target.append(createElement('p', { className: 'empty', text: 'No open review items.' }));
  for (const item of payload.reviews) target.append(renderReview(item));
}

function openCustomer(customerNumber) {
  document.getElementById('customer-number').value = customerNumber;
  showCustomer(customerNumber).catch((error) => showStatus(error.message, true));
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('customer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const n = readCustomerNumber();
    if (n) showCustomer(n).catch((error) => showStatus(error.message, true));
  });
  document.getElementById('resync-button').addEventListener('click', () => {
    const n = readCustomerNumber();
    if (n) resyncCustomer(n).catch((error) => showStatus(error.message, true));
  });
  document.getElementById('refresh-dead-letters').addEventListener('click', () => refreshDeadLetters());
  document.getElementById('refresh-reviews').addEventListener('click', () => refreshReviews());
  Promise.all([fetchCsrfToken(), refreshDeadLetters(), refreshReviews()]).catch((error) => showStatus(error.message, true));
});
