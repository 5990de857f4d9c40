// Loads Plotly on first need and runs whatever was waiting for it once it has arrived.
(function (E) {
  'use strict';
  var waiting = null;   // callbacks waiting for the script that is loading; null when none is

  // Runs fn now if Plotly is there, else once it has loaded (each distinct fn at most once per load).
  E.withPlotly = function (fn) {
    if (window.Plotly) { fn(); return; }
    if (waiting) { if (waiting.indexOf(fn) < 0) waiting.push(fn); return; }
    var art = document.querySelector('article.explorable');
    if (!art || !art.dataset.plotly) return;
    waiting = [fn];
    var script = document.createElement('script');
    script.src = art.dataset.plotly;
    script.onload = function () {
      var ready = waiting;
      waiting = [];
      ready.forEach(function (f) { f(); });
    };
    script.onerror = function () {
      waiting = null;   // the next request tries again
      E.announce('The charts could not be loaded; the numbers are in the text and tables.');
    };
    document.head.appendChild(script);
  };
})(window.Explorables);
