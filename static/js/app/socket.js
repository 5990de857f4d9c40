// WebSocket fast path: each widget's updates travel over one socket; HTMX's GET whenever it is not open.
(function (E) {
  'use strict';
  var sockets = {};   // widget id -> the open connection {ws, busy, next}

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
    s.ws.onmessage = function (e) { receive(s, wid, JSON.parse(e.data)); };
    s.ws.onclose = function () {
      if (sockets[wid] === s) delete sockets[wid];
      form.dataset.socketState = 'closed';
      if (s.busy || s.next !== null) htmx.trigger(form, 'submit');   // redo the latest state over HTTP
      setTimeout(function () { connect(form, attempt + 1); }, Math.min(30000, 500 * Math.pow(2, attempt)));
    };
  }

  // A reply: figures drawn first, its HTML swapped in after the next paint, then the newest waiting state sent.
  function receive(s, wid, reply) {
    var figure = E.figure(wid);
    if (figure) figure.update(reply.figures);
    E.afterPaint(function () {
      htmx.swap('#figdata-' + wid, reply.html, { swapStyle: 'outerHTML' });
      if (figure) figure.take();
      s.busy = false;
      if (s.next !== null) { var q = s.next; s.next = null; send(s, q); }
    });
  }

  function send(s, query) {
    s.busy = true;
    s.ws.send(query);
  }

  // An update HTMX is about to GET goes down the open socket instead (at most one in flight, newest next).
  E.on('htmx:confirm', null, function (target, e) {
    var form = e.detail.elt;
    var s = form && form.dataset && sockets[form.dataset.widget];
    if (!s || s.ws.readyState !== WebSocket.OPEN) return;
    e.preventDefault();
    htmx.trigger(form, 'htmx:abort');   // drop any older GET still in flight
    var query = new URLSearchParams(new FormData(form)).toString();
    if (s.busy) s.next = query; else send(s, query);
  });

  E.connectSockets = function () {
    document.querySelectorAll('form[data-socket]').forEach(function (form) { connect(form, 0); });
  };
})(window.Explorables);
