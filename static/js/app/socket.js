// WebSocket fast path: a widget's updates travel over one socket, opened when the reader first uses it.
(function (E) {
  'use strict';
  var IDLE_MS = 60000;   // a socket that closes is reopened only for a reader who used the widget this recently
  var widgets = {};      // widget id -> {form, conn, attempt, retryAt, timer, usedAt}

  function record(form) {
    var wid = form.dataset.widget;
    return widgets[wid] || (widgets[wid] = { form: form, conn: null, attempt: 0, retryAt: 0, timer: null, usedAt: 0 });
  }

  // The reader is using this widget: open its socket.
  function touch(form) {
    if (!window.WebSocket || !window.htmx || !form.dataset.socket) return;
    var w = record(form);
    w.usedAt = Date.now();
    reopen(w);
  }

  // Opens the socket now, or once the backoff after its last close is over; nothing if open or opening.
  function reopen(w) {
    if (w.conn || w.timer || w.retryAt === Infinity) return;
    var wait = w.retryAt - Date.now();
    if (wait <= 0) connect(w);
    else w.timer = setTimeout(function () { w.timer = null; connect(w); }, wait);
  }

  function connect(w) {
    var form = w.form;
    var c = { ws: null, busy: false, next: null };   // one connection: at most one message in flight
    try {
      c.ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + form.dataset.socket);
    } catch (err) {
      w.retryAt = Infinity;   // this browser will not open it: HTMX's GET carries every update
      return;
    }
    w.conn = c;
    c.ws.onopen = function () { w.attempt = 0; form.dataset.socketState = 'open'; };
    c.ws.onmessage = function (e) { receive(c, form.dataset.widget, JSON.parse(e.data)); };
    c.ws.onclose = function () {
      if (w.conn === c) w.conn = null;
      form.dataset.socketState = 'closed';
      w.retryAt = Date.now() + Math.min(30000, 500 * Math.pow(2, w.attempt++));
      if (c.busy || c.next !== null) htmx.trigger(form, 'submit');   // redo the latest state over HTTP
      else if (Date.now() - w.usedAt < IDLE_MS) reopen(w);           // reopen after the backoff while in use
    };
  }

  // A reply: figures drawn first, its HTML swapped in after the next paint, then the newest waiting state sent.
  function receive(c, wid, reply) {
    var figure = E.figure(wid);
    if (figure) figure.update(reply.figures);
    E.afterPaint(function () {
      htmx.swap('#figdata-' + wid, reply.html, { swapStyle: 'outerHTML' });
      if (figure) figure.take();
      c.busy = false;
      if (c.next !== null && c.ws.readyState === WebSocket.OPEN) { var q = c.next; c.next = null; send(c, q); }
    });
  }

  function send(c, query) {
    c.busy = true;
    c.ws.send(query);
  }

  // An update HTMX is about to GET goes down the open socket instead, once no GET is in flight.
  E.on('htmx:confirm', null, function (target, e) {
    var form = e.detail.elt;
    var w = form && form.dataset && widgets[form.dataset.widget];
    var c = w && w.conn;
    if (!c || c.ws.readyState !== WebSocket.OPEN) return;
    if (form.classList.contains('htmx-request')) return;   // a GET is in flight: HTMX queues this one after it
    e.preventDefault();
    var query = new URLSearchParams(new FormData(form)).toString();
    if (c.busy) c.next = query; else send(c, query);
  });

  // Using a widget (focusing, changing or submitting its form, −/+ and steps included) opens its socket.
  E.on('input', 'form[data-socket]', touch, true);
  E.on('submit', 'form[data-socket]', touch);
  E.on('focusin', 'form[data-socket]', touch);
})(window.Explorables);
