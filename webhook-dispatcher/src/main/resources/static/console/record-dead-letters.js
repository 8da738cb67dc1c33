// The console's view of orders.events.dlt and notifications.inbox.dlt (/event-dead-letters, /inbox-dead-letters):
// list, detail (value and headers), replay onto the source topic, discard. Uses console.js's helpers (api, el, when,
// say, fields, confirmAction, handleError, state); every value from the API is written with textContent.
'use strict';

const records = { source: 'event', filter: { status: 'dead' }, cursor: null, detailId: null };

function recordsPath(suffix) {
  return '/' + records.source + '-dead-letters' + (suffix || '');
}

function recordStatus(item) {
  if (item.status !== 'replayed') return item.status;
  return item.replay && item.replay.outcome === 'failed' ? 'replayed · failed again' : 'replayed';
}

function recordBadge(item) {
  const text = recordStatus(item);
  return el('span', { class: 'badge ' + item.status + (item.replay ? ' ' + item.replay.outcome : ''),
    'data-status': text }, text);
}

function readRecordFilter() {
  records.source = $('r-source').value;
  records.filter = {};
  const order = $('r-order').value.trim();
  if (order) records.filter.order_id = order;
  if ($('r-status').value) records.filter.status = $('r-status').value;
}

async function loadRecords(more) {
  const params = new URLSearchParams({ ...records.filter, limit: '50' });
  if (more && records.cursor) params.set('cursor', records.cursor);
  const { data } = await api('GET', recordsPath('?' + params));
  const body = $('records').tBodies[0];
  if (!more) body.replaceChildren();
  data.data.forEach((item) => body.append(recordRow(item)));
  records.cursor = data.next_cursor;
  $('r-load-more').hidden = !data.has_more;
  $('r-totals').textContent = data.matching + ' matching';
}

function recordRow(item) {
  const from = item.original_topic
    ? item.original_topic + ' / ' + item.original_partition + ' / ' + item.original_offset : '—';
  return el('tr', { 'data-id': item.id, class: item.id === records.detailId ? 'selected' : '' },
    el('td', {}, when(item.dead_lettered_at)),
    el('td', { class: 'mono' }, item.key || '—'),
    el('td', {}, item.reason || '—'),
    el('td', { class: 'mono' }, from),
    el('td', {}, recordBadge(item)),
    el('td', {}, el('button', { type: 'button', class: 'secondary', 'data-action': 'view',
      'aria-label': 'View parked record ' + item.id, onclick: guarded(() => showRecord(item.id)) }, 'View')));
}

async function showRecord(id) {
  records.detailId = id;
  const { data } = await api('GET', recordsPath('/' + encodeURIComponent(id)));
  $('r-detail').hidden = false;
  $('r-detail-id').textContent = data.id;
  fields($('r-detail-fields'), [
    ['Status', recordBadge(data)],
    ['Key', data.key],
    ['Reason', data.reason],
    ['Event', data.event_id ? data.event_id + ' (' + (data.event_type || '?') + ')' : null],
    ['Dead-lettered', when(data.dead_lettered_at)],
    ['Came from', data.original_topic ? data.original_topic + ' / ' + data.original_partition + ' / '
      + data.original_offset : null],
    ['Replays to', data.replays_to],
    ['Replay', data.replay ? 'by ' + data.replay.by + ' at ' + when(data.replay.queued_at)
      + (data.replay.dead_letter_id ? ', parked again as ' + data.replay.dead_letter_id : '') : '—'],
    ['Discarded', data.discard ? 'by ' + data.discard.by + ' at ' + when(data.discard.at)
      + (data.discard.reason ? ': ' + data.discard.reason : '') : '—'],
    ['Replay of', data.replay_of],
    ['Kafka', data.topic + ' / ' + data.partition + ' / ' + data.offset],
  ]);
  $('r-detail-value').textContent = data.payload ? JSON.stringify(data.payload, null, 2) : (data.value ?? '');
  $('r-detail-headers').tBodies[0].replaceChildren(...(data.headers || []).map((h) => el('tr', {},
    el('td', { class: 'mono' }, h.name),
    el('td', { class: 'mono' }, h.value ?? (h.base64 ? 'base64: ' + h.base64 : '')))));
  $('r-replay-one').disabled = !(data.status === 'dead' || data.status === 'discarded');
  $('r-discard-one').disabled = data.status !== 'dead';
  document.querySelectorAll('#records tbody tr').forEach((tr) => tr.classList.toggle('selected', tr.dataset.id === id));
}

async function replayRecord() {
  const id = records.detailId;
  if (!await confirmAction('Replay ' + id + '? The record goes back on ' + $('r-source').selectedOptions[0].text
    .replace(/\.dlt$/, '') + ' with its key and headers.')) return;
  const { data } = await api('POST', recordsPath('/' + encodeURIComponent(id) + '/replay'), { operator: state.operator });
  say(data.queued ? 'Replayed ' + id + '.' : id + ' was already replayed; nothing sent.');
  await refreshRecordDeadLetters();
}

async function discardRecord() {
  const id = records.detailId;
  const answer = await confirmAction('Discard ' + id + '? It is marked resolved and not replayed.', true);
  if (!answer) return;
  await api('POST', recordsPath('/' + encodeURIComponent(id) + '/discard'),
    { operator: state.operator, reason: answer.reason || undefined });
  say('Parked record ' + id + ' discarded.');
  await refreshRecordDeadLetters();
}

async function refreshRecordDeadLetters() {
  await loadRecords(false);
  if (records.detailId) await showRecord(records.detailId);
}
window.refreshRecordDeadLetters = refreshRecordDeadLetters;

document.addEventListener('DOMContentLoaded', () => {
  $('r-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    readRecordFilter();
    records.detailId = null;
    $('r-detail').hidden = true;
    guarded(() => loadRecords(false))();
  });
  $('r-source').addEventListener('change', () => $('r-apply').click());
  $('r-load-more').addEventListener('click', guarded(() => loadRecords(true)));
  $('r-replay-one').addEventListener('click', guarded(replayRecord));
  $('r-discard-one').addEventListener('click', guarded(discardRecord));
  $('r-close-detail').addEventListener('click', () => { records.detailId = null; $('r-detail').hidden = true; });
});
