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
  var NEAR_AHEAD = 8;          // of which this many steps in the direction of motion (and half as many behind)
  var drag = null;             // {input, form, f, sent, seen, frame, at}: the drag being followed (at: last asked)
  var ahead = null;            // {input, controller, limit, count, bytes, busy, asked: Set, dir}: the fetches ahead
  var hover = null;            // timer of the pointer resting on a slider
  var rest = null;             // timer of a held thumb at rest

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
  // of the move), else the newest value is asked for at the next frame.
  E.on('htmx:confirm', 'form.controls', function (form, evt) {
    var cause = evt.detail.triggeringEvent;
    if (!drag || drag.form !== form || !cause || cause.type !== 'input') return;
    if (drag.frame || performance.now() - drag.at < FRAME_MS) {
      evt.preventDefault();
      if (!drag.frame) drag.frame = requestAnimationFrame(frame);
    }
    var dir = Math.sign(Number(drag.input.value) - Number(drag.seen));
    drag.seen = drag.input.value;
    if (ahead && ahead.input === drag.input && dir) ahead.dir = dir;
    pump();
    resting();
  });

  // Drawn ahead while the thumb rests (figure.js prepare): the held states around it, nearest first, more of them in
  // the direction of motion; each drawing waits for an idle moment and is skipped if the thumb has moved on, so a
  // sweep that starts from a rest passes states already drawn (a swap, no Plotly work).
  // Rest is decided on when the hand last moved (the event's own time): a long drawing that holds the hand's moves
  // back must not pass for a rest, so the check waits for the next frame, whose input comes before its callbacks.
  var movedAt = 0;
  window.addEventListener('pointermove', function (e) { if (drag) movedAt = e.timeStamp; }, { capture: true, passive: true });
  function resting(wait) {
    clearTimeout(rest);
    rest = setTimeout(function () { requestAnimationFrame(drawNear); }, wait || REST_MS);
  }
  function drawNear() {
    var d = drag;
    if (!d || !E.heldText) return;
    var since = performance.now() - movedAt;
    if (since < REST_MS) { resting(REST_MS - since); return; }
    var input = d.input, at = input.value, step = Number(input.step) || 1, min = Number(input.min), max = Number(input.max);
    // the way it last moved; before any move, towards the farther end (where the hand has room to go)
    var dir = (ahead && ahead.dir) || (max - Number(at) >= Number(at) - min ? 1 : -1);
    var still = function () { return drag === d && input.value === at; };
    nearOrder(dir).forEach(function (by) {
      var raw = Number(at) + by * step, value = E.spell(input, raw);
      var text = raw < min || raw > max || value === at ? undefined : E.heldText(E.requestUrl(d.form, input.name, value, true));
      if (text !== undefined) d.f.prepare(text, still);
    });
  }
  // Steps from the thumb, nearest first: NEAR_AHEAD in the direction of motion, half as many behind (counted twice as far).
  function nearOrder(dir) {
    var out = [];
    for (var k = 1; k <= NEAR_AHEAD; k++) {
      out.push(dir * k);
      if (k % 2 === 0) out.push(-dir * k / 2);
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
    hover = setTimeout(function () { fetchAhead(input, HOVER_MAX); }, HOVER_MS);
  });
  E.on('pointerout', 'input[type=range]', function (input, e) {
    if (input.contains(e.relatedTarget)) return;
    clearTimeout(hover);
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
      });
    }
  }
})(window.Explorables);
