// The operator console: a static page over the dispatcher's admin API (/endpoint-stats, /endpoints/{id}/history,
// /endpoints/{id}/enable, /dead-letters; /event-dead-letters and /inbox-dead-letters in record-dead-letters.js;
// /event-types in event-types.js).
// No framework and no build step. Every value from the API is written with textContent, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const POLL_MS = 1000;
const POLL_FOR_MS = 60000;

const state = {
  token: sessionStorage.getItem('hookline.token'),
  operator: sessionStorage.getItem('hookline.operator') || 'admin',
  filter: {}, cursor: null, detailId: null, pollUntil: 0, pollTimer: null,
};

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body) {
  const headers = { 'Authorization': 'Bearer ' + state.token, 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data };
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.entries(props || {}).forEach(([key, value]) => {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

function say(message, isError) {
  const status = $('status');
  status.textContent = message;
  status.className = isError ? 'error' : '';
}

function problemText(error) {
  if (!(error instanceof ApiError)) return String(error.message || error);
  const fields = (error.problem && error.problem.errors || []).map((e) => e.field + ' ' + e.message);
  return error.message + (fields.length ? ': ' + fields.join('; ') : '');
}

function handleError(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut('The admin token was refused; sign in again.');
    return;
  }
  say(problemText(error), true);
}

// ---- sign-in ------------------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  state.token = $('token').value.trim();
  state.operator = $('operator').value.trim() || 'admin';
  $('sign-in-error').textContent = '';
  try {
    await api('GET', '/endpoint-stats');
  } catch (error) {
    state.token = null;
    $('sign-in-error').textContent = error instanceof ApiError && error.status === 401
      ? 'That admin token is not valid.' : problemText(error);
    return;
  }
  sessionStorage.setItem('hookline.token', state.token);
  sessionStorage.setItem('hookline.operator', state.operator);
  $('token').value = '';
  showApp();
}

function signOut(message) {
  sessionStorage.removeItem('hookline.token');
  state.token = null;
  $('app').hidden = true;
  $('signed-in').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('token').focus();
}

function showApp() {
  $('sign-in').hidden = true;
  $('app').hidden = false;
  $('signed-in').hidden = false;
  $('operator-name').textContent = state.operator;
  refreshAll();
}

// ---- endpoints overview -------------------------------------------------------------------------------

async function loadEndpoints() {
  const { data } = await api('GET', '/endpoint-stats');
  const histories = await Promise.all(data.data.map((endpoint) =>
    api('GET', '/endpoints/' + encodeURIComponent(endpoint.endpoint_id) + '/history?window=PT1H')
      .then((answer) => answer.data, () => null)));
  const body = $('endpoints').tBodies[0];
  const select = $('f-endpoint');
  const chosen = select.value;
  body.replaceChildren();
  select.replaceChildren(el('option', { value: '' }, 'any'));
  data.data.forEach((endpoint, index) => {
    const rate = endpoint.success_rate === null || endpoint.success_rate === undefined
      ? '—' : (endpoint.success_rate * 100).toFixed(1) + ' %';
    const deadLetters = endpoint.dead_letters > 0
      ? el('button', { type: 'button', class: 'link', onclick: () => filterByEndpoint(endpoint.endpoint_id),
        'aria-label': 'Show the dead letters of ' + endpoint.endpoint_id }, String(endpoint.dead_letters))
      : '0';
    body.append(el('tr', { 'data-endpoint-id': endpoint.endpoint_id },
      el('td', {}, endpoint.endpoint_id, endpoint.description ? el('div', { class: 'muted' }, endpoint.description) : ''),
      el('td', { class: 'url' }, endpoint.url),
      stateCell(endpoint),
      el('td', { class: 'num' }, rate),
      el('td', { class: 'num' }, String(endpoint.attempts)),
      el('td', { class: 'num' }, deadLetters),
      el('td', { class: 'chart' }, histories[index] ? chart(histories[index].data) : '—')));
    select.append(el('option', { value: endpoint.endpoint_id }, endpoint.endpoint_id));
  });
  select.value = chosen;
}

function stateCell(endpoint) {
  const cell = el('td', {}, el('span', { class: 'badge ' + (endpoint.enabled ? 'enabled' : 'disabled') },
    endpoint.enabled ? 'enabled' : 'disabled'), ' ', el('span', { class: 'muted' }, endpoint.source));
  if (!endpoint.enabled) {
    if (endpoint.disabled_reason) {
      cell.append(el('div', { class: 'disabled-why' }, endpoint.disabled_reason),
        el('div', { class: 'muted disabled-since' }, 'since ' + when(endpoint.disabled_at)
          + (endpoint.failing_since ? ' · failing since ' + when(endpoint.failing_since) : '')));
    }
    cell.append(el('button', { type: 'button', class: 'secondary', 'data-action': 'enable',
      onclick: guarded(() => reEnable(endpoint.endpoint_id)) }, 'Re-enable…'));
  }
  return cell;
}

// ---- outcome chart (inline SVG, drawn here: no library, no inline style) --------------------------------

const SVG = 'http://www.w3.org/2000/svg';
const CHART = { width: 240, height: 48, bar: 4 };

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
  children.forEach((child) => node.append(child));
  return node;
}

