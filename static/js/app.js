// Client glue for the explorables: draws the Plotly figures the server sends, keeps the address
// bar equal to the canonical deep link, and wires the copy-link and reset controls.
// Served as a file under a strict CSP (script-src 'self'): no inline scripts, no eval.
(function () {
  'use strict';

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
  var latest = {};  // widget id -> its latest figures (to redraw when the theme changes)

  // ---- theme: the server draws figures in light-theme ink and paper colours; in the dark theme
  // they are swapped for their dark counterparts (fills, data colours and patterns stay).
  var darkQuery = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
  function isDark() {
    var chosen = document.documentElement.dataset.theme;
    return chosen ? chosen === 'dark' : !!(darkQuery && darkQuery.matches);
  }
  var DARK_SWAPS = JSON.parse(document.documentElement.dataset.darkSwaps || '[]');   // app/figkit.py
  function themed(json) {
    if (!isDark()) return json;
    DARK_SWAPS.forEach(function (pair) { json = json.split(pair[0]).join(pair[1]); });
    return json;
  }
  function redrawAll() {
    Object.keys(latest).forEach(function (wid) { draw(wid, latest[wid]); });
  }
  function showThemeButton() {
    var b = document.getElementById('theme-toggle');
    if (!b) return;
    b.hidden = false;
    b.setAttribute('aria-pressed', String(isDark()));
    b.textContent = 'Dark theme';
  }
  document.addEventListener('click', function (e) {
    if (!e.target.closest('#theme-toggle')) return;
    var next = isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem('theme', next); } catch (err) { /* not saved; still applied */ }
    showThemeButton();
    redrawAll();
  });
  if (darkQuery && darkQuery.addEventListener) {
    darkQuery.addEventListener('change', function () { showThemeButton(); redrawAll(); });
  }

  // Draws one figure unless it already shows exactly this (Plotly.react cannot tell: it sees
  // new arrays as changed data). Returns whether it drew.
  function drawOne(wid, fid, figures) {
    var id = 'plot-' + wid + '-' + fid;
    var el = document.getElementById(id);
    var json = themed(JSON.stringify(figures[fid]));
    if (!el || drawn[id] === json) return false;
    drawn[id] = json;
    if (!el.classList.contains('js-plotly-plot')) el.textContent = '';  // drop the no-JS fallback
    var figure = JSON.parse(json);
    Plotly.react(el, figure.data, figure.layout, PLOT_CONFIG);
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

  // Plotly (1.2 MB, 330 kB compressed) is loaded only once a figure is about to be seen: a page
  // whose figures are further down does not pay for it at load. Calls made before it has loaded
  // wait for it. (A <link rel=prefetch> was tried: Chromium then reports the file twice.)
  var plotlyWaiting = null;
  function withPlotly(fn) {
    if (window.Plotly) { fn(); return; }
    if (plotlyWaiting) { plotlyWaiting.push(fn); return; }
    var art = article();
    if (!art || !art.dataset.plotly) return;
    plotlyWaiting = [fn];
    var script = document.createElement('script');
    script.src = art.dataset.plotly;
    script.onload = function () {
      var waiting = plotlyWaiting;
      plotlyWaiting = [];
      waiting.forEach(function (f) { f(); });
    };
    script.onerror = function () {
      plotlyWaiting = null;
      announce('The charts could not be loaded; the numbers are in the text and tables.');
    };
    document.head.appendChild(script);
  }

  // The first figure that changed is drawn at once, each of the others after the next paint, so
  // the reader sees the first one without waiting for all. A newer reply cancels older draws.
  var pending = {};
  function draw(wid, figures) {
    if (!window.Plotly) { withPlotly(function () { draw(wid, figures); }); return; }
    var ids = Object.keys(figures);
    latest[wid] = figures;
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

  // Glossary terms: hover and focus open the definition through CSS; a tap (click) toggles it,
  // since a tap does not focus a button in every mobile browser; Escape dismisses it (WCAG 1.4.13).
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    document.querySelectorAll('.gloss').forEach(function (g) {
      if (g.matches(':hover, :focus-within, .open')) { g.classList.remove('open'); g.classList.add('dismissed'); }
    });
  });
  document.addEventListener('focusout', function (e) {
    var g = e.target.closest && e.target.closest('.gloss');
    if (g) { g.classList.remove('dismissed'); g.classList.remove('open'); }
  });
  document.addEventListener('mouseout', function (e) {
    var g = e.target.closest && e.target.closest('.gloss');
    if (g && !g.contains(e.relatedTarget)) g.classList.remove('dismissed');
  });

  // An open definition is moved left as far as it must be to stay inside the window (a term near
  // the right edge would otherwise push it off-screen). Measured each time it opens.
  function placeTip(g) {
    var tip = g.querySelector('.tip');
    if (!tip) return;
    tip.style.left = '';
    var r = tip.getBoundingClientRect();
    if (!r.width) return;
    var over = r.right - (document.documentElement.clientWidth - 8);
    if (over > 0) tip.style.left = -Math.min(over, r.left - 8) + 'px';
  }
  ['mouseover', 'focusin'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var g = e.target.closest && e.target.closest('.gloss');
      if (g) placeTip(g);
    });
  });

  document.addEventListener('click', function (e) {
    var term = e.target.closest('button.term');
    if (term) {
      // A tap opens the definition, a second tap closes it (even though the button keeps focus).
      var g = term.parentNode;
      var opening = !g.classList.contains('open');
      document.querySelectorAll('.gloss.open').forEach(function (o) { o.classList.remove('open'); });
      g.classList.toggle('open', opening);
      g.classList.toggle('dismissed', !opening);
      if (opening) placeTip(g);
      return;
    }
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

  // Previous / Next of a step-through, and the − / + buttons beside every slider, move the
  // slider by `by` steps and update like any slider.
  function step(button, by) {
    var input = document.getElementById(button.dataset.stepFor);
    if (!input) return;
    var size = Number(input.step) || 1;
    var decimals = (String(input.step).split('.')[1] || '').length;
    var raw = Math.min(Number(input.max), Math.max(Number(input.min), Number(input.value) + by * size));
    var next = Number(raw.toFixed(decimals));
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

  document.querySelectorAll('button.copy-link[hidden], .nudge[hidden], .stepper[hidden]').forEach(function (b) {
    b.hidden = false;
  });
  showThemeButton();
  // First paint: a widget's figures are drawn when it comes within half a screen of the viewport,
  // each widget in a task of its own, so loading a page never blocks on figures nobody can see
  // yet. (HTMX updates draw at once, through drawPending.)
  var firstDraw = function (fd) {
    setTimeout(function () { draw(fd.dataset.widget, JSON.parse(fd.dataset.figures)); }, 0);
  };
  var observer = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      var fd = entry.target.querySelector('.figdata');
      if (fd) firstDraw(fd);
    });
  }, { rootMargin: '50% 0px' }) : null;
  document.querySelectorAll('.figdata:not([data-drawn])').forEach(function (fd) {
    fd.dataset.drawn = '1';
    syncUrl(fd);
    var widget = fd.closest('.widget');
    if (observer && widget) observer.observe(widget); else firstDraw(fd);
  });
  document.querySelectorAll('form[data-socket]').forEach(function (form) { connect(form, 0); });
})();
