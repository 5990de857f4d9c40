// Pointer drags on a live widget's slider: the thumb and its number follow every move at once; the update is
// asked for at most once per animation frame, always for the newest value (the states passed between two
// frames are skipped, never queued), and the states along the slider are fetched ahead.
//
// A drag starts at a pointerdown on the slider (or at E.beginDrag, from scrub.js) and ends at the pointer's
// release. Meanwhile each move still fires the slider's `input` (controls.js shows the value, layout.js keeps
// its record), and HTMX sends its request only if none was sent in the last frame (htmx:confirm); else, once
// per frame, when the value differs from the last one asked for, the form is submitted through HTMX as usual
// (hx-sync keeps one request in flight and only the newest waiting). figure.js asks for whole states during a drag and draws at
// most a frame's budget of charts per frame. At the release, the last value is asked for at once.
// A state fetched ahead is shown without a request: its held answer goes through figure.js as if it had come
// (htmx:confirm, unless a request is on its way).
// Fetched ahead (anticipate.js E.holdAhead, so a held state sends no request): on pointerdown, or after the
// pointer rests on the slider HOVER_MS, the states nearest the thumb first, those in the direction of motion
// before those behind it; the whole range where it has at most AHEAD_MAX states, else that many around the
// thumb as it moves; at most AHEAD_BYTES as sent per drag; pending fetches cancelled when the pointer leaves
// the slider without a drag, or the drag ends.
(function (E) {
  'use strict';
  var AHEAD_MAX = 64;          // states fetched ahead per drag
  var HOVER_MAX = 12;          // of which before the press, while the pointer rests on the slider
  var AHEAD_BYTES = 300000;    // bytes as sent, per drag
  var AHEAD_PARALLEL = 2;      // fetches at once (the drag's own requests go beside them)
  var HOVER_MS = 150;
  var FRAME_MS = 16;
  var REST_MS = 50;            // a held thumb still this long: the states beside it are drawn ahead
  var NEAR_AHEAD = 32;         // of which this many steps in the direction of motion (and a quarter as many behind)
  var drag = null;             // {input, form, f, sent, seen, frame, at}: the drag being followed (at: last asked)
  var ahead = null;            // {input, controller, limit, count, bytes, busy, asked: Set, dir}: the fetches ahead
  var hover = null;            // timer of the pointer resting on a slider
  var rest = null;             // timer of a held thumb at rest
  var hovered = null;          // the slider a mouse rests on, before any press

  // The slider of a live widget under el, or null (one shown unavailable does not move).
  function liveSlider(el) {
    var input = el && el.closest ? el.closest('input[type=range]') : null, form = input && input.form;
    if (!form || !form.matches('form.controls[hx-trigger*=input]') || input.getAttribute('aria-disabled') === 'true') return null;
    return input;
  }

  E.beginDrag = function (input) {
    var form = input.form, f = form && E.figure(form.dataset.widget);
    if (!f || !window.htmx || !form.matches('form.controls[hx-trigger*=input]')) return;
    if (drag) E.endDrag();
    drag = { input: input, form: form, f: f, sent: input.value, seen: input.value, frame: 0, at: 0 };
    f.drag(true);
  };

  // The last value is asked for now, then the figure draws as usual.
  E.endDrag = function () {
    var d = drag;
    if (!d) return;
    cancelAnimationFrame(d.frame);
    d.f.flush();                               // the newest text first: the last request's target is then current
    send(d);
    drag = null;
    clearTimeout(rest);
    d.f.drag(false);
    stopAhead();
  };

  function send(d) {
    if (d.input.value === d.sent || !document.body.contains(d.form)) return;
    htmx.trigger(d.form, 'submit');
  }

  // What was last asked for, and when (a request waiting behind the one in flight is asked for when it goes out).
  E.on('htmx:configRequest', 'form.controls', function (form, evt) {
    if (!drag || drag.form !== form) return;
    drag.sent = String(evt.detail.parameters[drag.input.name]);
    drag.at = performance.now();
  });

  function frame() {
    if (!drag) return;
    drag.frame = 0;
    send(drag);
  }

  // A move's input: asked for at once if nothing was asked for in the last frame (so a step is drawn in the frame
  // of the move), else the newest value is asked for at the next frame. A state held ahead is shown without a request.
  E.on('htmx:confirm', 'form.controls', function (form, evt) {
    var cause = evt.detail.triggeringEvent, d = drag;
    if (!d || d.form !== form || !cause) return;
    if (cause.type === 'input') {
      var dir = Math.sign(Number(d.input.value) - Number(d.seen));
      d.seen = d.input.value;
      if (ahead && ahead.input === d.input && dir) ahead.dir = dir;
      pump();
      resting();
      if (d.frame || performance.now() - d.at < FRAME_MS) {
        evt.preventDefault();
        if (!d.frame) d.frame = requestAnimationFrame(frame);
        return;
      }
    } else if (cause.type !== 'submit') return;
    if (showHeld(d, evt.detail.target)) evt.preventDefault();
  });

  // The held answer for the thumb's state goes through figure.js as if it had just come (as anticipate.js answers a
  // request it holds), without HTMX making a request of it; not while a request is on its way (its answer lands first).
  var busy = new WeakMap();    // form -> its requests sent and not yet answered
  E.on('htmx:beforeSend', 'form.controls', function (form) { busy.set(form, (busy.get(form) || 0) + 1); });
  E.on('htmx:afterRequest', 'form.controls', function (form) { busy.set(form, Math.max(0, (busy.get(form) || 0) - 1)); });
  function showHeld(d, target) {
    if (!E.heldText || !E.anticipate || busy.get(d.form) || !target) return false;
    var text = E.heldText(E.requestUrl(d.form, d.input.name, d.input.value, true)), id = target.id;
    if (text === undefined || !d.f.read(text)) return false;
    d.sent = d.input.value;
    d.at = performance.now();
    d.form.dispatchEvent(new CustomEvent('explorables:held-shown', { bubbles: true, detail: d.sent }));   // tests count it
    d.f.later(function () {
      try {
        htmx.swap(document.getElementById(id) || target, text, { swapStyle: 'outerHTML' });
      } catch (err) {                               // the charts moved on but the page did not: fetch it whole
        d.f.whole = true;
        setTimeout(function () { htmx.trigger(d.form, 'submit'); }, 0);
      }
    });
    return true;
  }

  // Drawn ahead while the thumb rests (figure.js prepare): the held states around it, nearest first, most of them in
  // the direction of motion; each drawing waits for an idle moment and is skipped if the thumb has moved on, so a
  // sweep that starts from a rest passes states already drawn (a swap, no Plotly work). A mouse resting on a slider
  // before the press has the states it fetched drawn the same way.
  // Rest is decided on when the hand last moved (the event's own time): a long drawing that holds the hand's moves
  // back must not pass for a rest, so the check waits for the next frame, whose input comes before its callbacks.
  var movedAt = 0;
  window.addEventListener('pointermove', function (e) { if (drag) movedAt = e.timeStamp; }, { capture: true, passive: true });
  function resting(wait) {
    clearTimeout(rest);
    rest = setTimeout(function () { requestAnimationFrame(restNow); }, wait || REST_MS);
  }
  function restNow() {
    var d = drag;
    if (!d) return;
    var since = performance.now() - movedAt;
    if (since < REST_MS) { resting(REST_MS - since); return; }
    d.f.flush();                                 // the words and drawings catch up with the charts
    drawNear(d.input, d.f, function () { return drag === d; }, d);
  }
  // Has the held states around the slider's thumb drawn, while `still()` holds and the thumb stays where it is; a
  // state already handed over for this `owner` (the drag, or the slider hovered) at this thumb value is not again.
  var near = { owner: null, at: null, given: new Set() };
  function drawNear(input, f, still, owner) {
    if (!E.heldText || !f) return;
    var at = input.value, step = Number(input.step) || 1, min = Number(input.min), max = Number(input.max);
    if (near.owner !== owner || near.at !== at) near = { owner: owner, at: at, given: new Set() };
    // the way it last moved; before any move, towards the farther end (where the hand has room to go)
    var dir = (ahead && ahead.input === input && ahead.dir) || (max - Number(at) >= Number(at) - min ? 1 : -1);
    var here = function () { return still() && input.value === at; };
    nearOrder(dir).forEach(function (by) {
      var raw = Number(at) + by * step, value = E.spell(input, raw);
      if (raw < min || raw > max || value === at || near.given.has(value)) return;
      var text = E.heldText(E.requestUrl(input.form, input.name, value, true));
      if (text === undefined) return;
      near.given.add(value);
      f.prepare(text, here);
    });
  }
  // Steps from the thumb, nearest first: NEAR_AHEAD in the direction of motion, a quarter as many behind (counted
  // four times as far).
  function nearOrder(dir) {
    var out = [];
    for (var k = 1; k <= NEAR_AHEAD; k++) {
      out.push(dir * k);
      if (k % 4 === 0) out.push(-dir * k / 4);
    }
    return out;
  }

  E.on('pointerdown', 'input[type=range]', function (input, e) {
    if (e.button !== 0 || !liveSlider(input)) return;
    clearTimeout(hover);
    E.beginDrag(input);
    fetchAhead(input, AHEAD_MAX);
    resting();
  }, true);
  ['pointerup', 'pointercancel'].forEach(function (type) {
    window.addEventListener(type, function () { E.endDrag(); }, true);
  });
  // The slider keeps its own pointer while dragged; one merely passed over is left alone.
  E.on('pointerover', 'input[type=range]', function (input, e) {
    if (drag || e.pointerType !== 'mouse' || !liveSlider(input)) return;
    clearTimeout(hover);
    hover = setTimeout(function () { hovered = input; fetchAhead(input, HOVER_MAX); }, HOVER_MS);
  });
  E.on('pointerout', 'input[type=range]', function (input, e) {
    if (input.contains(e.relatedTarget)) return;
    clearTimeout(hover);
    hovered = null;
    if (!drag && ahead && ahead.input === input) stopAhead();
  });

  // Fetching ahead: up to `limit` states of this slider (a press raises a hover's limit).
  function fetchAhead(input, limit) {
    if (!E.anticipate || !window.fetch || !E.holdAhead || !window.Plotly) return;
    if (!ahead || ahead.input !== input) {
      stopAhead();
      ahead = { input: input, controller: window.AbortController ? new AbortController() : null, limit: 0, count: 0,
                bytes: 0, busy: 0, asked: new Set(), dir: 0 };
    }
    ahead.limit = Math.max(ahead.limit, limit);
    pump();
  }

  function hoverDraw(input) {
    drawNear(input, E.figure(input.form.dataset.widget), function () { return !drag && hovered === input; }, input);
  }

  function stopAhead() {
    if (!ahead) return;
    if (ahead.controller) ahead.controller.abort();
    ahead = null;
  }

  // The next state to fetch: the nearest not yet asked for, those behind the motion counted three times as far.
  function nextValue(a) {
    var input = a.input, step = Number(input.step) || 1, min = Number(input.min), max = Number(input.max);
    var at = Math.round((Number(input.value) - min) / step), last = Math.round((max - min) / step), best = null, score = Infinity;
    for (var k = 0; k <= last; k++) {
      var d = k - at;
      if (!d) continue;
      var s = Math.abs(d) * (a.dir && Math.sign(d) !== a.dir ? 3 : 1);
      if (s >= score) continue;
      var value = E.spell(input, min + k * step);
      if (!a.asked.has(value)) { best = value; score = s; }
    }
    return best;
  }

  function pump() {
    var a = ahead;
    while (a && a.busy < AHEAD_PARALLEL && a.count < a.limit && a.bytes < AHEAD_BYTES) {
      var value = nextValue(a);
      if (value === null) return;
      a.asked.add(value);
      var url = E.requestUrl(a.input.form, a.input.name, value, true);
      if (E.heldAhead(url)) continue;
      a.count++;
      a.busy++;
      E.holdAhead(url, a.controller && a.controller.signal).then(function (sent) {
        a.busy--;
        a.bytes += sent || 0;
        if (ahead === a) pump();
        if (sent && drag && drag.input === a.input) resting();     // a state next to the thumb may have come
        else if (sent && !drag && hovered === a.input) hoverDraw(a.input);
      });
    }
  }
})(window.Explorables);
