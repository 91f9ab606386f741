// The dashboard of `symphainy serve`: plain DOM, no framework and no build, over the same HTTP
// API the CLI and scripts use. Everything from the data goes into the page as text nodes.

const view = document.getElementById('view');
const PREVIEW_BYTES = 64 * 1024;
const JOURNEY_LIMIT = 500;

const state = { journeys: [], useCases: [], filters: { status: '', useCase: '', journey: '', text: '', since: '' } };

/** An element with attributes and children; strings become text nodes, never markup. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  return element;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : `${response.status} ${response.statusText}`);
  return body;
}

/** Replaces the view's content; absent parts (null, false) are left out, not printed. */
function show(...parts) {
  view.replaceChildren(...parts.flat().filter((p) => p !== null && p !== undefined && p !== false));
}

/**
 * Steps time themselves to the millisecond, events only to the second: a journey that ran steps
 * is timed by them, as `symphainy show` does.
 */
function journeySpan(journey) {
  const starts = journey.steps
    .map((s) => s.startedAt)
    .filter(Boolean)
    .sort();
  const ends = journey.steps
    .map((s) => s.endedAt)
    .filter(Boolean)
    .sort();
  if (!starts.length) return { from: journey.startedAt, to: journey.endedAt };
  return { from: starts[0], to: journey.status === 'running' ? null : (ends[ends.length - 1] ?? journey.endedAt) };
}

function badge(status) {
  return h('span', { class: `badge ${status}`, 'data-status': status }, status);
}

function took(from, to) {
  if (!from) return '';
  const ms = Date.parse(to ?? new Date().toISOString()) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms / 60_000)} min`;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function bytes(n) {
  if (n === undefined || n === null) return '';
  return n < 1024
    ? `${n} B`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} KiB`
      : n < 1024 ** 3
        ? `${(n / 1024 ** 2).toFixed(1)} MiB`
        : `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

function artifactUrl(journeyId, key, download = false) {
  return `/journeys/${encodeURIComponent(journeyId)}/artifact?key=${encodeURIComponent(key)}${download ? '&download=1' : ''}`;
}

// ---- the journeys list ----

function matches(journey) {
  const { status, useCase, journey: kind, text, since } = state.filters;
  if (status && journey.status !== status) return false;
  if (useCase && journey.useCase !== useCase) return false;
  if (kind && journey.journey !== kind) return false;
  if (text && !`${journey.journeyId} ${journey.input?.key ?? ''}`.toLowerCase().includes(text.toLowerCase())) return false;
  // A datetime-local value is the browser's local time, as the list shows its times.
  if (since && !(Date.parse(journey.startedAt ?? '') >= new Date(since).getTime())) return false;
  return true;
}

function filterSelect(name, label, values) {
  return h(
    'select',
    { 'aria-label': label, 'data-filter': name, onchange: (e) => ((state.filters[name] = e.target.value), renderList()) },
    h('option', { value: '' }, `any ${label}`),
    values.map((v) => h('option', { value: v, selected: state.filters[name] === v }, v)),
  );
}

function renderList() {
  const useCases = [...new Set([...state.useCases.map((u) => u.id), ...state.journeys.map((j) => j.useCase)])].sort();
  const kinds = [...new Set(state.journeys.map((j) => j.journey))].sort();
  const shown = state.journeys.filter(matches);
  const search = h('input', {
    type: 'search',
    placeholder: 'journey id or file',
    value: state.filters.text,
    'aria-label': 'search',
    oninput: (e) => ((state.filters.text = e.target.value), renderRows()),
  });
  const sinceInput = h('input', {
    type: 'datetime-local',
    step: 1,
    value: state.filters.since,
    'aria-label': 'started since',
    title: 'started since',
    'data-filter': 'since',
    onchange: (e) => ((state.filters.since = e.target.value), renderRows()),
  });
  const body = h('tbody', { id: 'journey-rows' });
  const renderRows = () => {
    const rows = state.journeys
      .filter(matches)
      .map((j) =>
        h(
          'tr',
          { class: 'journey', 'data-journey-id': j.journeyId, onclick: () => (location.hash = `#/journeys/${encodeURIComponent(j.journeyId)}`) },
          h('td', {}, badge(j.status)),
          h('td', { class: 'mono' }, j.journeyId),
          h('td', {}, `${j.useCase}/${j.journey}`),
          h('td', {}, `${j.steps.filter((s) => s.status === 'completed').length}/${j.steps.length}`),
          h('td', {}, when(j.startedAt)),
          h('td', {}, took(journeySpan(j).from, journeySpan(j).to)),
          h('td', { class: 'mono' }, j.input?.key ?? ''),
        ),
      );
    body.replaceChildren(
      ...(rows.length
        ? rows
        : [
            h(
              'tr',
              {},
              h('td', { colspan: 7, class: 'empty' }, state.journeys.length ? 'no journey matches the filters' : 'no journeys yet: upload a file above'),
            ),
          ]),
    );
  };
  renderRows();
  show(
    h('h1', {}, 'Journeys ', h('span', { class: 'summary' }, `${shown.length} of ${state.journeys.length}`)),
    h(
      'div',
      { class: 'filters' },
      filterSelect('status', 'status', ['running', 'completed', 'failed', 'rejected']),
      filterSelect('useCase', 'use case', useCases),
      filterSelect('journey', 'journey', kinds),
      h('label', { class: 'summary' }, 'started since ', sinceInput),
      search,
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['status', 'journey', 'use case / journey', 'steps', 'started', 'took', 'input'].map((t) => h('th', {}, t)),
        ),
      ),
      body,
    ),
  );
}

