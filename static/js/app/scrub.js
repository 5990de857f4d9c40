// Values a reader can drag where they are shown: a number in the prose ([[scrub:]] in content.md), and a
// chart's marker (a figure whose layout.meta.scrub names the slider). Each one drives its widget's slider.
(function (E) {
  'use strict';
  var PX_PER_RANGE = 240;   // dragging this far across a number sweeps its whole range

  function inputFor(span) { return document.getElementById(span.dataset.scrubFor); }

  // Follows one drag on el (whose pointer is captured): move(event) on each move, done() at the end.
  function track(el, move, done) {
    function end() {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', end);
      el.removeEventListener('pointercancel', end);
      if (done) done();
    }
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
  }

  // The number shows the slider's value and carries its slider semantics (name, bounds, spoken value).
  function mirror(span, input) {
    var out = document.getElementById(input.id + '-out'), text = out ? out.textContent : input.value;
    if (span.textContent !== text) span.textContent = text;
    set(span, 'aria-valuenow', input.value);
    set(span, 'aria-valuemin', input.min);
    set(span, 'aria-valuemax', input.max);
    set(span, 'aria-valuetext', input.getAttribute('aria-valuetext') || input.value);
    set(span, 'aria-disabled', input.getAttribute('aria-disabled') === 'true' ? 'true' : null);
  }
  // An attribute written only when it changes (a drag mirrors every move).
  function set(el, name, value) {
    if (el.getAttribute(name) === value) return;
    if (value === null) el.removeAttribute(name); else el.setAttribute(name, value);
  }

  var scrubs = document.getElementsByClassName('scrub');     // live: prose swapped in brings its own
  function syncAll(input) {
    Array.prototype.forEach.call(scrubs, function (span) { if (span.dataset.scrubFor === input.id) mirror(span, input); });
  }

  E.startScrubs = function () {
    document.querySelectorAll('.scrub[data-scrub-for]').forEach(function (span) {
      var input = inputFor(span);
      if (!input) return;
      var label = document.querySelector('label[for="' + input.id + '"]');
      span.setAttribute('role', 'slider');
      span.tabIndex = 0;
      span.setAttribute('aria-label', (label ? label.textContent.trim() : input.name) + ' (drag or use the arrow keys)');
      mirror(span, input);
    });
  };

  // After the slider's own label has moved (controls.js listens in the capture phase), and after an
  // update lands (a reset or a "show me" link sets sliders without an input event).
  E.on('input', 'input[type=range]', syncAll);
  E.on('explorables:landed', '.figdata', function (fd) {
    var form = document.getElementById('form-' + fd.dataset.widget);
    if (form) E.fields(form, 'range').forEach(syncAll);
  });

  E.on('keydown', '.scrub[role=slider]', function (span, e) {
    var input = inputFor(span);
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

  // Dragging a number sideways: a fixed distance per step, so a small drag is a fine adjustment.
  E.on('pointerdown', '.scrub[role=slider]', function (span, e) {
    var input = inputFor(span);
    if (!input || e.button !== 0) return;
    e.preventDefault();
    span.focus();
    span.setPointerCapture(e.pointerId);
    var step = Number(input.step) || 1, start = Number(input.value), x0 = e.clientX;
    var perStep = Math.min(24, Math.max(3, PX_PER_RANGE * step / (Number(input.max) - Number(input.min))));
    span.classList.add('dragging');
    E.beginDrag(input);                          // its updates follow frame by frame (drag.js)
    track(span, function (ev) { E.setInput(input, start + Math.round((ev.clientX - x0) / perStep) * step); },
          function () { span.classList.remove('dragging'); });
  });

  // A chart's marker: pressing or dragging over the plot area moves the named slider to the nearest mark.
  function chartScrub(plot) {
    var f = E.figure(plot.dataset.widget);
    var fig = f && f.figures[plot.dataset.figure];
    var scrub = fig && fig.layout && fig.layout.meta && fig.layout.meta.scrub;
    if (!scrub) return null;
    var input = document.getElementById(plot.dataset.widget + '-' + scrub.param);
    var area = plot.querySelector('.nsewdrag');
    return input && area ? { input: input, area: area, xs: scrub.x, range: fig.layout.xaxis.range } : null;
  }

  function scrubTo(s, clientX) {
    var box = s.area.getBoundingClientRect();
    var x = s.range[0] + (clientX - box.left) / box.width * (s.range[1] - s.range[0]);
    var best = 0;
    s.xs.forEach(function (mark, i) { if (Math.abs(mark - x) < Math.abs(s.xs[best] - x)) best = i; });
    E.setInput(s.input, Number(s.input.min) + best * (Number(s.input.step) || 1));
  }

  E.on('pointerdown', '.plot', function (plot, e) {
    if (e.button !== 0) return;
    var s = chartScrub(plot);
    if (!s) return;
    // Across the plot area's width, at any height of the chart (the marker's handle sits above the area).
    var box = s.area.getBoundingClientRect(), whole = plot.getBoundingClientRect();
    if (e.clientX < box.left - 12 || e.clientX > box.right + 12 || e.clientY < whole.top || e.clientY > box.bottom) return;
    plot.setPointerCapture(e.pointerId);
    plot.classList.add('scrubbing');             // figure.js keeps this chart in place while it is dragged
    E.beginDrag(s.input);
    scrubTo(s, e.clientX);
    track(plot, function (ev) { var now = chartScrub(plot); if (now) scrubTo(now, ev.clientX); },
          function () { plot.classList.remove('scrubbing'); });
  });
})(window.Explorables);
