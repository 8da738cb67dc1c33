// The console's view of the event-type catalog (GET /event-types): every type and version with its topic, whether
// endpoints can subscribe to it, and, on demand, its payload schema and an example. Read-only; loaded once per
// sign-in (the catalog changes only with a deployment). Uses console.js's helpers (api, el, $, handleError); every
// value from the API is written with textContent.
'use strict';

const catalog = { types: [], loaded: false, shown: null };

function eventTypeRow(type) {
  const key = type.name + '@' + type.version;
  return el('tr', { 'data-type': type.name, 'data-version': String(type.version) },
    el('td', {}, el('code', {}, type.name)),
    el('td', {}, 'v' + type.version),
    el('td', {}, el('code', {}, type.topic)),
    el('td', {}, type.deliverable ? 'webhook + Kafka' : 'Kafka only'),
    el('td', {}, type.source),
    el('td', {}, type.description),
    el('td', {}, el('button', { type: 'button', class: 'secondary', 'data-action': 'view-type',
      onclick: () => showEventType(key) }, 'Schema')));
}

async function loadEventTypes() {
  if (catalog.loaded) return;
  const { data } = await api('GET', '/event-types');
  catalog.types = data.data;
  catalog.loaded = true;
  $('event-types').tBodies[0].replaceChildren(...catalog.types.map(eventTypeRow));
}

function showEventType(key) {
  const type = catalog.types.find((t) => t.name + '@' + t.version === key);
  if (!type) return;
  catalog.shown = key;
  $('type-detail-name').textContent = type.name + ' v' + type.version;
  $('type-detail-schema').textContent = type.schema ? JSON.stringify(type.schema, null, 2) : 'no schema declared';
  $('type-detail-example').textContent = type.example ? JSON.stringify(type.example, null, 2) : 'no example declared';
  $('type-detail').hidden = false;
}

window.refreshEventTypes = () => loadEventTypes().catch(handleError);

document.addEventListener('DOMContentLoaded', () => {
  $('type-detail-close').addEventListener('click', () => { catalog.shown = null; $('type-detail').hidden = true; });
});