// ---- one journey ----

function timeline(journey) {
  const starts = journey.steps.map((s) => Date.parse(s.startedAt ?? '')).filter(Number.isFinite);
  const ends = journey.steps.map((s) => Date.parse(s.endedAt ?? s.startedAt ?? '')).filter(Number.isFinite);
  const origin = Math.min(...starts);
  const end = Math.max(...ends, journey.status === 'running' ? Date.now() : 0);
  const span = Math.max(1, end - origin);
  return h(
    'div',
    { class: 'timeline', 'aria-label': 'step timeline' },
    journey.steps.map((step) => {
      const from = Date.parse(step.startedAt ?? '');
      const to = Date.parse(step.endedAt ?? '') || (step.status === 'running' ? Date.now() : from);
      const bar = Number.isFinite(from)
        ? h('div', {
            class: `bar ${step.status}`,
            style: `left:${((from - origin) / span) * 100}%;width:${(Math.max(0, to - from) / span) * 100}%`,
            title: `${step.name}: ${step.status}`,
          })
        : null;
      return h(
        'div',
        { class: 'lane', 'data-step': step.name },
        h('span', {}, badge(step.status), ' ', step.name),
        h('div', { class: 'track' }, bar),
        h('span', { class: 'took' }, took(step.startedAt, step.endedAt)),
      );
    }),
  );
}

async function preview(journeyId, artifact, into) {
  // Only the first bytes: an artifact may be as large as the upload.
  const response = await fetch(artifactUrl(journeyId, artifact.key));
  const reader = response.body.getReader();
  const head = new Uint8Array(PREVIEW_BYTES);
  let length = 0;
  while (length < PREVIEW_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    const taken = value.subarray(0, PREVIEW_BYTES - length);
    head.set(taken, length);
    length += taken.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  let text = new TextDecoder().decode(head.subarray(0, length));
  if (artifact.contentType.startsWith('application/json') && artifact.size <= PREVIEW_BYTES) {
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // shown as it is
    }
  }
  const cut = artifact.size > PREVIEW_BYTES ? `\n… the first ${bytes(PREVIEW_BYTES)} of ${bytes(artifact.size)}; download it for the rest` : '';
  into.replaceChildren(h('pre', { class: 'preview', 'data-preview': artifact.name }, text + cut));
}

async function redrive(journeyId, button) {
  button.disabled = true;
  try {
    const response = await fetch(`/journeys/${encodeURIComponent(journeyId)}/redrive`, { method: 'POST' });
    const body = await response.json();
    button.replaceWith(
      h(
        'span',
        { class: 'summary' },
        response.ok ? `redrive ${body.redrive} from ${body.step} started` : `not redriven: ${body.error?.message ?? response.status}`,
      ),
    );
  } catch (error) {
    button.replaceWith(h('span', { class: 'summary' }, `not redriven: ${error.message}`));
  }
}

/** The journey's events with the rules that routed them; a host that cannot list them says why. */
async function journeyEvents(journeyId) {
  try {
    return { list: await getJson(`/journeys/${encodeURIComponent(journeyId)}/events`) };
  } catch (error) {
    return { unavailable: error.message };
  }
}