/** Stacked bars per minute (delivered, failed, deferred) and the median latency as a line with a point per minute. */
function chart(minutes) {
  const most = Math.max(1, ...minutes.map((m) => m.delivered + m.failed + m.deferred));
  const slowest = Math.max(1, ...minutes.map((m) => m.latency_p50_ms || 0));
  const totals = minutes.reduce((sum, m) => [sum[0] + m.delivered, sum[1] + m.failed, sum[2] + m.deferred], [0, 0, 0]);
  const label = 'Last ' + minutes.length + ' minutes: ' + totals[0] + ' delivered, ' + totals[1] + ' failed, '
    + totals[2] + ' deferred';
  const root = svg('svg', { class: 'outcomes', viewBox: '0 0 ' + CHART.width + ' ' + CHART.height,
    width: CHART.width, height: CHART.height, role: 'img', 'aria-label': label }, svg('title', {}, label));
  const points = [];
  minutes.forEach((minute, i) => {
    const x = i * CHART.bar;
    const total = minute.delivered + minute.failed + minute.deferred;
    if (total > 0) {
      const bar = svg('g', { class: 'bar', 'data-minute': minute.minute });
      let y = CHART.height;
      [['delivered', minute.delivered], ['failed', minute.failed], ['deferred', minute.deferred]].forEach(([kind, n]) => {
        if (n === 0) return;
        const h = Math.max(1, (n / most) * (CHART.height - 2));
        y -= h;
        bar.append(svg('rect', { class: 'seg ' + kind, x, y, width: CHART.bar - 1, height: h }));
      });
      bar.append(svg('title', {}, minute.minute + ': ' + minute.delivered + ' delivered, ' + minute.failed
        + ' failed, ' + minute.deferred + ' deferred' + (minute.latency_p50_ms === null ? ''
          : ', median ' + minute.latency_p50_ms + ' ms, max ' + minute.latency_max_ms + ' ms')));
      root.append(bar);
    }
    if (minute.latency_p50_ms !== null && minute.latency_p50_ms !== undefined) {
      points.push([x + CHART.bar / 2, CHART.height - 1 - (minute.latency_p50_ms / slowest) * (CHART.height - 4)]);
    }
  });
  if (points.length > 0) {
    root.append(svg('polyline', { class: 'latency', points: points.map((p) => p.join(',')).join(' ') }));
    points.forEach(([x, y]) => root.append(svg('circle', { class: 'latency-point', cx: x, cy: y, r: 1.5 })));
  }
  return root;
}

async function reEnable(endpointId) {
  const answer = await confirmAction('Enable ' + endpointId + ' again? New deliveries go to it at once.', false, true);
  if (!answer) return;
  const { data } = await api('POST', '/endpoints/' + encodeURIComponent(endpointId) + '/enable',
    { replay_dead_letters: answer.replay, operator: state.operator });
  const backlog = data.dead_letters || {};
  say(endpointId + ' enabled' + (data.replayed
    ? '; ' + data.replayed.queued + ' dead letter(s) replayed' + (data.replayed.skipped ? ', ' + data.replayed.skipped + ' skipped' : '')
    : '; ' + (backlog.waiting || 0) + ' dead letter(s) waiting since it was disabled') + '.');
  if (data.replayed) keepPolling();
  await refreshAll();
}

function filterByEndpoint(endpointId) {
  $('f-endpoint').value = endpointId;
  $('f-status').value = 'dead';
  applyFilters();
}

// ---- dead-letter list ---------------------------------------------------------------------------------

function readFilter() {
  const filter = {};
  const add = (name, value) => { if (value) filter[name] = value; };
  add('endpoint_id', $('f-endpoint').value);
  add('event_type', $('f-event-type').value.trim());
  add('order_id', $('f-order').value.trim());
  add('last_status', $('f-last-status').value.trim());
  add('status', $('f-status').value);
  add('from', $('f-from').value && new Date($('f-from').value).toISOString());
  add('to', $('f-to').value && new Date($('f-to').value).toISOString());
  return filter;
}

function applyFilters(event) {
  if (event) event.preventDefault();
  state.filter = readFilter();
  loadDeadLetters(false).catch(handleError);
}

