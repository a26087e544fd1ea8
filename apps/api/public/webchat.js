/*
 * Parley web chat widget. Embed with one tag:
 *   <script src="https://parley.example/webchat.js" data-channel="<channel id>" async></script>
 * The API base is where this script was loaded from. Plain JavaScript, no
 * dependencies, no build step; everything lives in a shadow root so host-page
 * styles and ours never touch. Served by apps/api (GET /webchat.js).
 *
 * Protocol (see docs): POST /webchat/:id/sessions → token (kept in
 * localStorage), GET /webchat/:id/history, POST /webchat/:id/stream-tickets →
 * a one-minute ticket, GET /webchat/:id/events?ticket= (SSE, Last-Event-ID =
 * reply seq), POST /webchat/:id/messages { clientMessageId, text }.
 */
/* global window, document, EventSource */
(function parleyWebchat() {
  'use strict';

  var script = document.currentScript || document.querySelector('script[data-channel][src*="webchat.js"]');
  if (!script) return;
  var channelId = script.getAttribute('data-channel');
  if (!channelId) {
    console.warn('[parley] webchat.js needs a data-channel attribute');
    return;
  }
  var registry = (window.__parleyWebchat = window.__parleyWebchat || {});
  if (registry[channelId]) return; // the tag was included twice
  registry[channelId] = true;

  var apiBase = String(script.src).replace(/\/webchat\.js(?:[?#].*)?$/, '');
  var channelUrl = apiBase + '/webchat/' + encodeURIComponent(channelId);
  var tokenKey = 'parley.webchat.' + channelId + '.token';
  var openKey = 'parley.webchat.' + channelId + '.open';

  var state = {
    token: readStorage(localStorage, tokenKey),
    cursor: BigInt(0),
    started: null, // Promise of the session + history, once opened
    source: null, // EventSource
    retries: 0,
    retryTimer: null,
    seen: new Set(), // message ids and clientMessageIds already on screen
    open: false,
  };

  var ui = buildUi();
  if (readStorage(sessionStorage, openKey) === '1') openPanel(false);

  // ---------- UI ----------

  function buildUi() {
    var host = document.createElement('div');
    host.setAttribute('data-parley-webchat', channelId);
    var root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>' + css() + '</style>' +
      '<button class="launcher" type="button" aria-expanded="false" aria-controls="panel" aria-label="Open chat">' +
      '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>' +
      '<span class="badge" hidden></span></button>' +
      '<section class="panel" id="panel" role="dialog" aria-modal="false" aria-labelledby="title" hidden>' +
      '<header><h2 id="title">Chat</h2><button class="close" type="button" aria-label="Close chat">&#x2715;</button></header>' +
      '<p class="status" role="status"></p>' +
      '<ol class="log" role="log" aria-live="polite" aria-label="Conversation" tabindex="0"></ol>' +
      '<div class="quick" role="group" aria-label="Quick replies" hidden></div>' +
      '<form class="composer">' +
      '<label class="sr-only" for="input">Message</label>' +
      '<textarea id="input" rows="1" maxlength="4096" placeholder="Type a message\u2026" autocomplete="off"></textarea>' +
      '<button class="send" type="submit" aria-label="Send message">' +
      '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3 20l18-8L3 4v6l12 2-12 2z"/></svg></button>' +
      '</form></section>';
    var parts = {
      host: host,
      launcher: root.querySelector('.launcher'),
      badge: root.querySelector('.badge'),
      panel: root.querySelector('.panel'),
      title: root.querySelector('#title'),
      close: root.querySelector('.close'),
      status: root.querySelector('.status'),
      log: root.querySelector('.log'),
      quick: root.querySelector('.quick'),
      form: root.querySelector('.composer'),
      input: root.querySelector('#input'),
    };
    parts.launcher.addEventListener('click', function () {
      if (state.open) closePanel();
      else openPanel(true);
    });
    parts.close.addEventListener('click', closePanel);
    parts.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closePanel();
      }
    });
    parts.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    parts.form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit();
    });
    if (document.body) document.body.appendChild(host);
    else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(host); });
    return parts;
  }

  function openPanel(focus) {
    state.open = true;
    ui.panel.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'true');
    ui.launcher.setAttribute('aria-label', 'Close chat');
    ui.badge.hidden = true;
    writeStorage(sessionStorage, openKey, '1');
    if (focus) ui.input.focus();
    start();
    scrollToEnd();
  }

  function closePanel() {
    state.open = false;
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.setAttribute('aria-label', 'Open chat: ' + ui.title.textContent);
    writeStorage(sessionStorage, openKey, '0');
    ui.launcher.focus();
  }

  function setStatus(kind) {
    var text = kind === 'connecting' ? 'Connecting\u2026' : kind === 'offline' ? 'Offline. Reconnecting\u2026' : '';
    ui.status.textContent = text;
    ui.status.setAttribute('data-state', kind);
    ui.panel.setAttribute('data-state', kind);
  }

  /** Adds one message bubble; returns it. Messages already shown (same id) are skipped. */
  function render(entry) {
    var keys = [entry.id, entry.clientMessageId].filter(Boolean);
    for (var i = 0; i < keys.length; i++) {
      if (state.seen.has(keys[i])) {
        var existing = ui.log.querySelector('[data-key="' + cssEscape(keys[i]) + '"]');
        if (existing) existing.classList.remove('pending', 'failed');
        return existing;
      }
    }
    keys.forEach(function (key) { state.seen.add(key); });
    var item = document.createElement('li');
    item.className = entry.from === 'visitor' ? 'msg visitor' : 'msg bot';
    item.setAttribute('data-key', entry.clientMessageId || entry.id);
    var who = document.createElement('span');
    who.className = 'sr-only';
    who.textContent = entry.from === 'visitor' ? 'You: ' : 'Bot: ';
    var text = document.createElement('span');
    text.className = 'text';
    text.textContent = entry.text;
    item.appendChild(who);
    item.appendChild(text);
    ui.log.appendChild(item);
    showQuickReplies(entry.from === 'bot' ? entry.buttons || [] : []);
    if (entry.from === 'bot' && !state.open) ui.badge.hidden = false;
    scrollToEnd();
    return item;
  }

  function showQuickReplies(buttons) {
    ui.quick.textContent = '';
    ui.quick.hidden = buttons.length === 0;
    buttons.forEach(function (button) {
      var element = document.createElement('button');
      element.type = 'button';
      element.className = 'reply';
      element.textContent = button.label;
      element.addEventListener('click', function () {
        send(button.label);
        ui.input.focus();
      });
      ui.quick.appendChild(element);
    });
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  // ---------- Conversation ----------

  /** Session, then history, then the event stream; once per page (retried while offline). */
  function start() {
    if (!state.started) {
      setStatus('connecting');
      state.started = boot();
    }
    return state.started;
  }

  async function boot() {
    for (;;) {
      try {
        await startSession();
        if (await loadHistory()) {
          await connect();
          return;
        }
        // The token was refused: loop round to a new session.
      } catch {
        setStatus('offline');
        await sleep(backoff());
      }
    }
  }

  async function startSession() {
    for (;;) {
      try {
        var response = await request('POST', '/sessions', {});
        var session = await response.json();
        if (!response.ok) throw new Error(session.message || 'HTTP ' + response.status);
        state.token = session.token;
        writeStorage(localStorage, tokenKey, session.token);
        ui.title.textContent = session.title || 'Chat';
        if (!state.open) ui.launcher.setAttribute('aria-label', 'Open chat: ' + ui.title.textContent);
        if (session.welcomeText && !ui.log.querySelector('.welcome')) {
          var welcome = document.createElement('li');
          welcome.className = 'msg bot welcome';
          welcome.textContent = session.welcomeText;
          ui.log.insertBefore(welcome, ui.log.firstChild);
        }
        state.retries = 0;
        return;
      } catch {
        setStatus('offline');
        await sleep(backoff());
      }
    }
  }

  /** Shows what is not on screen yet; false when the token was refused (then it is forgotten). */
  async function loadHistory() {
    var response = await request('GET', '/history', undefined);
    if (response.status === 401) {
      forgetVisitor();
      return false;
    }
    if (!response.ok) throw new Error('history: HTTP ' + response.status);
    var history = await response.json();
    history.messages.forEach(render);
    var cursor = BigInt(history.cursor);
    if (cursor > state.cursor) state.cursor = cursor;
    return true;
  }

  /** Opens the event stream with a fresh one-minute ticket (the long-lived token never goes into a URL). */
  async function connect() {
    if (state.source) state.source.close();
    state.source = null;
    var response = await request('POST', '/stream-tickets', {});
    if (response.status === 401) throw new Error('token refused');
    if (!response.ok) throw new Error('stream ticket: HTTP ' + response.status);
    var ticket = (await response.json()).ticket;
    var url = channelUrl + '/events?ticket=' + encodeURIComponent(ticket) + '&lastEventId=' + state.cursor.toString();
    var source = new EventSource(url);
    state.source = source;
    source.addEventListener('ready', function () {
      state.retries = 0;
      setStatus('online');
    });
    source.onmessage = function (event) {
      var entry = JSON.parse(event.data);
      var seq = BigInt(entry.seq);
      if (seq <= state.cursor) return;
      state.cursor = seq;
      render(entry);
    };
    // The server ends streams with a reason: `reconnect` (lifetime over, server restarting):
    // open a new one at once; `closed` (another tab of this visitor took over, revoked,
    // channel disabled): stay quiet until the visitor comes back to this page.
    source.addEventListener('reconnect', function () {
      if (state.source !== source) return;
      source.close();
      state.source = null;
      reconnectSoon(250);
    });
    source.addEventListener('closed', function (event) {
      if (state.source !== source) return;
      source.close();
      state.source = null;
      var reason = JSON.parse(event.data).reason;
      setStatus('offline');
      if (reason === 'replaced') {
        window.addEventListener('focus', function () { reconnectSoon(0); }, { once: true });
      } else {
        scheduleReconnect();
      }
    });
    source.onerror = function () {
      // Reconnect ourselves (with backoff, after checking the token) rather than
      // letting EventSource retry blindly with a ticket that may have expired.
      source.close();
      if (state.source !== source) return;
      state.source = null;
      setStatus('offline');
      scheduleReconnect();
    };
  }

  function reconnectSoon(delay) {
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(function () {
      connect().catch(function () {
        setStatus('offline');
        scheduleReconnect();
      });
    }, delay);
  }

  function scheduleReconnect() {
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(function () {
      loadHistory()
        .then(function (ok) {
          if (ok) return connect();
          state.started = null;
          start();
        })
        .catch(scheduleReconnect);
    }, backoff());
  }

  /** The stored token is no longer valid (e.g. the platform key was rotated): the next session starts a new conversation. */
  function forgetVisitor() {
    if (state.source) state.source.close();
    state.source = null;
    state.token = null;
    state.cursor = BigInt(0);
    removeStorage(localStorage, tokenKey);
  }

  function submit() {
    var text = ui.input.value;
    if (text.trim() === '') return;
    ui.input.value = '';
    send(text);
  }

  async function send(text) {
    var clientMessageId = newId();
    var bubble = render({ id: clientMessageId, clientMessageId: clientMessageId, from: 'visitor', text: text, buttons: [] });
    bubble.classList.add('pending');
    showQuickReplies([]);
    await start();
    for (var attempt = 0; attempt < 6; attempt++) {
      try {
        var response = await request('POST', '/messages', { clientMessageId: clientMessageId, text: text });
        if (response.ok) {
          bubble.classList.remove('pending');
          return;
        }
        if (response.status === 401) {
          forgetVisitor();
          state.started = null;
          await start();
        } else if (response.status !== 429 && response.status < 500) {
          break;
        }
      } catch {
        // network: retry with the same clientMessageId (the API dedupes it)
      }
      await sleep(Math.min(1000 * Math.pow(2, attempt), 15000));
    }
    bubble.classList.remove('pending');
    bubble.classList.add('failed');
    var note = document.createElement('span');
    note.className = 'note';
    note.textContent = ' (not sent)';
    bubble.appendChild(note);
  }

  // ---------- Plumbing ----------

  function request(method, path, body) {
    var headers = {};
    if (state.token) headers.authorization = 'Bearer ' + state.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(channelUrl + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  }

  function backoff() {
    var delay = Math.min(30000, 1000 * Math.pow(2, state.retries));
    state.retries += 1;
    return delay / 2 + Math.random() * (delay / 2);
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function newId() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  function cssEscape(value) {
    return String(value).replace(/["\\]/g, '\\$&');
  }

  // Storage may be unavailable (privacy modes, blocked third-party storage): then the conversation lasts one page view.
  function readStorage(storage, key) {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  }
  function writeStorage(storage, key, value) {
    try {
      storage.setItem(key, value);
    } catch {
      // ignored: see readStorage
    }
  }
  function removeStorage(storage, key) {
    try {
      storage.removeItem(key);
    } catch {
      // ignored: see readStorage
    }
  }

  function css() {
    return [
      ':host{all:initial}',
      '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
      '.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
      '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;background:#2453d4;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}',
      '.launcher:focus-visible,.close:focus-visible,.send:focus-visible,.reply:focus-visible,.log:focus-visible,textarea:focus-visible{outline:3px solid #f5a623;outline-offset:2px}',
      '.badge{position:absolute;top:6px;right:6px;width:12px;height:12px;border-radius:50%;background:#e0245e;border:2px solid #fff}',
      '.badge[hidden],.panel[hidden],.quick[hidden]{display:none}',
      '.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:min(370px,calc(100vw - 40px));height:min(560px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden;font-size:15px;line-height:1.4}',
      'header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:#2453d4;color:#fff}',
      'h2{margin:0;font-size:16px;font-weight:600}',
      '.close{border:0;background:transparent;color:#fff;font-size:18px;cursor:pointer;width:32px;height:32px;border-radius:6px}',
      '.status{margin:0;padding:6px 14px;font-size:13px;background:#fff4d6;color:#5c4400}',
      '.status:empty{display:none}',
      '.log{list-style:none;margin:0;padding:12px;flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:8px}',
      '.msg{max-width:80%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}',
      '.bot{align-self:flex-start;background:#eef1f7}',
      '.welcome{font-style:italic}',
      '.visitor{align-self:flex-end;background:#2453d4;color:#fff}',
      '.pending{opacity:.6}',
      '.failed{background:#b3261e}',
      '.quick{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}',
      '.reply{border:1px solid #2453d4;background:#fff;color:#2453d4;border-radius:16px;padding:6px 12px;font-size:14px;cursor:pointer}',
      '.reply:hover{background:#eef1f7}',
      '.composer{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6ee}',
      'textarea{flex:1;resize:none;border:1px solid #c5cad6;border-radius:8px;padding:8px 10px;font-size:15px;max-height:120px;color:inherit;background:#fff}',
      '.send{border:0;background:#2453d4;color:#fff;border-radius:8px;width:44px;cursor:pointer}',
      '@media (prefers-reduced-motion:no-preference){.panel{transition:opacity .15s}}',
    ].join('');
  }
})();
