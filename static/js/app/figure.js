// One Figure per widget: owns its Plotly charts, and decides when to load Plotly and what to draw.
//
// Lifecycle (the state is mirrored on the widget element as data-figure-state):
//   waiting  not yet near the viewport: holds the latest figures, draws nothing
//   near     within half a screen (or updated by the reader): Plotly requested; whatever figures
//            are latest when it arrives are the ones drawn
//   drawing  Plotly loaded: the first changed chart is drawn at once, the others after one paint
//   drawn    every chart shows the latest figures
// waiting -> near             the widget comes within half a screen, or an update arrives before Plotly
// near -> drawing             Plotly has loaded (an update meanwhile only replaces the figures to draw)
// any -> drawing              an update arrives once Plotly is loaded (older pending draws cancelled)
// drawing|drawn -> drawing    the theme changes (every chart redrawn in the new colours)
// drawing -> drawn            the last chart has been drawn
// A chart whose themed JSON is what it already shows is never redrawn, and one whose data did not
// change keeps its datarevision, so Plotly.react redoes only the layout.
// Updates come as changes from the state shown (the request names it as `from`; app/main.py
// changes_since): 0 for a figure, trace or layout as it was. A response made for another state
// than the one shown is not swapped in; the whole update is asked for instead.
(function (E) {
  'use strict';
  var PLOT_CONFIG = { displayModeBar: false, responsive: true, displaylogo: false };
  var figures = {};   // widget id -> Figure
  var swaps = null;

  // The figure JSON in the current theme's colours (pairs from app/figkit.py via <html data-dark-swaps>).
  function themed(json) {
    if (!E.isDark()) return json;
    if (!swaps) swaps = JSON.parse(document.documentElement.dataset.darkSwaps || '[]');
    swaps.forEach(function (pair) { json = json.split(pair[0]).join(pair[1]); });
    return json;
  }

  function Figure(figdata) {
    this.wid = figdata.dataset.widget;
    this.el = figdata.closest('.widget') || figdata.parentNode;
    this.source = figdata;                       // the figure-data element last taken
    this.figures = JSON.parse(figdata.dataset.figures || '{}');
    this.query = figdata.dataset.query;          // the state this.figures show
    this.shown = {};                             // chart id -> themed JSON it shows
    this.shownData = {};                         // chart id -> themed JSON of its data
    this.revision = {};                          // chart id -> datarevision, bumped when the data change
    this.whole = false;                          // the next request asks for the whole update
    this.early = null;                           // the figure data already taken from the response text
    this.nextDraw = null;                        // the pending afterPaint of the drawing in progress
    this.drawLatest = this.render.bind(this);    // one callback per figure, so Plotly runs it once
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
    var shown = /data-shown="([^"]*)"/.exec(text), sent = /data-figures='([^']*)'/.exec(text);
    if (shown && unescape_(shown[1]) !== this.query) return false;
    if (sent) {
      this.early = sent[1];
      this.update(this.merge(JSON.parse(sent[1])));   // this.query follows once swapped in (take)
    }
    return true;
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

  // Draws the latest figures: the first changed chart at once, the others together after a paint.
  Figure.prototype.render = function () {
    if (!window.Plotly) return;
    var self = this, figs = this.figures, ids = Object.keys(figs), i = 0;
    E.cancel(this.nextDraw);
    this.nextDraw = null;
    this.setState('drawing');
    while (i < ids.length && !this.drawChart(ids[i], figs[ids[i]])) i++;
    var rest = ids.slice(i + 1);
    if (!rest.length) { this.setState('drawn'); return; }
    this.nextDraw = E.afterPaint(function () {
      rest.forEach(function (fid) { self.drawChart(fid, figs[fid]); });
      self.nextDraw = null;
      self.setState('drawn');
    });
  };

  // Draws one chart unless it already shows exactly this; returns whether it drew.
  Figure.prototype.drawChart = function (fid, figure) {
    var el = document.getElementById('plot-' + this.wid + '-' + fid);
    var json = themed(JSON.stringify(figure));
    if (!el || this.shown[fid] === json) return false;
    this.shown[fid] = json;
    if (!el.classList.contains('js-plotly-plot')) el.textContent = '';   // drop the no-JS fallback
    var f = JSON.parse(json), data = JSON.stringify(f.data);
    if (this.shownData[fid] !== data) this.revision[fid] = (this.revision[fid] || 0) + 1;
    this.shownData[fid] = data;
    f.layout = f.layout || {};
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
        Object.keys(figures).forEach(function (wid) { if (figures[wid].el === entry.target) figures[wid].near(); });
      });
    }, { rootMargin: '50% 0px' }) : null;
    document.querySelectorAll('.figdata').forEach(function (fd) {
      var f = figures[fd.dataset.widget] = new Figure(fd);
      landed(fd);
      if (observer && f.el.classList.contains('widget')) observer.observe(f.el); else f.near();
    });
  };

  // A widget's request names the state it shows, so the answer need carry only what changed.
  E.on('htmx:configRequest', null, function (form, evt) {
    var f = form.dataset && figures[form.dataset.widget];
    if (!f || evt.detail.verb !== 'get') return;
    if (f.whole) f.whole = false;
    else if (f.query) evt.detail.parameters['from'] = f.query;
  });

  // The figure data is drawn from the response before the swap; an answer for another state than
  // the one shown is dropped, and the whole update asked for.
  E.on('htmx:beforeSwap', null, function (_, evt) {
    var target = evt.detail.target, f = target && target.classList.contains('figdata') && figures[target.dataset.widget];
    if (!f || !evt.detail.shouldSwap) return;
    if (f.read(evt.detail.serverResponse)) return;
    evt.detail.shouldSwap = false;
    f.whole = true;
    setTimeout(function () { htmx.trigger(document.getElementById('form-' + f.wid), 'submit'); }, 0);   // once this request has ended
  });

  // Every HTMX swap may bring a widget new figure data.
  E.on('htmx:afterSwap', null, function () {
    Object.keys(figures).forEach(function (wid) { figures[wid].take(); });
  });

  // A theme change redraws every figure already drawn, in the new colours.
  E.on('explorables:theme', null, function () {
    Object.keys(figures).forEach(function (wid) {
      var f = figures[wid];
      if (f.state === 'drawing' || f.state === 'drawn') f.render();
    });
  });
})(window.Explorables);
