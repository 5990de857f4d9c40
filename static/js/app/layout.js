// Keeps the figure a reader is driving in view without ever moving the page: when a control's change lands in a
// chart or drawing that is mostly off screen, a copy of it is held on the half of the screen away from the control
// (the hold). On wide screens a widget that fits the window is also sticky beside its prose.
(function (E) {
  'use strict';
  var SHOWN = 0.8;          // a part at least this much on screen needs no hold
  var HOLD_MAX = 0.45;      // of the window's height
  var hold = null, holding = null, frame = 0;
  var touched = {};         // widget id -> the parts a change has landed in since the reader's last input there
  var drives = {};          // control name@widget id -> id of the part its last change landed in first

  function parts(widget) {
    return Array.prototype.slice.call(widget.querySelectorAll('.widget-main .plot, .widget-main .panel'));
  }

  // The share of el's box on screen, clipped by the window (parts never sit in scroll panes of their own).
  function shown(el) {
    var b = el.getBoundingClientRect();
    if (!b.height) return 1;
    return Math.max(0, Math.min(b.bottom, window.innerHeight) - Math.max(b.top, 0)) / b.height;
  }

  function holdBox() {
    if (hold) return hold;
    hold = document.createElement('div');
    hold.className = 'hold';
    hold.setAttribute('aria-hidden', 'true');
    hold.inert = true;
    hold.hidden = true;
    document.body.appendChild(hold);
    return hold;
  }

  function release() {
    if (!hold || hold.hidden) return;
    hold.hidden = true;
    hold.textContent = '';
    hold.removeAttribute('data-hold-of');
    holding = null;
  }

  // A copy of the part, scaled to fit the hold, on the side of the screen away from the control.
  function show(part, control) {
    var box = part.getBoundingClientRect(), widget = part.closest('.widget').getBoundingClientRect();
    var h = holdBox(), wide = window.innerWidth >= 1100;
    var left = wide ? widget.left : 0, width = wide ? widget.width : document.documentElement.clientWidth;
    // the side with more room beside the control (its label, track and help), never over it
    var c = (control.closest('.control') || control).getBoundingClientRect();
    var above = c.top, below = window.innerHeight - c.bottom, atTop = above > below;
    var room = Math.min(Math.floor(window.innerHeight * HOLD_MAX), (atTop ? above : below) - 8) - 14;
    var scale = Math.max(0.1, Math.min(1, room / box.height, (width - 14) / box.width));
    var copy = part.cloneNode(true);
    copy.removeAttribute('id');
    copy.querySelectorAll('[id]').forEach(function (el) { el.removeAttribute('id'); });
    copy.querySelectorAll('[aria-labelledby], [aria-describedby]').forEach(function (el) {
      el.removeAttribute('aria-labelledby');
      el.removeAttribute('aria-describedby');
    });
    var frameEl = document.createElement('div');
    frameEl.className = 'hold-frame';
    frameEl.style.width = box.width + 'px';
    frameEl.style.height = box.height + 'px';
    frameEl.style.transform = 'scale(' + scale + ')';
    frameEl.appendChild(copy);
    var fit = document.createElement('div');
    fit.className = 'hold-fit';
    fit.style.width = Math.ceil(box.width * scale) + 'px';
    fit.style.height = Math.ceil(box.height * scale) + 'px';
    fit.appendChild(frameEl);
    h.textContent = '';
    h.appendChild(fit);
    h.classList.toggle('hold-top', atTop);
    h.classList.toggle('hold-bottom', !atTop);
    h.style.left = left + 'px';
    h.style.width = width + 'px';
    h.dataset.holdOf = part.id;
    h.hidden = false;
    holding = { part: part.id, control: control };
  }

  // The control the reader is using: a widget's own, or the slider a number in the prose drives ([[scrub:]]).
  function focusedControl() {
    var a = document.activeElement;
    if (a && a.matches && a.matches('.scrub[data-scrub-for]')) return document.getElementById(a.dataset.scrubFor);
    return a && a.closest && a.closest('.widget form.controls') ? a : null;
  }

  // After a change or a scroll: hold the first part the focused control's last input changed, if it is mostly off
  // screen; a part it changed before stays the one held until its next change lands.
  function refresh() {
    frame = 0;
    var control = focusedControl();
    if (!control) { release(); return; }
    var widget = control.closest('.widget'), key = control.name + '@' + widget.id, seen = touched[widget.id];
    if (seen && seen.size) {
      var first = parts(widget).filter(function (p) { return seen.has(p.id); })[0];
      if (first) drives[key] = first.id;
    }
    var target = document.getElementById(drives[key] || '');
    if (!target || !widget.contains(target) || shown(target) >= SHOWN) { release(); return; }
    var a = document.activeElement;
    show(target, a && a.matches('.scrub') ? a : control);      // away from what is under the hand
  }
  function soon() { if (!frame) frame = requestAnimationFrame(refresh); }

  // Before any handler redraws for it (capture), a new input starts a new record of where its change lands.
  E.on('input', '.widget form.controls', function (form) { touched[form.closest('.widget').id] = new Set(); }, true);
  E.on('focusin', '.widget form.controls, .scrub', soon);
  E.on('focusout', '.widget form.controls, .scrub', function () { setTimeout(function () { soon(); fits(); }, 0); });

  function noted(records) {
    var any = false;
    records.forEach(function (r) {
      var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      var part = el && el.closest('.plot, .panel');
      var found = part ? [part] : Array.prototype.filter.call(r.addedNodes || [], function (n) {
        return n.nodeType === 1 && n.matches('.plot, .panel');
      });
      found.forEach(function (p) {
        var w = p.closest('.widget');
        if (w && touched[w.id] && p.id) { touched[w.id].add(p.id); any = true; }
      });
    });
    if (any || holding) soon();
  }

  E.startLayout = function () {
    window.addEventListener('scroll', function () { if (holding) soon(); }, { passive: true });
    window.addEventListener('resize', function () { fits(); if (holding) soon(); });
    if (window.MutationObserver) {
      var watch = new MutationObserver(noted);
      document.querySelectorAll('.widget > .widget-main').forEach(function (main) {
        watch.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    }
    fits();
    if (!window.ResizeObserver) return;
    var sized = new ResizeObserver(function () { fits(); });
    document.querySelectorAll('.scene > .widget').forEach(function (w) { sized.observe(w); });
  };

  // Wide screens: a widget beside its prose is sticky only where the whole of it fits the window (decided again
  // only while the reader is not using it, so it never comes unstuck under the hand).
  function fits() {
    var control = focusedControl(), using = control && control.closest('.widget');
    document.querySelectorAll('.scene > .widget').forEach(function (w) {
      if (w !== using) w.classList.toggle('fits', w.offsetHeight <= window.innerHeight - 24);
    });
  }
})(window.Explorables);
