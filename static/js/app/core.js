// The Explorables namespace: delegated document events, status announcements, paint-aware scheduling.
(function () {
  'use strict';
  var E = window.Explorables = window.Explorables || {};
  var routes = {};   // "type" or "type capture" -> [{selector, fn}], one document listener each

  // Calls fn(match, event) for each `type` event inside `selector` (every event when selector is null).
  E.on = function (type, selector, fn, capture) {
    var key = type + (capture ? ' capture' : '');
    if (!routes[key]) {
      var list = routes[key] = [];
      document.addEventListener(type, function (e) {
        var t = e.target;
        list.forEach(function (r) {
          if (!r.selector) { r.fn(t, e); return; }
          var match = t && t.closest ? t.closest(r.selector) : null;
          if (match) r.fn(match, e);
        });
      }, !!capture);
    }
    routes[key].push({ selector: selector, fn: fn });
  };

  // Announces text to screen readers through the page-wide status line.
  E.announce = function (text) {
    var status = document.getElementById('copy-status');
    if (status) status.textContent = text;
  };

  // Runs fn once the browser has had a chance to paint (a frame, then a task); cancel() stops it.
  E.afterPaint = function (fn) {
    var handle = { timer: null, frame: null };
    handle.frame = requestAnimationFrame(function () { handle.timer = setTimeout(fn, 0); });
    return handle;
  };
  E.cancel = function (handle) {
    if (!handle) return;
    cancelAnimationFrame(handle.frame);
    clearTimeout(handle.timer);
  };

  // The reader's chosen theme, else the system's.
  var darkQuery = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
  E.darkQuery = darkQuery;
  E.isDark = function () {
    var chosen = document.documentElement.dataset.theme;
    return chosen ? chosen === 'dark' : !!(darkQuery && darkQuery.matches);
  };
})();
