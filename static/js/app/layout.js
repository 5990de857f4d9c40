// Keeps the figure a reader is driving in view without ever moving the page: when a control's change lands in charts
// or drawings that are mostly off screen, a live copy of the first of them is held on the side of the screen with
// more room beside the control, or the other side where that leaves a part changing in view uncovered (the hold). On wide screens a widget that fits the window is also sticky.
(function (E) {
  'use strict';
  var SHOWN = 0.8;          // a part at least this much on screen needs no hold
  var HOLD_MAX = 0.45;      // of the window's height
  var LINGER_MS = 500;      // a hold stays this long after it was last needed, so a drag never makes it flicker
  var hold = null, holding = null, frame = 0, neededAt = 0, using = null, lingering = null;
  var dirty = false;        // the held part changed since its copy was made: the copy is made again
  var DRAG_COPY_MS = 100, copiedAt = 0, recopy = null;
  var touched = {};         // widget id -> ids of the parts the reader's latest input there has changed
  var before = {};          // panel id -> its markup when that input came (a swap may bring the same markup back)
  var sent = {};            // widget id -> ids of the charts whose figure that input's updates changed

  // A widget's charts and drawings, those of its later stages (framework.Stage) included: `el` is any element of it.
  var mains = {};           // widget id -> its .widget-main elements and its stages' (found once: they stay)
  function parts(el) {
    var w = el.closest('.widget').dataset.widget, list = mains[w], out = [];
    if (!list || !list.every(function (m) { return m.isConnected; })) {
      list = mains[w] = Array.prototype.slice.call(document.querySelectorAll('.widget[data-widget="' + w + '"] > .widget-main'));
    }
    list.forEach(function (main) {
      // in document order: charts (not Plotly's own g.plot inside them) and drawings
      out.push.apply(out, main.querySelectorAll('.plot-row > .plot, .panel'));
    });
    return out;
  }
  function wid(el) { return el.closest('.widget').dataset.widget; }

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
    holding = null;
    dirty = false;
    if (!hold || hold.hidden) return;
    hold.hidden = true;
    hold.textContent = '';
    hold.removeAttribute('data-hold-of');
  }

  // A copy of the part, scaled to fit the hold, on the side of the screen with more room beside what the reader is
  // using (never over it), labelled with where the original is.
  function show(part, under, avoid) {
    var box = part.getBoundingClientRect(), widget = part.closest('.widget').getBoundingClientRect();
    var h = holdBox(), wide = window.innerWidth >= 1100;
    var left = wide ? widget.left : 0, width = wide ? widget.width : document.documentElement.clientWidth;
    var c = (under.closest('.control') || under).getBoundingClientRect();
    var above = c.top, below = window.innerHeight - c.bottom, atTop = above > below;
    // not over a part the reader can see changing, where the other side has room and leaves it clear
    var covers = function (top, height) {
      return (avoid || []).some(function (p) {
        var b = p.getBoundingClientRect();
        return b.bottom > top && b.top < top + height;
      });
    };
    var crop = drawing(part) ? region(part, Math.min(Math.floor(window.innerHeight * HOLD_MAX), Math.max(c.top,
      window.innerHeight - c.bottom) - 8) - 40) : null;
    var copy = part.cloneNode(true);
    copy.removeAttribute('id');
    copy.querySelectorAll('[id]').forEach(function (el) { el.removeAttribute('id'); });
    copy.querySelectorAll('[aria-labelledby], [aria-describedby]').forEach(function (el) {
      el.removeAttribute('aria-labelledby');
      el.removeAttribute('aria-describedby');
    });
    copy.querySelectorAll('.panel-key').forEach(function (el) { el.remove(); });   // keys never change
    if (crop) cropTo(copy, crop);
    var layoutWidth = box.width;
    var frameEl = document.createElement('div');
    frameEl.className = 'hold-frame';
    frameEl.style.width = layoutWidth + 'px';
    frameEl.appendChild(copy);
    var fit = document.createElement('div');
    fit.className = 'hold-fit';
    fit.appendChild(frameEl);
    var label = document.createElement('p');
    label.className = 'hold-label';
    label.textContent = 'Live copy of ' + (crop ? 'the part that changed, in the figure ' : 'the figure ') +
      ((crop ? crop.middle : box.top + box.height / 2) < window.innerHeight / 2 ? 'above ↑' : 'below ↓');
    h.textContent = '';
    h.appendChild(label);
    h.appendChild(fit);
    h.style.visibility = 'hidden';
    h.hidden = false;
    var tall = frameEl.offsetHeight || box.height;
    var fitIn = function (top) {
      var room = Math.min(Math.floor(window.innerHeight * HOLD_MAX), (top ? above : below) - 8) - 14 - label.offsetHeight;
      var k = Math.max(0.1, Math.min(1, room / tall, (width - 14) / layoutWidth));
      var height = tall * k + label.offsetHeight + 14;
      return { scale: k, clear: !covers(top ? 0 : window.innerHeight - height, height), room: room };
    };
    var here = fitIn(atTop), there = fitIn(!atTop);
    if (!here.clear && there.clear && there.room > 80) { atTop = !atTop; here = there; }
    // a drawing is never shrunk below its size on the page: what does not fit is cut at the hold's foot
    var scale = here.scale, high = tall * scale;
    if (drawing(part) && scale < 1) { scale = 1; high = Math.max(40, Math.min(tall, here.room)); }
    frameEl.style.transform = 'scale(' + scale + ')';
    fit.style.width = Math.ceil(layoutWidth * scale) + 'px';
    fit.style.height = Math.ceil(high) + 'px';
    h.classList.toggle('hold-top', atTop);
    h.classList.toggle('hold-bottom', !atTop);
    h.style.left = left + 'px';
    h.style.width = width + 'px';
    h.dataset.holdOf = part.id;
    h.style.visibility = '';
    holding = part.id;
    dirty = false;
    copiedAt = performance.now();
  }

  function drawing(part) { return part.classList.contains('panel'); }

  // Where a drawing is too big for the hold at its own size, the hold shows the part of it the reader's input
  // changed, at the size it is drawn on the page (so its words keep the page's size): the band, in the drawing's units,
  // across its elements whose markup was not there before the input, at most `room` px tall from the change's top.
  // null where that is not one drawing or nothing is found.
  function region(part, room) {
    var old = before[part.id];
    if (old === undefined || part.getBoundingClientRect().height <= room) return null;
    var was = new Set(), then = document.createElement('template');
    then.innerHTML = old;
    then.content.querySelectorAll('svg.diagram *').forEach(function (el) { was.add(shallow(el)); });
    var all = part.querySelectorAll('svg.diagram'), svg = null, box = null;
    // the first drawing shown that changed (a panel may hold several, one above the other)
    for (var i = 0; i < all.length && !box; i++) {
      if (!all[i].getClientRects().length) continue;
      svg = all[i];
      svg.querySelectorAll('*').forEach(function (el) {
        if (el.closest('defs, title, desc') || was.has(shallow(el))) return;
        var r = el.getBoundingClientRect();
        if (!r.width && !r.height) return;
        box = box ? { t: Math.min(box.t, r.top), b: Math.max(box.b, r.bottom) } : { t: r.top, b: r.bottom };
      });
    }
    if (!box) return null;
    var vb = svg.viewBox.baseVal, sr = svg.getBoundingClientRect();
    if (!vb || !vb.width || !sr.width) return null;
    var k = sr.width / vb.width, pad = 12, y = Math.max(vb.y, vb.y + (box.t - sr.top) / k - pad);
    var h = Math.min(vb.y + vb.height, vb.y + (box.b - sr.top) / k + pad, y + room / k) - y;
    var want = Math.min(room / k, vb.height);       // a narrow band gets what is around it, as room allows
    if (h < want) {
      y = Math.max(vb.y, Math.min(y - (want - h) / 2, vb.y + vb.height - want));
      h = want;
    }
    return { index: [].indexOf.call(part.querySelectorAll('svg.diagram'), svg), x: vb.x, y: y, w: vb.width, h: h, k: k,
             middle: sr.top + (y - vb.y + h / 2) * k };     // where the band sits on screen
  }
  // An element's own markup (its tag, attributes and own text), not its children's.
  function shallow(el) {
    var own = '';
    el.childNodes.forEach(function (n) { if (n.nodeType === 3) own += n.nodeValue; });
    return el.tagName + [].map.call(el.attributes, function (a) {    // a part's link carries the state: not a change
      return a.name === 'href' || a.name === 'aria-current' ? '' : ' ' + a.name + '=' + a.value;
    }).join('') + '|' + own;
  }
  // The copy shows only that drawing, cropped to the region, at the page's size.
  function cropTo(copy, crop) {
    var svg = copy.querySelectorAll('svg.diagram')[crop.index];
    for (var el = svg; el && el !== copy; el = el.parentElement) {
      [].forEach.call(el.parentElement.children, function (sib) { if (sib !== el) sib.style.display = 'none'; });
    }
    svg.setAttribute('viewBox', [crop.x, crop.y, crop.w, crop.h].join(' '));
    svg.style.width = crop.w * crop.k + 'px';
    svg.style.height = crop.h * crop.k + 'px';
    svg.style.maxWidth = 'none';
    svg.style.margin = '0 auto';
  }

  // The slider the reader is using: a widget's own (or the one its −/+ buttons step), or the one a number in the
  // prose drives ([[scrub:]]); and the element under the hand.
  function inUse() {
    var a = document.activeElement;
    if (!a || !a.matches) return null;
    if (a.matches('.scrub[data-scrub-for]')) return { control: document.getElementById(a.dataset.scrubFor), under: a };
    if (a.matches(SHOW)) return { control: document.getElementById(a.dataset.showFor), under: a };
    if (!a.closest('.widget .controls, .widget .stepper')) return null;
    var stepped = a.matches('[data-step-for]') ? document.getElementById(a.dataset.stepFor) : null;
    return { control: stepped || a, under: a };
  }

  // A "show me" link in the prose sets its widget without moving the page (controls.js): the change shows in the hold
  // where the widget is off screen, and the link is kept where it was pressed while the sentences around it are
  // rewritten (the browser's scroll anchoring is off meanwhile: it may anchor on a sentence above that changes).
  var SHOW = 'a.show-me[data-show-for]', PIN_MS = 3000;
  var pinned = null;        // {el, top, until}: the link pressed and where it sat on screen
  var pageWatch = window.MutationObserver ? new MutationObserver(function () { pin(); }) : null;
  function pin() {
    if (!pinned) return;
    if (Date.now() > pinned.until || !document.body.contains(pinned.el)) { unpin(); return; }
    // the window scrolled since we last kept the link (scroll anchoring is off meanwhile): the reader's scroll, followed
    if (window.scrollY !== pinned.y) { pinned.top = pinned.el.getBoundingClientRect().top; pinned.y = window.scrollY; return; }
    var d = pinned.el.getBoundingClientRect().top - pinned.top;
    if (Math.abs(d) >= 1) window.scrollBy(0, d);
    pinned.y = window.scrollY;
  }
  function unpin() {
    pinned = null;
    document.documentElement.classList.remove('pinning');
    if (pageWatch) pageWatch.disconnect();
  }
  E.on('click', SHOW, function (link) {
    var form = document.getElementById(link.dataset.showFor);
    if (!form) return;
    snapshot(form.closest('.widget'));
    pinned = { el: link, top: link.getBoundingClientRect().top, y: window.scrollY, until: Date.now() + PIN_MS };
    document.documentElement.classList.add('pinning');
    if (pageWatch) pageWatch.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  }, true);

  function onScreen(el) {
    var b = el.getBoundingClientRect();
    return b.bottom > 0 && b.top < window.innerHeight;
  }

  // After a change or a scroll: hold the first part the latest input changed that is mostly off screen. Where things
  // are is read after the frame has been laid out and painted, so reading it forces no layout of its own.
  function refresh() {
    frame = 0;
    var use = inUse();
    if (!use || !use.control || !onScreen(use.under)) { release(); return; }
    var all = parts(use.control), seen = touched[wid(use.control)];
    // a chart counts only if an update sent its figure changed (a first drawing redraws them all)
    var changed = all.filter(function (p) {
      return seen && seen.has(p.id) && (p.classList.contains('panel') || sent[wid(use.control)].has(p.id));
    });
    var held = holding && document.getElementById(holding);
    var target = null;
    // where the change shows in view in the part of the widget the reader is using, changes elsewhere are not held
    var block = (use.under.closest('.widget') || use.control.closest('.widget'));
    var mine = changed.filter(function (p) { return block.contains(p); });
    if (mine.some(function (p) { return shown(p) >= SHOWN; })) changed = mine;
    var off = changed.filter(function (p) { return shown(p) < SHOWN; });
    if (off.length) {
      target = held && off.indexOf(held) >= 0 ? held : off[0];
    } else if (held && all.indexOf(held) >= 0 && shown(held) < SHOWN && Date.now() - neededAt < LINGER_MS) {
      target = held;                               // lingers through a step that changed only what is in view
      clearTimeout(lingering);
      lingering = setTimeout(soon, LINGER_MS);
    }
    if (!target) { release(); return; }
    var seenNow = changed.filter(function (p) { return shown(p) >= SHOWN; });
    if (changed.indexOf(target) >= 0) neededAt = Date.now();
    var again = target === held && hold && !hold.hidden;      // the copy shown is of this part
    if (again && changed.indexOf(target) < 0 && !dirty) return;
    // during a drag the same part's copy is made again at most every DRAG_COPY_MS (a chart's copy costs a few ms)
    var wait = again && dragging ? copiedAt + DRAG_COPY_MS - performance.now() : 0;
    if (wait > 0) { clearTimeout(recopy); recopy = setTimeout(soon, wait); return; }
    show(target, use.under, seenNow);
  }
  function soon() {
    if (!frame) frame = requestAnimationFrame(function () { pin(); setTimeout(refresh, 0); });
  }

  // Before any handler redraws for it (capture), a new input starts a new record of where its change lands.
  // A drawing's markup as it looks: its parts' links carry the state, which changes with every update.
  function looks(html) { return html.replace(/ (?:href|aria-current)="[^"]*"/g, ''); }

  function snapshot(el) {
    touched[wid(el)] = new Set();
    sent[wid(el)] = new Set();
    parts(el).forEach(function (p) { if (p.classList.contains('panel')) before[p.id] = p.innerHTML; });
  }
  // A key press can be answered ahead on its keydown, before its input event: the record starts at the keydown.
  var pressed = false;     // a keydown has started this press's record: its input event does not restart it
  E.on('keydown', '.widget .controls, .widget .stepper, .scrub', function () {
    var use = inUse();
    if (use && use.control) {
      snapshot(use.control.closest('.widget'));
      lift(use.control);
      pressed = true;
      setTimeout(function () { pressed = false; }, 0);     // a key that changed nothing leaves no mark
    }
  }, true);
  // A drag is one input however many values it passes: its record starts at the press, so an answer for an earlier
  // step landing after a later step's input still counts (a restart on every step could leave the record empty).
  var dragging = false;
  E.on('pointerdown', '.widget .controls', function (form, e) {
    snapshot(form.closest('.widget'));
    lift(e.target);
    dragging = true;
  }, true);
  ['pointerup', 'pointercancel'].forEach(function (type) {
    window.addEventListener(type, function () { dragging = false; }, true);
  });
  E.on('input', '.widget .controls', function (form) {
    if (pressed) { pressed = false; return; }
    if (!dragging) snapshot(form.closest('.widget'));
  }, true);
  // A control newly in use has changed nothing yet. While it is in use, its scene never gets shorter (its prose may):
  // a sticky widget near the scene's foot would otherwise be pushed up under the hand. Scenes before it take no part in
  // scroll anchoring then (site.css): one whose foot peeks into the window could hold the anchor while it changes.
  var kept = null, lifted = null;
  function keep(control) {
    var scene = control && control.closest('.scene');
    if (kept !== scene) {
      if (kept) { kept.style.minHeight = ''; kept.classList.remove('kept'); }
      kept = scene && window.innerWidth >= 1100 ? scene : null;
      if (kept) { kept.style.minHeight = kept.offsetHeight + 'px'; kept.classList.add('kept'); }
    }
    lift(kept && control);
  }
  // A stuck widget pushed up by its scene's foot stays where it is if the scene grows (it would drop to its sticky
  // top): decided at each input, where the widget is then; the reader's own scroll lets it go.
  function lift(control) {
    var widget = kept && control && control.closest && control.closest('.scene > .widget');
    if (widget && widget === lifted) return;       // held where it is until the reader scrolls
    if (lifted) { lifted.style.top = ''; lifted = null; }
    if (!widget || !kept.contains(widget)) return;
    var style = getComputedStyle(widget), top = widget.getBoundingClientRect().top;
    if (style.position === 'sticky' && top < parseFloat(style.top) - 0.5) {
      lifted = widget;
      lifted.style.top = top + 'px';
    }
  }
  ['wheel', 'touchmove'].forEach(function (type) {
    window.addEventListener(type, function () { if (lifted) { lifted.style.top = ''; lifted = null; } }, { passive: true });
  });
  E.on('focusin', '.widget .controls, .widget .stepper, .scrub, ' + SHOW, function () {
    var use = inUse(), now = use && use.control;
    if (now !== using) {
      using = now;
      if (now) snapshot(now.closest('.widget'));
      keep(now);
      release();
    }
  });
  E.on('focusout', '.widget .controls, .widget .stepper, .scrub, ' + SHOW, function () {
    setTimeout(function () { if (!inUse()) { using = null; keep(null); release(); } fits(); }, 0);
  });

  function noted(records) {
    var any = false;
    records.forEach(function (r) {
      var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      var part = el && el.closest('.plot, .panel');
      var found = part ? [part] : Array.prototype.filter.call(r.addedNodes || [], function (n) {
        return n.nodeType === 1 && n.matches('.plot, .panel');
      });
      found.forEach(function (p) {
        // whatever the record of the latest input says, a held part that changed is copied again
        if (holding && p.id === holding) { dirty = true; any = true; }
        var w = p.closest('.widget') && wid(p);
        if (!w || !touched[w] || !p.id) return;
        if (!touched[w].has(p.id)) {
          // charts are redrawn only when their figure changed; a drawing's panel is swapped in on every update
          if (p.classList.contains('panel') && looks(p.innerHTML) === looks(before[p.id] || '')) return;
          touched[w].add(p.id);
        }
        any = true;                 // a part already changed changed again: its copy in the hold is redrawn too
      });
    });
    if (any) soon();
  }

  // The figure data of an update sends 0 for a figure as it was (app/views.py changes_since). An answer fetched
  // ahead draws its charts before its text lands (figure.js later): what they changed is known only now, so look again.
  E.on('explorables:landed', '.figdata', function (fd) {
    var figures = JSON.parse(fd.dataset.figures || '{}'), got = sent[fd.dataset.widget], grew = false;
    if (got) Object.keys(figures).forEach(function (k) {
      var id = 'plot-' + fd.dataset.widget + '-' + k;
      if (figures[k] !== 0 && !got.has(id)) { got.add(id); grew = true; }
    });
    if (grew) soon();
  });

  E.startLayout = function () {
    window.addEventListener('scroll', function () { if (holding) soon(); }, { passive: true });
    window.addEventListener('resize', function () {
      if (kept && window.innerWidth < 1100) keep(null);        // the wide layout's scene no longer applies
      fits();
      if (holding) soon();
    });
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

  // Wide screens: a widget beside its prose is sticky only where the whole of it fits the window and its prose is
  // longer than it by a quarter of the window (beside prose little longer there is little to scroll past, and a sticky
  // widget moves as the prose's changes move its scene's foot); decided again only while the reader is not using it,
  // so it never comes unstuck under the hand.
  function fits() {
    var use = inUse(), busy = use && use.control && use.control.closest('.widget');
    document.querySelectorAll('.scene > .widget').forEach(function (w) {
      if (w !== busy) {
        w.classList.toggle('fits', w.offsetHeight <= window.innerHeight - 24 &&
                                   w.parentElement.offsetHeight > w.offsetHeight + window.innerHeight / 4);
      }
    });
  }
})(window.Explorables);
