// Bars a reader drags in a drawing (the plateau odds' lettered rows, app/pages/llm_plateau/macro_breakdown.html):
// each [data-bar-for] is an ARIA slider whose value is the share its bar shows. Moving it sets the weight sliders of
// its drawing together (one update, as a "show me" link does) so that its letter's share is where the hand put it,
// the other letters giving or taking the difference in proportion to their weights. Without scripts the drawing is a
// picture and the form's weight sliders are the controls.
(function (E) {
  'use strict';

  function inputFor(bar) { return document.getElementById(bar.dataset.barFor); }

  // The bars get their role where scripts run: on load, and in each panel swapped in (before htmx puts focus back
  // on the bar of the same id, which needs it focusable). Each weight slider says its letter's share beside it.
  function arm(root) {
    root.querySelectorAll('[data-bar-for]').forEach(function (bar) {
      bar.setAttribute('role', 'slider');
      bar.setAttribute('tabindex', '0');
      var svg = bar.closest('svg');
      if (svg) { svg.setAttribute('role', 'group'); svg.classList.add('bars-live'); }
      showShare(bar);
    });
    root.querySelectorAll('.bars-hint[hidden]').forEach(function (hint) { hint.hidden = false; });
  }

  // Under a weight slider, the share its bar shows (the server's words, data-share), read with the slider.
  function showShare(bar) {
    var input = inputFor(bar), control = input && input.closest('.control');
    if (!control || !bar.dataset.share) return;
    var id = input.id + '-share', out = document.getElementById(id);
    if (!out) {
      out = document.createElement('span');
      out.id = id;
      out.className = 'bars-share';
      control.appendChild(out);
      control.classList.add('has-share');
      input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') || '') + ' ' + id);
    }
    if (out.textContent !== bar.dataset.share) out.textContent = bar.dataset.share;
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

  // The weight sliders of a bar's drawing, in its order, and the bar's own place among them.
  function group(bar) {
    var inputs = [];
    bar.closest('svg').querySelectorAll('[data-bar-for]').forEach(function (b) {
      var input = inputFor(b);
      if (input) inputs.push(input);
    });
    return { inputs: inputs, at: inputs.indexOf(inputFor(bar)) };
  }
  function stepOf(input) { return Number(input.step) || 1; }
  // Weights counted in steps of their sliders (all of a drawing's sliders share bounds and step).
  function units(inputs) {
    return inputs.map(function (input) { return Math.round((Number(input.value) - Number(input.min)) / stepOf(input)); });
  }
  function shareOf(u, at) {
    var total = u.reduce(function (s, x) { return s + x; }, 0);
    return total ? u[at] / total : 1 / u.length;       // all at zero reads as equal odds (the model's rule)
  }

  // `total` weight shared out to the letters `o` (weights) in proportion, in whole steps (largest remainders), none
  // above `top`; null where one would be.
  function split(o, osum, total, top) {
    var exact = o.map(function (x) { return x * total / osum; });
    var d = exact.map(Math.floor), left = total - d.reduce(function (s, x) { return s + x; }, 0);
    var order = exact.map(function (x, j) { return j; })
      .sort(function (p, q) { return (exact[q] - d[q]) - (exact[p] - d[p]) || p - q; });
    for (var k = 0; k < left; k++) d[order[k]] += 1;
    return d.every(function (x) { return x <= top; }) ? d : null;
  }

  var NEAR = 1;     // percentage points: the weights chosen put the share within this of the nearest the steps allow

  // The weights (in steps, each 0 to `top`) that give letter `at` the share `f` (0 to 1), starting from weights `ref`:
  // ideally the total stays (at least one slider's range, for finer shares) and the others keep their ratios (equal
  // where they are all zero); of the weights on the sliders' steps whose share is within NEAR of the nearest to `f`,
  // the one closest to that ideal.
  function weightsFor(ref, at, f, top) {
    var n = ref.length, idx = [], o = [], sum = 0;
    ref.forEach(function (u, j) { if (j !== at) { idx.push(j); o.push(u); sum += u; } });
    if (!sum) o = o.map(function () { return 1; });
    var osum = sum || o.length, omax = Math.max.apply(null, o);
    var total = Math.min(Math.max(ref.reduce(function (s, x) { return s + x; }, 0), top),
                         f > 0 ? top / f : Infinity, f < 1 ? top * osum / ((1 - f) * omax) : Infinity);
    var ideal = o.map(function (x) { return (1 - f) * total * x / osum; }), mine = f * total;
    var found = [], least = Infinity;
    for (var a = 0; a <= top; a++) {
      for (var rest = a ? 0 : 1; rest <= top * o.length; rest++) {
        var d = split(o, osum, rest, top);
        if (!d) continue;
        var off = Math.abs(a / (a + rest) - f) * 100, far = (a - mine) * (a - mine);
        d.forEach(function (x, k) { far += (x - ideal[k]) * (x - ideal[k]); });
        found.push({ a: a, d: d, off: off, far: far });
        least = Math.min(least, off);
      }
    }
    var best = null;
    found.forEach(function (c) { if (c.off <= least + NEAR && (!best || c.far < best.far)) best = c; });
    var out = ref.slice();
    out[at] = best.a;
    best.d.forEach(function (x, k) { out[idx[k]] = x; });
    return out;
  }
  E.weightsFor = weightsFor;

  // What the reader started from: a bar's moves (a drag, a run of key presses) all start from the weights before the
  // first of them, so the others' ratios are not worn away by rounding; anything else that sets the weights ends it.
  var run = null;    // {bar: the input's id, from: the weights before, made: the weights it last set}
  function from(inputs, at) {
    var now = units(inputs), id = inputs[at].id;
    if (!run || run.bar !== id || run.made !== now.join()) run = { bar: id, from: now, made: null };
    return run.from;
  }

  // Sets every weight of the group at once and updates once: one input event, on the bar's own slider (so the form
  // sends one request, and the address, the hold and the values shown follow as for any slider).
  function setWeights(inputs, at, u) {
    var lead = inputs[at], changed = false;
    if (inputs.some(function (input) { return input.getAttribute('aria-disabled') === 'true'; })) return;
    inputs.forEach(function (input, j) {
      var next = E.spell(input, Number(input.min) + u[j] * stepOf(input));
      if (next === input.value) return;
      input.value = next;
      E.showValue(input);
      changed = true;
    });
    run.made = u.join();
    if (changed) lead.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function topOf(input) { return Math.round((Number(input.max) - Number(input.min)) / stepOf(input)); }

  function setShare(bar, f) {
    var g = group(bar);
    if (g.at < 0) return;
    var top = topOf(g.inputs[g.at]);
    setWeights(g.inputs, g.at, weightsFor(from(g.inputs, g.at), g.at, Math.max(0, Math.min(1, f)), top));
  }

  // Keys move the share (the bar's value, in percentage points) by the weight slider's step, a page by ten of them
  // (at least a step), Home and End to 0 and 100%; a press always moves the share shown, where the steps allow.
  E.on('keydown', '[data-bar-for][role=slider]', function (bar, e) {
    var g = group(bar);
    if (g.at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    var step = stepOf(g.inputs[g.at]), page = Math.max(step, 10);
    var moves = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: page, PageDown: -page };
    if (!(e.key in moves) && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    var ref = from(g.inputs, g.at), top = topOf(g.inputs[g.at]), now = shareOf(units(g.inputs), g.at);
    if (e.key === 'Home' || e.key === 'End') { setShare(bar, e.key === 'Home' ? 0 : 1); return; }
    var by = moves[e.key] / 100, shown = Math.round(now * 100), u = null;
    for (var f = now + by; ; f += by) {
      var target = Math.max(0, Math.min(1, f));
      u = weightsFor(ref, g.at, target, top);
      var then = Math.round(shareOf(u, g.at) * 100);
      if ((by > 0 ? then > shown : then < shown) || target === 0 || target === 1) break;
    }
    setWeights(g.inputs, g.at, u);
  });

  // Pressing or dragging along a bar's track: the bar's end goes where the pointer is, as near as the sliders' steps
  // allow (past either end of the track: 0 or 100%). The panel (which stays while its drawing is swapped) holds the
  // pointer; the bar is found again by id on each move.
  E.on('pointerdown', '[data-bar-for][role=slider]', function (bar, e) {
    var panel = bar.closest('.panel');
    if (!inputFor(bar) || !panel || e.button !== 0) return;
    e.preventDefault();
    bar.focus({ preventScroll: true });
    var id = bar.id;
    function to(clientX) {
      var now = document.getElementById(id) || bar, box = now.querySelector('.bd-track').getBoundingClientRect();
      setShare(now, (clientX - box.left) / box.width);
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
