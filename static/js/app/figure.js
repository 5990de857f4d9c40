// One Figure per widget: owns its Plotly charts, and decides when to load Plotly and what to draw.
//
// Lifecycle (the state is mirrored on the widget element as data-figure-state):
//   waiting  not yet near the viewport: holds the latest figures, draws nothing
//   near     within half a screen (or updated by the reader): Plotly requested; whatever figures
//            are latest when it arrives are the ones drawn
//   drawing  Plotly loaded: the first changed chart is drawn at once, each other after a paint
//   drawn    every chart shows the latest figures
// waiting -> near             the widget comes within half a screen, or an update arrives before Plotly
// near -> drawing             Plotly has loaded (an update meanwhile only replaces the figures to draw)
// any -> drawing              an update arrives once Plotly is loaded (older pending draws cancelled)
// drawing|drawn -> drawing    the theme changes (every chart redrawn in the new colours)
// drawing -> drawn            the last chart has been drawn
// A chart whose themed JSON is what it already shows is never redrawn.
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
    this.shown = {};                             // chart id -> themed JSON it shows
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

  // Takes the widget's figure data if HTMX has swapped in a new one; returns it, or null.
  Figure.prototype.take = function () {
    var fd = document.getElementById('figdata-' + this.wid);
    if (!fd || fd === this.source) return null;
    this.source = fd;
    if (fd.dataset.figures) this.update(JSON.parse(fd.dataset.figures));
    landed(fd);
    return fd;
  };

  // Draws the latest figures: the first changed chart at once, each remaining one after a paint.
  Figure.prototype.render = function () {
    if (!window.Plotly) return;
    var self = this, figs = this.figures, ids = Object.keys(figs);
    E.cancel(this.nextDraw);
    this.nextDraw = null;
    this.setState('drawing');
    function next(i) {
      while (i < ids.length && !self.drawChart(ids[i], figs[ids[i]])) i++;
      if (i + 1 < ids.length) self.nextDraw = E.afterPaint(function () { next(i + 1); });
      else { self.nextDraw = null; self.setState('drawn'); }
    }
    next(0);
  };

  // Draws one chart unless it already shows exactly this; returns whether it drew.
  Figure.prototype.drawChart = function (fid, figure) {
    var el = document.getElementById('plot-' + this.wid + '-' + fid);
    var json = themed(JSON.stringify(figure));
    if (!el || this.shown[fid] === json) return false;
    this.shown[fid] = json;
    if (!el.classList.contains('js-plotly-plot')) el.textContent = '';   // drop the no-JS fallback
    var f = JSON.parse(json);
    Plotly.react(el, f.data, f.layout, PLOT_CONFIG);
    return true;
  };

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
