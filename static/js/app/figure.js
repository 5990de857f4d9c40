// One Figure per widget: owns its Plotly charts, and decides when to load Plotly and what to draw.
//
// Lifecycle (the state is mirrored on the widget element as data-figure-state):
//   waiting  not yet near the viewport: holds the latest figures, draws nothing
//   near     within half a screen (or updated by the reader): Plotly requested; whatever figures
//            are latest when it arrives are the ones drawn
//   drawing  Plotly loaded: charts drawn ahead are swapped in at once, the first other changed chart is
//            drawn at once, the others after one paint
//   drawn    every chart shows the latest figures
// waiting -> near             the widget comes within half a screen, or an update arrives before Plotly
// near -> drawing             Plotly has loaded (an update meanwhile only replaces the figures to draw)
// any -> drawing              an update arrives once Plotly is loaded (older pending draws cancelled)
// drawing|drawn -> drawing    the theme changes (every chart redrawn in the new colours)
// drawing -> drawn            the last chart has been drawn
// A chart whose themed JSON is what it already shows is never redrawn, and one whose data did not
// change keeps its datarevision, so Plotly.react redoes only the layout.
// Updates come as changes from the state shown (the request names it as `from`; app/views.py
// changes_since): 0 for a figure, trace or layout as it was. A response made for another state
// than the one shown is not swapped in; the whole update is asked for instead.
// Charts drawn ahead: for an update fetched ahead (anticipate.js calls prepare), each chart it would
// change is drawn off screen in idle time, then taken out of the page's layout (display: none); when the
// update lands, that chart takes the place of the one shown (no Plotly work on the press), and the one it
// replaced is kept for the way back. At most BUFFERS per chart; all dropped when the theme changes; one drawn
// at another width is not used (a chart's size is measured again only when its row is resized, so a swap forces
// no layout). A drag draws ahead too (drag.js): the states around the thumb, once it rests or a mouse rests on it.
// While a drag is followed (drag.js sets dragging): updates are asked for whole (no `from`, so the states
// fetched ahead along the slider answer them); at most CHARTS_PER_FRAME charts change in a frame, the longest
// waiting first: a chart drawn ahead is swapped in, the others drawn one at a time, the first changed one first
// (one that waited DRAG_STALE_MS before it), each after a pause as long as the last drawing took, so drawing never
// takes more than half the main thread; and the rest of the answer (caption, table, live numbers, panels) is
// swapped in when the thumb rests, at most DRAG_TEXT_MS after it came while it moves, the newest answer only, and at
// the drag's end: so input never waits for drawing. A part whose markup comes back unchanged is not swapped.
(function (E) {
  'use strict';
  var PLOT_CONFIG = { displayModeBar: false, responsive: true, displaylogo: false };
  var BUFFERS = 48;   // charts drawn ahead kept per chart (a held drag draws up to 40 states around the thumb, drag.js)
  var IDLE_WAIT_MS = 100;   // a chart is drawn ahead in idle time, or after this long without any
  var CHARTS_PER_FRAME = 2; // during a drag, charts changed in one frame at most
  var DRAG_STALE_MS = 250;  // during a drag, a chart that waited this long is drawn before the first changed one
  var DRAG_TEXT_MS = 400;   // during a drag, the newest answer's text is swapped in this often (and when the thumb rests)
  var figures = {};   // widget id -> Figure
  var swaps = null;
  var revisions = 0;  // every chart drawing gets its own datarevision (elements move between the page and the buffers)
  var host = null;    // the off-screen element holding the charts drawn ahead
  var jobs = [];      // charts to draw ahead, one per idle period
  var sizes = new WeakMap();   // a row of charts -> {chart id -> {width, height}}, as last measured
  var watched = new WeakSet(); // the rows observed (observing one again would report it resized)
  var rows = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) { sizes.delete(e.target); });
  }) : null;

  // The figure JSON in the current theme's colours (pairs from app/figkit.py via <html data-dark-swaps>).
  function themed(json) {
    if (E.isDark()) {
      if (!swaps) swaps = JSON.parse(document.documentElement.dataset.darkSwaps || '[]');
      swaps.forEach(function (pair) { json = json.split(pair[0]).join(pair[1]); });
    }
    return json;
  }

  // A figure's JSON in the current theme, made once per figure object (figures are never changed in place).
  var jsons = new WeakMap();
  function jsonOf(figure) {
    var dark = E.isDark(), got = jsons.get(figure);
    if (!got || got.dark !== dark) jsons.set(figure, got = { dark: dark, json: themed(JSON.stringify(figure)) });
    return got.json;
  }

  function Figure(figdata) {
    this.wid = figdata.dataset.widget;
    this.el = figdata.closest('.widget') || figdata.parentNode;
    this.source = figdata;                       // the figure-data element last taken
    this.figures = JSON.parse(figdata.dataset.figures || '{}');
    this.query = figdata.dataset.query;          // the state this.figures show
    this.shown = {};                             // chart id -> themed JSON it shows
    this.shownData = {};                         // chart id -> themed JSON of its data
    this.revision = {};                          // chart id -> datarevision, new when the data change
    this.buffers = {};                           // chart id -> [{el, json, data, revision, width}] drawn ahead
    this.queued = 0;                             // charts of this widget waiting to be drawn ahead
    this.planned = new Set();                    // which (chart id, JSON) those are
    this.whole = false;                          // the next request asks for the whole update
    this.early = null;                           // the figure data already taken from the response text
    this.nextDraw = null;                        // the pending afterPaint of the drawing in progress
    this.pending = null;                         // the rest of an update answered ahead, swapped in after a paint
    this.drawLatest = this.render.bind(this);    // one callback per figure, so Plotly runs it once
    this.dragging = false;                       // a drag on one of its sliders is being followed (drag.js)
    this.behind = {};                            // chart id -> since when it waits to be drawn, during a drag
    this.freeAt = 0;                             // during a drag, no chart is drawn before this (performance.now)
    this.setState('waiting');
  }

  Figure.prototype.setState = function (state) {
    this.state = state;
    this.el.dataset.figureState = state;
  };

  // The widget has come within half a screen: request Plotly, in a task of its own.
  Figure.prototype.near = function () {
    var self = this;
    setTimeout(function () {
      if (self.state !== 'waiting') return;
      self.setState('near');
      E.withPlotly(self.drawLatest);
    }, 0);
  };

  // New figures from the server: drawn now if Plotly is there, else once it has loaded.
  Figure.prototype.update = function (newFigures) {
    this.figures = newFigures;
    if (window.Plotly) { this.render(); return; }
    if (this.state === 'waiting') this.setState('near');
    E.withPlotly(this.drawLatest);
  };

  // Figures as sent (changes from this.figures) made whole.
  Figure.prototype.merge = function (sent) {
    var held = this.figures, out = {};
    Object.keys(sent).forEach(function (fid) {
      var f = sent[fid], old = held[fid];
      if (f === 0) { out[fid] = old; return; }
      if (!old) { out[fid] = f; return; }
      var fig = Object.assign({}, f);
      fig.data = (f.data || []).map(function (t, i) { return t === 0 ? old.data[i] : t; });
      if (f.layout === 0) fig.layout = old.layout;
      out[fid] = fig;
    });
    return out;
  };

  // Reads an update's figure data from the response text, before htmx swaps anything in, so the
  // first changed chart is drawn first; false when the update was made for another state than the
  // one shown (it is then not swapped in).
  Figure.prototype.read = function (text) {
    var got = sentOf(text);
    if (got.shown !== null && got.shown !== this.query) return false;
    if (got.sent) {
      this.early = got.sent;
      this.update(this.merge(JSON.parse(got.sent)));   // this.query follows once swapped in (take)
    }
    return true;
  };

  // An update's figure data and the state it was made from, read from the response text.
  function sentOf(text) {
    var shown = /data-shown="([^"]*)"/.exec(text), sent = /data-figures='([^']*)'/.exec(text);
    return { shown: shown ? unescape_(shown[1]) : null, sent: sent ? sent[1] : null };
  }

  // An update fetched ahead (anticipate.js): the charts it would change are drawn off screen, in idle time.
  // A whole state next to a slider's thumb (drag.js: a held drag, or a mouse resting on the slider): drawn while
  // `still()` holds (the thumb has not moved on).
  Figure.prototype.prepare = function (text, still) {
    var got = sentOf(text), self = this, query = this.query, dark = E.isDark(), whole = !!still;
    if (!window.Plotly || !got.sent) return;
    if (whole ? got.shown !== null : got.shown !== query || this.pending || this.early !== null) return;
    if (this.state === 'waiting' || this.state === 'near') return;
    var figs = whole ? JSON.parse(got.sent) : this.merge(JSON.parse(got.sent));
    Object.keys(figs).forEach(function (fid) {
      var json = themed(JSON.stringify(figs[fid])), key = fid + '\n' + json;
      if (json === self.shown[fid] || self.buffered(fid, json) || self.planned.has(key)) return;
      self.queued++;
      self.planned.add(key);
      schedule(function () {
        self.queued--;
        self.planned.delete(key);
        if (E.isDark() === dark && (!whole || still())) self.drawAhead(fid, json, whole ? null : query);
      });
    });
  };

  // Whether nothing of this widget is waiting to be drawn ahead (tests wait for it).
  Figure.prototype.ready = function () { return this.queued === 0; };

  Figure.prototype.buffered = function (fid, json) {
    return (this.buffers[fid] || []).some(function (b) { return b.json === json; });
  };

  // Draws one chart off screen, at the size of the one shown, unless the widget has moved on.
  Figure.prototype.drawAhead = function (fid, json, query) {
    var live = document.getElementById('plot-' + this.wid + '-' + fid), self = this;
    if ((query !== null && query !== this.query) || json === this.shown[fid] || this.buffered(fid, json)) return;
    if (!live || !live.classList.contains('js-plotly-plot')) return;
    var box = sizeOf(live), el = document.createElement('div');
    el.className = live.className.replace(/\bjs-plotly-plot\b/, '');
    el.style.width = box.width + 'px';
    el.style.height = box.height + 'px';
    bufferHost().appendChild(el);
    var f = JSON.parse(json), buffer = { el: el, json: json, data: JSON.stringify(f.data), revision: ++revisions, width: box.width };
    f.layout = f.layout || {};
    delete f.layout.height;                       // its box's (app/figkit.py css: taller on a phone)
    f.layout.datarevision = buffer.revision;
    var list = this.buffers[fid] = this.buffers[fid] || [];
    list.push(buffer);
    while (list.length > BUFFERS) drop(list.shift());
    // out of the page's layout once drawn, until it is swapped in (a swap then lays out only the chart it brings)
    Plotly.newPlot(el, f.data, f.layout, PLOT_CONFIG).then(function () { if (el.parentNode === host) el.style.display = 'none'; });
  };

  // The chart drawn ahead showing exactly `json` at the live chart's width, taken out of the buffers; or null.
  Figure.prototype.takeBuffer = function (fid, json, live) {
    var list = this.buffers[fid] || [], i = list.findIndex(function (b) { return b.json === json; });
    if (i < 0 || !live.classList.contains('js-plotly-plot') || live.classList.contains('scrubbing')) return null;
    var buffer = list.splice(i, 1)[0];
    if (Math.abs(buffer.width - sizeOf(live).width) < 0.5 && buffer.el.classList.contains('js-plotly-plot')) return buffer;
    drop(buffer);                                  // drawn at another width (the window was resized)
    return null;
  };

  // Puts a chart drawn ahead in place of the one shown; that one is kept for the way back.
  Figure.prototype.swapIn = function (fid, live, buffer) {
    var size = sizeOf(live), width = size.width, height = size.height;
    Array.prototype.forEach.call(live.attributes, function (a) { if (a.name !== 'style') buffer.el.setAttribute(a.name, a.value); });
    buffer.el.style.width = buffer.el.style.height = buffer.el.style.display = '';
    Plotly.Fx.unhover(live);
    live.replaceWith(buffer.el);
    live.removeAttribute('id');
    live.style.width = width + 'px';
    live.style.height = height + 'px';
    live.style.display = 'none';
    bufferHost().appendChild(live);
    var list = this.buffers[fid] = this.buffers[fid] || [];
    list.push({ el: live, json: this.shown[fid], data: this.shownData[fid], revision: this.revision[fid], width: width });
    while (list.length > BUFFERS) drop(list.shift());
    this.shown[fid] = buffer.json;
    this.shownData[fid] = buffer.data;
    this.revision[fid] = buffer.revision;
  };

  Figure.prototype.dropBuffers = function () {
    var self = this;
    Object.keys(this.buffers).forEach(function (fid) { self.buffers[fid].forEach(drop); });
    this.buffers = {};
  };

  // A chart's size, measured again only once its row has been resized: a swap during a drag forces no layout.
  function sizeOf(live) {
    var row = live.parentNode, known = rows && row ? sizes.get(row) : null;
    if (rows && row && !known) {
      sizes.set(row, known = {});
      if (!watched.has(row)) { watched.add(row); rows.observe(row); }
    }
    var size = known && known[live.id];
    if (!size) {
      var b = live.getBoundingClientRect();
      size = { width: b.width, height: b.height };
      if (known) known[live.id] = size;
    }
    return size;
  }

  function drop(buffer) {
    Plotly.purge(buffer.el);
    buffer.el.remove();
  }

  function bufferHost() {
    if (!host) {
      host = document.createElement('div');
      host.className = 'plot-buffers';
      host.setAttribute('aria-hidden', 'true');
      host.inert = true;
      document.body.appendChild(host);
    }
    return host;
  }

  // One chart drawn ahead per idle period, so a key press waits for at most one.
  function schedule(job) {
    jobs.push(job);
    if (jobs.length === 1) next();
  }
  function next() {
    var run = function () {
      try { jobs.shift()(); } finally { if (jobs.length) next(); }
    };
    if (window.requestIdleCallback) requestIdleCallback(run, { timeout: IDLE_WAIT_MS }); else setTimeout(run, 1);
  }

  // Runs fn (the swap of the rest of an update answered ahead) once the first chart has been painted;
  // flush() runs it at once, before anything else asks about this widget's state.
  // During a drag, a newer answer takes the place of one still waiting, which is never swapped in.
  Figure.prototype.later = function (fn) {
    var self = this;
    if (this.dragging && this.pending) { this.pending.fn = fn; return; }
    if (this.dragging) { this.pending = { fn: fn, handle: { timer: setTimeout(function () { self.flush(); }, DRAG_TEXT_MS) } }; return; }
    this.flush();
    this.pending = { fn: fn, handle: E.afterPaint(function () { self.flush(); }) };
  };
  Figure.prototype.flush = function () {
    var pending = this.pending;
    if (!pending) return;
    this.pending = null;
    E.cancel(pending.handle);
    pending.fn();
  };

  // Takes the widget's figure data if HTMX has swapped in a new one; returns it, or null.
  Figure.prototype.take = function () {
    var fd = document.getElementById('figdata-' + this.wid);
    if (!fd || fd === this.source) return null;
    this.source = fd;
    if (fd.dataset.figures && fd.dataset.figures !== this.early) this.update(this.merge(JSON.parse(fd.dataset.figures)));
    this.query = fd.dataset.query;
    this.early = null;
    landed(fd);
    return fd;
  };

  // A drag starts or ends (drag.js); at its end whatever waits for a frame is drawn as usual.
  Figure.prototype.drag = function (on) {
    var self = this, pending = this.pending;
    this.dragging = on;
    if (on) return;
    if (this.nextDraw) this.render();
    if (pending) {                               // the newest answer's text lands after the next paint
      E.cancel(pending.handle);
      pending.handle = E.afterPaint(function () { self.flush(); });
    }
  };

  // Whether a chart shows something else than `figure`.
  Figure.prototype.differs = function (fid, figure) {
    return this.shown[fid] !== jsonOf(figure);
  };

  // During a drag: at most CHARTS_PER_FRAME charts change in a frame (a chart swapped in costs the page a few ms to lay
  // out and paint), the longest waiting first; one drawn ahead for the latest figures is swapped in (no Plotly work);
  // of the others, one at a time is drawn, the first that changed (or one that waited DRAG_STALE_MS), and the next
  // only after as long again as that one took, so drawing takes at most half of the main thread.
  Figure.prototype.renderFrame = function () {
    var self = this, figs = this.figures, now = performance.now();
    var ids = Object.keys(figs).filter(function (fid) {
      if (!self.differs(fid, figs[fid])) { delete self.behind[fid]; return false; }
      if (!(fid in self.behind)) self.behind[fid] = now;
      return true;
    });
    ids.slice().sort(function (a, b) { return self.behind[a] - self.behind[b]; }).forEach(function (fid) {
      if (frameCharts < CHARTS_PER_FRAME && self.swapped(fid, figs[fid])) {
        counted();
        delete self.behind[fid];
        ids.splice(ids.indexOf(fid), 1);
      }
    });
    if (ids.length && now >= this.freeAt && frameCharts < CHARTS_PER_FRAME) {
      var stale = ids.filter(function (fid) { return now - self.behind[fid] >= DRAG_STALE_MS; });
      stale.sort(function (a, b) { return self.behind[a] - self.behind[b]; });
      var fid = stale.length ? stale[0] : ids[0];
      this.drawChart(fid, figs[fid]);
      counted();
      var done = performance.now();
      this.freeAt = done + (done - now);
      ids.splice(ids.indexOf(fid), 1);
    }
    if (!ids.length) { this.setState('drawn'); return; }
    if (!this.nextDraw) this.nextDraw = { frame: requestAnimationFrame(function () { self.nextDraw = null; self.renderFrame(); }), timer: null };
  };
  // Charts changed during a drag in this frame (counted until the next animation frame).
  var frameCharts = 0, frameReset = 0;
  function counted() {
    frameCharts++;
    if (!frameReset) frameReset = requestAnimationFrame(function () { frameCharts = 0; frameReset = 0; });
  }

  // Draws the latest figures: every chart drawn ahead swapped in at once, then the first other changed chart, and the
  // rest together after a paint.
  Figure.prototype.render = function () {
    if (!window.Plotly) return;
    var self = this, figs = this.figures, i = 0;
    E.cancel(this.nextDraw);
    this.nextDraw = null;
    this.setState('drawing');
    if (this.dragging) { this.renderFrame(); return; }
    var ids = Object.keys(figs).filter(function (fid) { return !self.swapped(fid, figs[fid]); });
    while (i < ids.length && !this.drawChart(ids[i], figs[ids[i]])) i++;
    var rest = ids.slice(i + 1);
    if (!rest.length) { this.setState('drawn'); return; }
    this.nextDraw = E.afterPaint(function () {
      rest.forEach(function (fid) { self.drawChart(fid, figs[fid]); });
      self.nextDraw = null;
      self.setState('drawn');
    });
  };

  // Puts the chart drawn ahead showing `figure` in place of the one shown, if there is one; returns whether it did.
  Figure.prototype.swapped = function (fid, figure) {
    var el = document.getElementById('plot-' + this.wid + '-' + fid), json = jsonOf(figure);
    var buffer = el && this.shown[fid] !== json ? this.takeBuffer(fid, json, el) : null;
    if (buffer) this.swapIn(fid, el, buffer);
    return !!buffer;
  };

  // Draws one chart unless it already shows exactly this; returns whether it drew.
  Figure.prototype.drawChart = function (fid, figure) {
    var el = document.getElementById('plot-' + this.wid + '-' + fid);
    var json = jsonOf(figure);
    if (!el || this.shown[fid] === json) return false;
    delete this.behind[fid];
    if (this.swapped(fid, figure)) return true;
    this.shown[fid] = json;
    if (!el.classList.contains('js-plotly-plot')) el.textContent = '';   // drop the no-JS fallback
    var f = JSON.parse(json), data = JSON.stringify(f.data);
    if (this.shownData[fid] !== data) this.revision[fid] = ++revisions;
    this.shownData[fid] = data;
    f.layout = f.layout || {};
    delete f.layout.height;                       // its box's (app/figkit.py css: taller on a phone)
    f.layout.datarevision = this.revision[fid];
    Plotly.react(el, f.data, f.layout, PLOT_CONFIG);
    return true;
  };

  function unescape_(attr) { return attr.replace(/&amp;/g, '&'); }

  // Tells the page (url.js) that a widget's new state has landed.
  function landed(fd) {
    fd.dispatchEvent(new CustomEvent('explorables:landed', { bubbles: true }));
  }

  E.figure = function (wid) { return figures[wid] || null; };

  // Makes a Figure for every widget on the page and watches which come within half a screen.
  E.startFigures = function () {
    var observer = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        var f = figures[entry.target.dataset.widget];   // the widget or one of its stages
        if (f) f.near();
      });
    }, { rootMargin: '50% 0px' }) : null;
    document.querySelectorAll('.figdata').forEach(function (fd) {
      var f = figures[fd.dataset.widget] = new Figure(fd);
      landed(fd);
      if (!observer || !f.el.classList.contains('widget')) { f.near(); return; }
      document.querySelectorAll('.widget[data-widget="' + f.wid + '"]').forEach(function (el) { observer.observe(el); });
    });
  };

  // An update answered ahead and still waiting for its paint lands before anything asks for another
  // (HTMX picks a request's target, the figure data, before htmx:configRequest).
  ['input', 'change', 'submit'].forEach(function (type) {
    E.on(type, '.controls[data-widget]', function (form) { var f = figures[form.dataset.widget]; if (f && !f.dragging) f.flush(); }, true);
  });

  // A chart's width changed: what was drawn ahead at the old width is dropped.
  var width = window.innerWidth;
  window.addEventListener('resize', function () {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    Object.keys(figures).forEach(function (wid) { figures[wid].dropBuffers(); });
  });

  // A widget's request names the state it shows, so the answer need carry only what changed.
  E.on('htmx:configRequest', null, function (form, evt) {
    var f = form.dataset && figures[form.dataset.widget];
    if (!f || evt.detail.verb !== 'get') return;
    if (!f.dragging) f.flush();                  // an update still being swapped in lands first (a drag's waits)
    if (f.whole) f.whole = false;
    else if (f.query && !f.dragging) evt.detail.parameters['from'] = f.query;   // a drag asks whole (drag.js)
  });

  // The figure data is drawn from the response before the swap; an answer for another state than
  // the one shown is dropped, and the whole update asked for. During a drag the rest of the answer waits
  // (later); an answer whose target, the figure data shown when it was asked for, has been replaced meanwhile
  // (by a drag's text swapped in late) is swapped in by id. Returns whether HTMX may swap it itself.
  function answered(f, text, target) {
    var id = target.id;
    if (!f.dragging) f.flush();                  // an older answer still waiting lands first
    if (!f.read(text)) {
      f.whole = true;
      setTimeout(function () { htmx.trigger(document.getElementById('form-' + f.wid), 'submit'); }, 0);   // once this request has ended
      return false;
    }
    if (!f.dragging && document.body.contains(target)) return true;
    var swap = function () { htmx.swap(document.getElementById(id), text, { swapStyle: 'outerHTML' }); };
    if (f.dragging) f.later(swap); else swap();
    return false;
  }
  E.on('htmx:beforeSwap', null, function (_, evt) {
    var target = evt.detail.target, f = target && target.classList.contains('figdata') && figures[target.dataset.widget];
    if (!f || !evt.detail.shouldSwap) return;
    if (!answered(f, evt.detail.serverResponse, target)) evt.detail.shouldSwap = false;
  });
  // HTMX would send the events of a target no longer in the page nowhere: such an answer is taken here.
  E.on('htmx:beforeOnLoad', 'form.controls', function (form, evt) {
    var target = evt.detail.target, f = figures[form.dataset.widget], xhr = evt.detail.xhr;
    if (!f || !target || document.body.contains(target) || !target.classList.contains('figdata') || xhr.status !== 200) return;
    evt.preventDefault();
    answered(f, xhr.responseText, target);
  });

  // A part swapped in out of band whose new markup is what it already shows is left as it is: the answers of a drag or
  // of key presses repeat most of their words and drawings from one step to the next, and each swap costs a layout.
  E.on('htmx:oobBeforeSwap', null, function (_, evt) {
    var d = evt.detail, frag = d.fragment, target = d.target;
    if (!frag || !target) return;
    if (frag.nodeType === 11 ? frag.childNodes.length === 1 && frag.firstChild.outerHTML === target.outerHTML
                             : frag.innerHTML === target.innerHTML) d.shouldSwap = false;
  });

  // Every HTMX swap may bring a widget new figure data.
  E.on('htmx:afterSwap', null, function () {
    Object.keys(figures).forEach(function (wid) { figures[wid].take(); });
  });

  // A theme change redraws every figure already drawn, in the new colours.
  function redrawAll() {
    Object.keys(figures).forEach(function (wid) {
      var f = figures[wid];
      f.dropBuffers();
      if (f.state === 'drawing' || f.state === 'drawn') f.render();
    });
  }
  E.on('explorables:theme', null, redrawAll);
})(window.Explorables);