async function loadDeadLetters(more) {
  const query = new URLSearchParams(state.filter);
  if (more && state.cursor) query.set('cursor', state.cursor);
  const { data } = await api('GET', '/dead-letters?' + query);
  const body = $('dead-letters').tBodies[0];
  if (!more) body.replaceChildren();
  data.data.forEach((item) => body.append(row(item)));
  state.cursor = data.next_cursor;
  $('load-more').hidden = !data.has_more;
  $('empty').hidden = body.rows.length > 0;
  const byEndpoint = (data.totals.by_endpoint || []).map((t) => t.endpoint_id + ': ' + t.count).join(', ');
  $('totals').textContent = data.totals.matching + ' matching' + (byEndpoint ? ' (' + byEndpoint + ')' : '');
  const dead = state.filter.status === 'dead';
  $('replay-matching').disabled = !dead || data.totals.matching === 0;
  $('discard-matching').disabled = !dead || data.totals.matching === 0;
  if (data.data.some((item) => item.replay && item.replay.outcome === 'pending')) keepPolling();
}

function statusText(item) {
  if (item.status === 'replayed' && item.replay) {
    const outcome = item.replay.outcome === 'failed'
      ? 'failed again' + (item.replay.dead_letter_id ? ' (' + item.replay.dead_letter_id + ')' : '')
      : item.replay.outcome;
    return 'replayed · ' + outcome;
  }
  return item.status;
}

function badge(item) {
  const outcome = item.replay ? ' ' + item.replay.outcome : '';
  return el('span', { class: 'badge ' + item.status + outcome, 'data-status': statusText(item) }, statusText(item));
}

function lastResult(item) {
  return (item.last_status ? 'HTTP ' + item.last_status : 'no response')
    + (item.last_error && !String(item.last_error).startsWith('HTTP') ? ' · ' + item.last_error : '');
}

function row(item) {
  return el('tr', { 'data-id': item.id, class: item.id === state.detailId ? 'selected' : '' },
    el('td', {}, when(item.dead_lettered_at)),
    el('td', {}, item.endpoint_id),
    el('td', {}, item.event_type),
    el('td', { class: 'mono' }, item.order_id || '—'),
    el('td', { class: 'num' }, String(item.attempts)),
    el('td', {}, lastResult(item)),
    el('td', {}, badge(item)),
    el('td', {}, el('button', { type: 'button', class: 'secondary', 'data-action': 'view',
      'aria-label': 'View dead letter ' + item.id, onclick: () => showDetail(item.id) }, 'View')));
}

// ---- detail -------------------------------------------------------------------------------------------

function fields(target, pairs) {
  target.replaceChildren(...pairs.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value ?? '—')]));
}

async function showDetail(id) {
  state.detailId = id;
  const { data } = await api('GET', '/dead-letters/' + encodeURIComponent(id));
  $('detail').hidden = false;
  $('detail-id').textContent = data.id;
  fields($('detail-fields'), [
    ['Status', badge(data)],
    ['Event', data.event_id + ' (' + data.event_type + ')'],
    ['Order', data.order_id],
    ['Delivery', data.delivery_id],
    ['Endpoint', data.endpoint_id + ' · ' + (data.target_url || data.endpoint_url || '')],
    ['Reason', data.reason],
    ['Attempts', data.attempt_count + ', first ' + when(data.first_attempt_at) + ', last ' + when(data.last_attempt_at)],
    ['Dead-lettered', when(data.dead_lettered_at)],
    ['Replay', data.replay ? statusText(data) + ' by ' + data.replay.by + ' at ' + when(data.replay.queued_at) : '—'],
    ['Discarded', data.discard ? 'by ' + data.discard.by + ' at ' + when(data.discard.at)
      + (data.discard.reason ? ': ' + data.discard.reason : '') : '—'],
    ['Replay of', data.replay_of],
    ['Kafka', data.topic + ' / ' + data.partition + ' / ' + data.offset],
  ]);
  $('detail-payload').textContent = data.payload ? JSON.stringify(data.payload, null, 2) : data.body;
  $('detail-attempts').tBodies[0].replaceChildren(...(data.attempts || []).map((a) => el('tr', {},
    el('td', { class: 'num' }, String(a.attempt)),
    el('td', {}, when(a.attempted_at)),
    el('td', {}, a.succeeded ? 'delivered' : (a.status ? 'HTTP ' + a.status : 'no response')),
    el('td', { class: 'num' }, a.latency_ms + ' ms'),
    el('td', { class: 'mono' }, a.response_body || ''),
    el('td', {}, a.error || ''))));
  const endpoint = data.endpoint;
  fields($('detail-endpoint'), endpoint ? [
    ['Id', endpoint.id], ['URL', endpoint.url], ['Description', endpoint.description],
    ['Event types', (endpoint.event_types || []).join(', ') || 'all'],
    ['State', endpoint.enabled ? 'enabled' : 'disabled'],
  ] : [['Endpoint', 'deleted']]);
  $('replay-one').disabled = !(data.status === 'dead' || data.status === 'discarded');
  $('discard-one').disabled = data.status !== 'dead';
  document.querySelectorAll('#dead-letters tbody tr').forEach((tr) =>
    tr.classList.toggle('selected', tr.dataset.id === id));
  if (data.replay && data.replay.outcome === 'pending') keepPolling();
}

