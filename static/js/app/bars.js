// Bars a reader drags in a drawing (the plateau odds' lettered rows, app/pages/llm_plateau/macro_breakdown.html):
// each [data-bar-for] is an ARIA slider whose value is the share its bar shows, and it moves the weight slider it
// names through the same setInput as the −/+ buttons, so bounds, steps and updates are that slider's. Without
// scripts the drawing is a picture and the form's sliders are the controls.
(function (E) {
  'use strict';

  function inputFor(bar) { return document.getElementById(bar.dataset.barFor); }

  // The bars get their role where scripts run: on load, and in each panel swapped in (before htmx puts focus back
  // on the bar of the same id, which needs it focusable).
  function arm(root) {
    root.querySelectorAll('[data-bar-for]').forEach(function (bar) {
      bar.setAttribute('role', 'slider');
      bar.setAttribute('tabindex', '0');
      var svg = bar.closest('svg');
      if (svg) { svg.setAttribute('role', 'group'); svg.classList.add('bars-live'); }
    });
    root.querySelectorAll('.bars-hint[hidden]').forEach(function (hint) { hint.hidden = false; });
  }
  arm(document);

  // A panel's drawing is swapped in whole on each update: the new bars get their role, and the bar in use gets the
  // focus back (it went with the old drawing).
  var using = null;      // the id of the bar the reader is using
  E.on('focusin', null, function (t) { using = t.matches && t.matches('[data-bar-for]') ? t.id : using && t === document.body ? using : null; });
  if (window.MutationObserver) {
    var watch = new MutationObserver(function (records) {
      records.forEach(function (r) { arm(r.target); });
      var a = document.activeElement, bar = using && document.getElementById(using);
      if (bar && (!a || a === document.body || !a.isConnected)) bar.focus({ preventScroll: true });
    });
    document.querySelectorAll('.panel').forEach(function (panel) {
      if (panel.querySelector('[data-bar-for]')) watch.observe(panel, { childList: true });
    });
  }

  // The other weights of the bar's group of sliders (its form's other ranges named by bars in the same drawing).
  function others(bar, input) {
    var total = 0;
    bar.closest('svg').querySelectorAll('[data-bar-for]').forEach(function (b) {
      var other = inputFor(b);
      if (other && other !== input) total += Number(other.value);
    });
    return total;
  }

  // The weight that puts this bar nearest the share `s` (0 to 1) given the others' weights; with the others at
  // zero any weight above zero is the whole, so the share is read as the weight's place on its range.
  function weightFor(s, rest, input) {
    var min = Number(input.min), max = Number(input.max);
    var w = rest === 0 ? min + s * (max - min) : s >= 1 ? max : s * rest / (1 - s);
    return Math.max(min, Math.min(max, w));
  }

  E.on('keydown', '[data-bar-for][role=slider]', function (bar, e) {
    var input = inputFor(bar);
    if (!input || e.altKey || e.ctrlKey || e.metaKey) return;
    var step = Number(input.step) || 1, min = Number(input.min), max = Number(input.max);
    var page = Math.max(step, Math.round((max - min) / 10 / step) * step);
    var moves = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: page, PageDown: -page };
    var value = Number(input.value);
    if (e.key in moves) value += moves[e.key];
    else if (e.key === 'Home') value = min;
    else if (e.key === 'End') value = max;
    else return;
    e.preventDefault();
    E.setInput(input, value);
  });

  // Pressing or dragging along a bar's track: the bar's end follows the pointer as far as the weights allow. The
  // panel (which stays while its drawing is swapped) holds the pointer; the bar is found again by id on each move.
  E.on('pointerdown', '[data-bar-for][role=slider]', function (bar, e) {
    var input = inputFor(bar), panel = bar.closest('.panel');
    if (!input || !panel || e.button !== 0) return;
    e.preventDefault();
    bar.focus({ preventScroll: true });
    var id = bar.id, step = Number(input.step) || 1;
    function to(clientX) {
      var now = document.getElementById(id) || bar, track = now.querySelector('.bd-track');
      var box = track.getBoundingClientRect();
      var s = Math.max(0, Math.min(1, (clientX - box.left) / box.width));
      var w = weightFor(s, others(now, input), input);
      E.setInput(input, Number(input.min) + Math.round((w - Number(input.min)) / step) * step);
    }
    function move(ev) { to(ev.clientX); }
    function end() {
      panel.removeEventListener('pointermove', move);
      panel.removeEventListener('pointerup', end);
      panel.removeEventListener('pointercancel', end);
      panel.classList.remove('bars-dragging');
      var now = document.getElementById(id);
      if (now && document.activeElement !== now) now.focus({ preventScroll: true });
    }
    panel.setPointerCapture(e.pointerId);
    panel.classList.add('bars-dragging');
    panel.addEventListener('pointermove', move);
    panel.addEventListener('pointerup', end);
    panel.addEventListener('pointercancel', end);
    to(e.clientX);
  });
})(window.Explorables);
