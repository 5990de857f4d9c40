// Client glue for the explorables: draws the Plotly figures the server sends, keeps the address
// bar equal to the canonical deep link, and wires the copy-link and reset controls.
// Served as a file under a strict CSP (script-src 'self'): no inline scripts, no eval.
(function () {
  'use strict';

  document.documentElement.classList.add('js');
  var PLOT_CONFIG = { displayModeBar: false, responsive: true, displaylogo: false };

  function article() { return document.querySelector('article.explorable'); }

  // The address bar = this page's path + the canonical query of every widget's state + the
  // current #section. Replaced, never pushed: one history entry per page, not per slider tick.
  function syncUrl(figdata) {
    var art = article();
    if (!art) return;
    var state = new URLSearchParams(art.dataset.query || '');
    new URLSearchParams(figdata.dataset.query).forEach(function (value, key) { state.set(key, value); });
    art.dataset.query = state.toString();
    var url = location.pathname + '?' + art.dataset.query + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, '', url);
    }
  }

  var drawn = {};   // plot id -> JSON of the figure it shows

  // Draws one figure unless it already shows exactly this (Plotly.react cannot tell: it sees
  // new arrays as changed data). Returns whether it drew.
  function drawOne(wid, fid, figures) {
    var id = 'plot-' + wid + '-' + fid;
    var el = document.getElementById(id);
    var json = JSON.stringify(figures[fid]);
    if (!el || drawn[id] === json) return false;
    drawn[id] = json;
    if (!el.classList.contains('js-plotly-plot')) el.textContent = '';  // drop the no-JS fallback
    Plotly.react(el, figures[fid].data, figures[fid].layout, PLOT_CONFIG);
    return true;
  }

  // Runs fn after the browser has had a chance to paint (a frame, then a task).
  function afterPaint(fn) {
    var handle = { timer: null, frame: null };
    handle.frame = requestAnimationFrame(function () { handle.timer = setTimeout(fn, 0); });
    return handle;
  }
  function cancel(handle) {
    cancelAnimationFrame(handle.frame);
    clearTimeout(handle.timer);
  }

  // The first figure that changed is drawn at once, each of the others after the next paint, so
  // the reader sees the first one without waiting for all. A newer reply cancels older draws.
  var pending = {};
  function draw(wid, figures) {
    if (!window.Plotly) return;
    var ids = Object.keys(figures);
    (pending[wid] || []).forEach(cancel);
    pending[wid] = [];
    function next(i) {
      while (i < ids.length && !drawOne(wid, ids[i], figures)) i++;
      if (i + 1 < ids.length) pending[wid].push(afterPaint(function () { next(i + 1); }));
    }
    next(0);
  }

  // Every figdata element not yet drawn: the ones in the page at load, and each one an HTMX
  // response swaps in (the server answers newest-last: the form uses hx-sync "queue last").
  function drawPending() {
    document.querySelectorAll('.figdata:not([data-drawn])').forEach(function (fd) {
      fd.dataset.drawn = '1';
      if (fd.dataset.figures) draw(fd.dataset.widget, JSON.parse(fd.dataset.figures));
      syncUrl(fd);
    });
  }

  function formatValue(input) {
    var unit = input.dataset.unit || '';
    return input.value + (unit === '%' || unit === '' ? unit : ' ' + unit);
  }

  function showValue(input) {
    var out = document.getElementById(input.id + '-out');
    if (out) out.textContent = formatValue(input);
    input.setAttribute('aria-valuetext', (input.value + ' ' + (input.dataset.unitWords || '')).trim());
  }

  function announce(text) {
    var status = document.getElementById('copy-status');
    if (status) status.textContent = text;
  }

  // Runs in the capture phase, before HTMX sends the request, so the label moves at once.
  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('input[type=range]')) showValue(e.target);
  }, true);

  document.addEventListener('click', function (e) {
    var copy = e.target.closest('button.copy-link');
    if (copy) {
      var url = location.origin + location.pathname + location.search + '#' + copy.dataset.copySection;
      var done = function (ok) {
        copy.dataset.copied = ok ? 'yes' : 'no';
        announce(ok ? 'Link copied to the clipboard.' : 'Copying failed; the link is ' + url);
        setTimeout(function () { delete copy.dataset.copied; }, 2500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
      } else {
        done(false);
      }
      return;
    }
    var stepButton = e.target.closest('button[data-step-for]');
    if (stepButton) { step(stepButton, Number(stepButton.dataset.stepBy)); return; }
    var reset = e.target.closest('a[data-reset]');
    if (reset) {
      var form = document.getElementById(reset.dataset.reset);
      if (!form || !window.htmx) return;  // no HTMX: follow the link (a full page load at defaults)
      e.preventDefault();
      form.querySelectorAll('input[type=range]').forEach(function (input) {
        input.value = input.dataset.default;
        showValue(input);
      });
      form.querySelectorAll('input[type=radio]').forEach(function (input) {
        input.checked = input.hasAttribute('data-default');
      });
      htmx.trigger(form, 'submit');   // every widget form updates on submit, live or not
      announce('Settings reset to their defaults.');
    }
  });

  // Fast path: one WebSocket per widget form (see fragment_socket in app/main.py). In Chromium a
  // socket message costs ~1 ms against ~8 ms for an HTTP request. The server answers each
  // message with the figures and the same HTML fragment as GET /fragments/... (less the figure
  // data): the figures are drawn first, then HTMX swaps the HTML in (htmx.swap applies the
  // out-of-band parts too) in the next task. Like hx-sync "queue last", at most one message is
  // in flight and only the newest waiting state is sent next, once the previous reply is fully
  // applied, so replies are applied in order. Whenever the socket is not open, HTMX's own GET
  // request goes ahead instead.
  var sockets = {};

  function connect(form, attempt) {
    if (!window.WebSocket || !window.htmx) return;
    var wid = form.dataset.widget;
    var s = { ws: null, busy: false, next: null };
    try {
      s.ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + form.dataset.socket);
    } catch (err) {
      return;
    }
    s.ws.onopen = function () { attempt = 0; sockets[wid] = s; form.dataset.socketState = 'open'; };
    s.ws.onmessage = function (e) {
      var reply = JSON.parse(e.data);
      draw(wid, reply.figures);
      afterPaint(function () {
        htmx.swap('#figdata-' + wid, reply.html, { swapStyle: 'outerHTML' });
        drawPending();
        s.busy = false;
        if (s.next !== null) { var q = s.next; s.next = null; send(s, q); }
      });
    };
    s.ws.onclose = function () {
      if (sockets[wid] === s) delete sockets[wid];
      form.dataset.socketState = 'closed';
      if (s.busy || s.next !== null) htmx.trigger(form, 'submit');  // redo the latest state over HTTP
      setTimeout(function () { connect(form, attempt + 1); }, Math.min(30000, 500 * Math.pow(2, attempt)));
    };
  }

  function send(s, query) {
    s.busy = true;
    s.ws.send(query);
  }

  document.addEventListener('htmx:confirm', function (e) {
    var form = e.detail.elt;
    var s = form && form.dataset && sockets[form.dataset.widget];
    if (!s || s.ws.readyState !== WebSocket.OPEN) return;   // no socket: the GET goes ahead
    e.preventDefault();
    htmx.trigger(form, 'htmx:abort');                        // drop any older GET still in flight
    var query = new URLSearchParams(new FormData(form)).toString();
    if (s.busy) s.next = query; else send(s, query);
  });

  // Previous / Next of a step-through move its step slider by one and update like any slider.
  function step(button, by) {
    var input = document.getElementById(button.dataset.stepFor);
    if (!input) return;
    var next = Math.min(Number(input.max), Math.max(Number(input.min), Number(input.value) + by));
    if (String(next) === input.value) return;
    input.value = String(next);
    showValue(input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // Arrow keys step through a walkthrough while focus is on its Previous / Next buttons (on its
  // slider the browser's own arrow-key handling already does it).
  document.addEventListener('keydown', function (e) {
    var button = e.target.closest && e.target.closest('button[data-step-for]');
    if (!button || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      step(button, e.key === 'ArrowRight' ? 1 : -1);
    }
  });

  document.addEventListener('htmx:afterSwap', drawPending);
  document.addEventListener('htmx:responseError', function (e) {
    announce('The figure could not be updated (the server answered ' + e.detail.xhr.status + ').');
  });
  document.addEventListener('htmx:sendError', function () {
    announce('The figure could not be updated: the server did not answer.');
  });

  document.querySelectorAll('button.copy-link[hidden]').forEach(function (b) { b.hidden = false; });
  drawPending();
  document.querySelectorAll('form[data-socket]').forEach(function (form) { connect(form, 0); });
})();