// ---- actions ------------------------------------------------------------------------------------------

function confirmAction(text, askReason, askReplay) {
  const dialog = $('confirm');
  $('confirm-text').textContent = text;
  $('confirm-reason').value = '';
  $('confirm-reason-field').hidden = !askReason;
  $('confirm-replay').checked = true;
  $('confirm-replay-field').hidden = !askReplay;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'
      ? { reason: $('confirm-reason').value.trim(), replay: $('confirm-replay').checked } : null), { once: true });
    dialog.showModal();
    $('confirm-ok').focus();
  });
}

async function replayOne() {
  const id = state.detailId;
  if (!await confirmAction('Replay dead letter ' + id + '? It goes back through normal delivery with fresh attempts and the same webhook-id.')) return;
  const { data } = await api('POST', '/dead-letters/' + encodeURIComponent(id) + '/replay', { operator: state.operator });
  say(data.queued ? 'Replay of ' + id + ' queued.' : id + ' was already replayed; nothing queued.');
  keepPolling();
  await refreshAll();
}

async function discardOne() {
  const id = state.detailId;
  const answer = await confirmAction('Discard dead letter ' + id + '? It is marked resolved and not delivered.', true);
  if (!answer) return;
  await api('POST', '/dead-letters/' + encodeURIComponent(id) + '/discard',
    { operator: state.operator, reason: answer.reason || undefined });
  say('Dead letter ' + id + ' discarded.');
  await refreshAll();
}

/**
 * The body of a bulk call: the list's filter (bulk calls act on dead letters in status dead only). The API
 * refuses a bulk call without any criterion, so "everything" is said explicitly as "since 1970".
 */
function bulkBody(extra) {
  const body = { ...state.filter };
  delete body.status;
  if (Object.keys(body).length === 0) body.from = new Date(0).toISOString();
  return { ...body, operator: state.operator, ...extra };
}

async function replayMatching() {
  if (!await confirmAction('Replay every dead letter that matches the filter (' + $('totals').textContent + ')?')) return;
  const { data } = await api('POST', '/dead-letters/replay', bulkBody({}));
  say(data.queued + ' replay(s) queued' + (data.skipped ? ', ' + data.skipped + ' skipped' : '') + '.');
  keepPolling();
  await refreshAll();
}

async function discardMatching() {
  const answer = await confirmAction('Discard every dead letter that matches the filter (' + $('totals').textContent + ')?', true);
  if (!answer) return;
  const { data } = await api('POST', '/dead-letters/discard', bulkBody({ reason: answer.reason || undefined }));
  say(data.discarded + ' dead letter(s) discarded.');
  await refreshAll();
}

// ---- refresh ------------------------------------------------------------------------------------------

async function refreshAll() {
  try {
    await Promise.all([loadEndpoints(), loadDeadLetters(false),
      window.refreshRecordDeadLetters ? window.refreshRecordDeadLetters() : null,
      window.refreshEventTypes ? window.refreshEventTypes() : null]);
    if (state.detailId) await showDetail(state.detailId);
  } catch (error) {
    handleError(error);
  }
}

/** After a replay, refresh every second for a minute so its outcome appears without a reload. */
function keepPolling() {
  state.pollUntil = Date.now() + POLL_FOR_MS;
  if (state.pollTimer) return;
  state.pollTimer = setInterval(async () => {
    if (Date.now() > state.pollUntil || !state.token) {
      clearInterval(state.pollTimer);
      state.pollTimer = null;
      return;
    }
    await refreshAll();
  }, POLL_MS);
}

function guarded(action) {
  return () => action().catch(handleError);
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => signOut(''));
  $('filters').addEventListener('submit', applyFilters);
  $('filters').addEventListener('reset', () => setTimeout(applyFilters, 0));
  $('load-more').addEventListener('click', guarded(() => loadDeadLetters(true)));
  $('replay-one').addEventListener('click', guarded(replayOne));
  $('discard-one').addEventListener('click', guarded(discardOne));
  $('replay-matching').addEventListener('click', guarded(replayMatching));
  $('discard-matching').addEventListener('click', guarded(discardMatching));
  $('close-detail').addEventListener('click', () => { state.detailId = null; $('detail').hidden = true; });
  $('operator').value = state.operator === 'admin' ? '' : state.operator;
  state.filter = readFilter();
  if (state.token) showApp(); else $('token').focus();
});