function eventsTable(events) {
  if (events.unavailable) return [h('h2', {}, 'Events'), h('p', { class: 'empty' }, events.unavailable)];
  return [
    h('h2', {}, `Events (${events.list.length})`),
    h(
      'table',
      { class: 'events' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['time', 'event', 'step', 'routed by rule → function'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        events.list.map((e) =>
          h(
            'tr',
            { 'data-event': e.detailType },
            h('td', { class: 'mono', title: e.time }, new Date(e.time).toLocaleTimeString()),
            h('td', {}, e.detailType),
            h('td', { class: 'mono' }, e.step ? `${e.step}${e.attempt ? ` #${e.attempt}` : ''}` : ''),
            h(
              'td',
              { class: 'mono' },
              e.routedBy.length
                ? e.routedBy.map((r) => h('div', { 'data-rule': r.rule }, `${r.rule} → ${r.target}`))
                : h('span', { class: 'summary' }, 'no rule: kept on record only'),
            ),
          ),
        ),
      ),
    ),
  ];
}

async function renderJourney(journeyId) {
  let journey;
  try {
    journey = await getJson(`/journeys/${encodeURIComponent(journeyId)}`);
  } catch (error) {
    show(h('p', { class: 'empty' }, `journey ${journeyId}: ${error.message}`), h('a', { href: '#/' }, '← all journeys'));
    return;
  }
  if (!journey.steps) {
    // Accepted, not yet started: the page fills in when its first event arrives.
    show(h('h1', {}, journeyId, ' ', badge('requested')), h('a', { href: '#/' }, '← all journeys'));
    return;
  }
  const followOns = state.journeys.filter((j) => j.parentJourneyId === journey.journeyId);
  const events = await journeyEvents(journey.journeyId);
  const artifacts = journey.steps.flatMap((s) => s.artifacts.map((a) => ({ ...a, step: s.name })));
  const previewBox = h('div', { id: 'preview' });
  const report = artifacts.find((a) => a.key.endsWith('/report.html'));
  const error = journey.error
    ? h(
        'div',
        { class: 'error', role: 'alert' },
        h('strong', {}, journey.error.code),
        ': ',
        journey.error.message,
        journey.error.details?.length
          ? h(
              'ul',
              {},
              journey.error.details.slice(0, 20).map((d) => h('li', { class: 'mono' }, d)),
            )
          : null,
        journey.status === 'failed'
          ? h('p', {}, h('button', { class: 'primary', id: 'redrive', onclick: (e) => redrive(journey.journeyId, e.target) }, 'Redrive from the failed step'))
          : null,
      )
    : null;
  show(
    h('a', { href: '#/' }, '← all journeys'),
    h('h1', {}, h('span', { class: 'mono' }, journey.journeyId), ' ', badge(journey.status)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'use case'),
      h('dd', {}, `${journey.useCase}/${journey.journey}`),
      h('dt', {}, 'input'),
      h('dd', { class: 'mono' }, journey.input ? `s3://${journey.input.bucket}/${journey.input.key} (${bytes(journey.input.size)})` : ''),
      h('dt', {}, 'started'),
      h('dd', {}, when(journey.startedAt)),
      h('dt', {}, 'took'),
      h('dd', {}, took(journeySpan(journey).from, journeySpan(journey).to)),
      journey.parentJourneyId
        ? [h('dt', {}, 'follows'), h('dd', {}, h('a', { href: `#/journeys/${encodeURIComponent(journey.parentJourneyId)}` }, journey.parentJourneyId))]
        : null,
      followOns.length
        ? [
            h('dt', {}, 'followed by'),
            h(
              'dd',
              {},
              followOns.map((f) => h('a', { href: `#/journeys/${encodeURIComponent(f.journeyId)}`, style: 'margin-right:8px' }, `${f.journey} ${f.journeyId}`)),
            ),
          ]
        : null,
      journey.redrives ? [h('dt', {}, 'redriven'), h('dd', {}, `${journey.redrives} time(s)`)] : null,
      journey.delivery ? [h('dt', {}, 'notice'), h('dd', {}, journey.delivery.subject)] : null,
    ),
    error,
    h('h2', {}, 'Steps'),
    timeline(journey),
    h(
      'table',
      { class: 'steps' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['#', 'step', 'status', 'attempts', 'took', 'summary'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        journey.steps.map((s, i) =>
          h(
            'tr',
            {},
            h('td', {}, i + 1),
            h('td', { class: 'mono' }, s.name),
            h('td', {}, badge(s.status)),
            h('td', {}, s.runs.length > 1 ? s.runs.map((r) => `${r.attempts}${r.redrive ? ` (redrive ${r.redrive})` : ''}`).join(' + ') : s.attempts),
            h('td', {}, took(s.startedAt, s.endedAt)),
            h(
              'td',
              { class: 'summary' },
              Object.entries(s.summary ?? {})
                .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
                .join('  '),
              s.error && s.status !== 'completed' ? h('div', { class: 'mono' }, `${s.error.code}: ${s.error.message}`) : null,
            ),
          ),
        ),
      ),
    ),
    h('h2', {}, `Artifacts (${artifacts.length})`),
    artifacts.length
      ? h(
          'table',
          { class: 'artifacts' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['step', 'artifact', 'size', 'type', ''].map((t) => h('th', {}, t)),
            ),
          ),
          h(
            'tbody',
            {},
            artifacts.map((a) =>
              h(
                'tr',
                { 'data-artifact': a.name },
                h('td', { class: 'mono' }, a.step),
                h('td', { class: 'mono' }, a.name),
                h('td', {}, bytes(a.size)),
                h('td', { class: 'summary' }, a.contentType),
                h(
                  'td',
                  {},
                  h('button', { onclick: () => preview(journey.journeyId, a, previewBox) }, 'preview'),
                  ' ',
                  h('a', { href: artifactUrl(journey.journeyId, a.key, true) }, 'download'),
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'no artifacts yet'),
    previewBox,
    eventsTable(events),
    report
      ? [h('h2', {}, 'EDA report'), h('iframe', { class: 'report', title: 'EDA report', src: artifactUrl(journey.journeyId, report.key), sandbox: '' })]
      : null,
  );
}

// ---- dead letters ----

async function redriveLetter(letter, button) {
  button.disabled = true;
  const response = await fetch(`/dead-letters/${encodeURIComponent(letter.function)}/${encodeURIComponent(letter.messageId)}/redrive`, { method: 'POST' });
  const body = await response.json().catch(() => ({}));
  button.replaceWith(h('span', { class: 'summary' }, response.ok ? `redriven as ${body.redrivenAs}` : `kept: ${body.error?.message ?? response.status}`));
}

async function renderDeadLetters() {
  let letters;
  try {
    letters = await getJson('/dead-letters');
  } catch (error) {
    show(h('h1', {}, 'Dead letters'), h('p', { class: 'empty' }, error.message));
    return;
  }
  show(
    h('h1', {}, 'Dead letters ', h('span', { class: 'summary' }, `${letters.length} message(s) a function's queue gave up on`)),
    letters.length
      ? h(
          'table',
          { class: 'dead-letters' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['function', 'event', 'journey', 'step', 'attempts', 'died', 'reason', ''].map((t) => h('th', {}, t)),
            ),
          ),
          h(
            'tbody',
            {},
            letters.map((l) =>
              h(
                'tr',
                { 'data-message-id': l.messageId },
                h('td', { class: 'mono' }, l.function),
                h('td', {}, l.detailType),
                h('td', { class: 'mono' }, l.journeyId ? h('a', { href: `#/journeys/${encodeURIComponent(l.journeyId)}` }, l.journeyId) : ''),
                h('td', { class: 'mono' }, l.step ?? ''),
                h('td', {}, l.attempts),
                h('td', {}, when(l.diedAt)),
                h('td', { class: 'summary' }, `${l.reason.code}: ${l.reason.message}`),
                h('td', {}, h('button', { onclick: (e) => redriveLetter(l, e.target) }, 'Redrive')),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'no dead letters: every message was handled'),
  );
}

// ---- the routing rules, as a graph: event -> rule -> function ----

function detailTypesOf(pattern) {
  const types = pattern['detail-type'];
  return Array.isArray(types) ? types.filter((t) => typeof t === 'string') : ['(any event)'];
}

async function renderRules() {
  const rules = await getJson('/rules');
  const events = [...new Set(rules.flatMap((r) => detailTypesOf(r.pattern)))];
  const targets = [...new Set(rules.map((r) => r.target))];
  const ROW = 26;
  const height = Math.max(events.length, rules.length, targets.length) * ROW + 20;
  const columns = { event: 10, rule: 300, target: 640 };
  const widths = { event: 250, rule: 300, target: 230 };
  const y = (index, count) => 10 + index * ((height - 20) / Math.max(1, count)) + ((height - 20) / Math.max(1, count) - 20) / 2;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const el = (tag, attributes, text) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  svg.setAttribute('class', 'rules');
  svg.setAttribute('viewBox', `0 0 ${columns.target + widths.target + 10} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${rules.length} routing rules`);
  const box = (kind, label, index, count, title) => {
    const top = y(index, count);
    const group = el('g', { 'data-node': kind });
    group.append(
      el('rect', { class: `node ${kind}`, x: columns[kind], y: top, width: widths[kind], height: 20, rx: 4 }),
      el('text', { x: columns[kind] + 6, y: top + 14 }, label.length > 38 ? `${label.slice(0, 37)}…` : label),
    );
    if (title) group.append(el('title', {}, title));
    svg.append(group);
    return top + 10;
  };
  const edge = (x1, y1, x2, y2) => svg.prepend(el('path', { d: `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}` }));
  const eventY = new Map(events.map((e, i) => [e, box('event', e, i, events.length)]));
  const targetY = new Map(targets.map((t, i) => [t, box('target', t, i, targets.length)]));
  rules.forEach((r, i) => {
    const ruleY = box('rule', r.rule, i, rules.length, `${r.description}\n${JSON.stringify(r.pattern)}`);
    for (const type of detailTypesOf(r.pattern)) edge(columns.event + widths.event, eventY.get(type), columns.rule, ruleY);
    edge(columns.rule + widths.rule, ruleY, columns.target, targetY.get(r.target));
  });
  show(
    h(
      'h1',
      {},
      'Routing rules ',
      h('span', { class: 'summary' }, `${rules.length} rules from the routing table: event → rule → function (hover a rule for its pattern)`),
    ),
    svg,
  );
}

// ---- routing, live updates, upload ----

function route() {
  if (location.hash === '#/dead-letters') return { page: 'dead-letters' };
  if (location.hash === '#/rules') return { page: 'rules' };
  const match = /^#\/journeys\/(.+)$/.exec(location.hash);
  return match ? { journeyId: decodeURIComponent(match[1]) } : {};
}

async function refresh() {
  try {
    state.journeys = await getJson(`/journeys?limit=${JOURNEY_LIMIT}`);
  } catch (error) {
    show(h('p', { class: 'empty' }, `the server did not answer: ${error.message}`));
    return;
  }
  const { journeyId, page } = route();
  if (page === 'dead-letters') await renderDeadLetters();
  else if (page === 'rules') {
    // The rules do not change while the server runs: drawn once per visit, not on every event.
    if (!view.querySelector('svg.rules')) await renderRules();
  } else if (journeyId) await renderJourney(journeyId);
  else renderList();
}

let pending;
/** Events come in bursts (a step's start, its end, the next request): one redraw per burst. */
function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 150);
}

function listen() {
  const live = document.getElementById('live');
  const events = new EventSource('/events');
  events.onopen = () => ((live.textContent = 'live'), live.classList.add('on'));
  events.onerror = () => ((live.textContent = 'reconnecting…'), live.classList.remove('on'));
  events.onmessage = () => refreshSoon();
}

function setUpUpload() {
  const form = document.getElementById('upload');
  const useCase = document.getElementById('upload-use-case');
  const journey = document.getElementById('upload-journey');
  const status = document.getElementById('upload-status');
  const fillJourneys = () => {
    const chosen = state.useCases.find((u) => u.id === useCase.value);
    journey.replaceChildren(...(chosen?.journeys ?? ['upload']).map((j) => h('option', { value: j }, j)));
  };
  useCase.replaceChildren(...state.useCases.map((u) => h('option', { value: u.id, title: u.title }, u.id)));
  useCase.addEventListener('change', fillJourneys);
  fillJourneys();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('upload-file').files[0];
    if (!file) return;
    const limit = state.useCases.find((u) => u.id === useCase.value)?.maxUploadBytes;
    if (limit !== undefined && file.size > limit) {
      status.textContent = `${file.name} is ${bytes(file.size)}; ${useCase.value} takes at most ${bytes(limit)}`;
      return;
    }
    status.textContent = `uploading ${file.name}…`;
    const query = new URLSearchParams({ 'use-case': useCase.value, name: file.name, ...(journey.value !== 'upload' ? { journey: journey.value } : {}) });
    try {
      const response = await fetch(`/uploads?${query}`, { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : String(response.status));
      status.textContent = body.journeyId ? `journey ${body.journeyId} started` : 'stored';
      if (body.journeyId) location.hash = `#/journeys/${encodeURIComponent(body.journeyId)}`;
    } catch (error) {
      status.textContent = `not uploaded: ${error.message}`;
    }
  });
}

window.addEventListener('hashchange', refresh);
state.useCases = await getJson('/use-cases').catch(() => []);
setUpUpload();
listen();
await refresh();
