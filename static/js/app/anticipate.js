// Keyboard readers: the states one key press away are fetched ahead, so the press is answered at once.
//
// While a live widget's slider (or its −/+ or Previous/Next button) has focus from the keyboard, the
// updates for one step down and one step up from the state shown are fetched (the same URLs the press
// will ask for: versioned, so the browser and any shared cache may keep them) and held here, and their
// charts are drawn off screen (figure.js prepare). When the press's request is about to go out and its
// answer is held, the request is not sent: figure.js shows the first changed chart at once (the one drawn
// ahead, else drawn then), and the held answer is swapped in through HTMX after that paint, as if it
// had just arrived. Fetching waits for
// a pause (WAIT_MS, and a held-down key's release); fetches for a state no longer shown are aborted.
// Pointer drags are fetched ahead by drag.js, through E.holdAhead. E.anticipate = false turns it off
// (bench/widgets.py); each answer held is announced as `explorables:held` on the document (tests wait for it).
(function (E) {
  'use strict';
  var HELD_MAX = 24;           // answers fetched ahead for key presses
  var DRAG_HELD_MAX = 128;     // and for a drag (drag.js: whole states along the slider)
  var held = new Map();        // request key -> response text
  var dragHeld = new Map();    // request key -> response text, fetched ahead for a drag
  var pending = new Set();     // request keys being fetched
  var keyboard = false;        // the reader's last input was a key, not a pointer
  var holding = false;         // a key is held down (auto-repeat): nothing is fetched until it is let go
  var timer = null;            // the fetch ahead waits for the reader to pause (WAIT_MS)
  var aborts = {};             // widget id -> {query, controller} of the fetches for the state it shows
  var WAIT_MS = 100;
  E.anticipate = !(navigator.connection && navigator.connection.saveData);

  // One spelling per request: path plus its parameters sorted (htmx and this file order them alike,
  // but the key must not depend on it).
  function keyOf(url) {
    var u = new URL(url, location.href), params = new URLSearchParams(u.search);
    params.sort();
    return u.pathname + '?' + params.toString();
  }

  // The query HTMX would send for this form with `name` set to `value` (hx-params, then from=; none if whole).
  function requestUrl(form, name, value, whole) {
    var own = (form.getAttribute('hx-params') || '').split(','), f = E.figure(form.dataset.widget);
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) {
      if (own.indexOf(k) >= 0) params.append(k, k === name ? value : v);
    });
    if (f && f.query && !whole) params.append('from', f.query);
    return form.getAttribute('hx-get') + '?' + params.toString();
  }
  E.requestUrl = requestUrl;

  // Fetches the answer at url and holds it for the request that will ask for it (drag.js); resolves to
  // its size as sent (0 when held already, null when it failed or was cancelled).
  E.holdAhead = function (url, signal) {
    var key = keyOf(url);
    if (held.has(key) || dragHeld.has(key)) return Promise.resolve(0);
    return fetch(url, { credentials: 'same-origin', priority: 'low', signal: signal }).then(function (r) {
      if (!r.ok) return null;
      var sent = Number(r.headers.get('content-length'));
      return r.text().then(function (text) {
        dragHeld.delete(key);
        dragHeld.set(key, text);
        if (dragHeld.size > DRAG_HELD_MAX) dragHeld.delete(dragHeld.keys().next().value);
        return sent > 0 ? sent : text.length;
      });
    }).catch(function () { return null; });
  };
  E.heldAhead = function (url) { var key = keyOf(url); return held.has(key) || dragHeld.has(key); };
  E.heldText = function (url) { var key = keyOf(url); return held.has(key) ? held.get(key) : dragHeld.get(key); };

  // The slider's value one step from now, spelled as controls.js spells it; null past an end.
  function stepped(input, by) {
    var next = E.spell(input, Number(input.value) + by * (Number(input.step) || 1));
    return next === input.value ? null : next;
  }

  // Fetches one update ahead, and has its charts drawn off screen (figure.js prepare).
  function fetchAhead(url, signal, f) {
    var key = keyOf(url);
    if (held.has(key)) { f.prepare(held.get(key)); return; }
    if (pending.has(key)) return;
    pending.add(key);
    fetch(url, { credentials: 'same-origin', priority: 'low', signal: signal }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (text) {
      pending.delete(key);
      if (text === null) return;
      held.set(key, text);
      if (held.size > HELD_MAX) held.delete(held.keys().next().value);
      f.prepare(text);
      document.dispatchEvent(new CustomEvent('explorables:held', { detail: url }));
    }, function () { pending.delete(key); });
  }

  // The slider a focused control moves: itself, or the slider of a −/+ or Previous/Next button.
  function sliderOf(el) {
    if (!el) return null;
    if (el.matches && el.matches('input[type=range]')) return el;
    if (el.dataset && el.dataset.stepFor) return document.getElementById(el.dataset.stepFor);
    return null;
  }

  // Fetches the states one step either side of the focused slider's, for a live widget shown.
  function ahead() {
    var input = sliderOf(document.activeElement), form = input && input.form;
    if (!E.anticipate || !keyboard || !form || !form.matches('form.controls[hx-trigger*=input]')) return;
    if (input.getAttribute('aria-disabled') === 'true' || !window.Plotly || holding) return;
    var wid = form.dataset.widget, f = E.figure(wid), last = aborts[wid];
    if (!last || last.query !== f.query) {
      if (last && last.controller) last.controller.abort();   // fetches for a state no longer shown
      last = aborts[wid] = { query: f.query, controller: window.AbortController ? new AbortController() : null };
    }
    [-1, 1].forEach(function (by) {
      var value = stepped(input, by);
      if (value !== null) fetchAhead(requestUrl(form, input.name, value), last.controller && last.controller.signal, f);
    });
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(ahead, WAIT_MS);
  }

  document.addEventListener('keydown', function (e) { keyboard = true; holding = e.repeat; }, true);
  document.addEventListener('keyup', function () { if (holding) { holding = false; soon(); } }, true);
  document.addEventListener('pointerdown', function () { keyboard = false; }, true);
  E.on('focusin', 'input[type=range], button[data-step-for]', soon);
  E.on('explorables:landed', '.figdata', soon);

  // A press whose answer is held: no request; the held answer goes through the usual swap.
  E.on('htmx:beforeRequest', 'form.controls', function (form, evt) {
    if (!E.anticipate) return;
    var key = keyOf(evt.detail.pathInfo.finalRequestPath), text = held.has(key) ? held.get(key) : dragHeld.get(key);
    var target = evt.detail.target, f = E.figure(form.dataset.widget);
    if (text === undefined || !f || !target || !f.read(text)) return;
    evt.preventDefault();
    f.later(function () {                             // the first chart is painted before the rest is swapped in
      try {
        htmx.swap(document.getElementById(target.id) || target, text, { swapStyle: 'outerHTML' });
      } catch (err) {                                 // the charts moved on but the page did not: fetch it whole
        f.whole = true;
        setTimeout(function () { htmx.trigger(form, 'submit'); }, 0);
      }
    });
  });
})(window.Explorables);
