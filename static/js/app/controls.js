// Widget controls: slider value labels, the −/+ and Previous/Next buttons (and their arrow keys), reset.
(function (E) {
  'use strict';

  // The unit as it reads after the slider's value: singular after 1 or −1 (framework.Number.unit_after).
  function unitAfter(input, words) {
    var one = Math.abs(Number(input.value)) === 1;
    var d = input.dataset;
    return (words ? (one ? d.unitWordsOne : d.unitWords) : (one ? d.unitOne : d.unit)) || '';
  }

  // The value as the server writes it (framework.shown_number): the true minus sign, a comma from 1,000.
  function shown(input) {
    return input.value.replace(/^(-?)(\d{4,})/, function (_, sign, digits) {
      return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',');
    }).replace(/^-/, '\u2212');
  }

  function formatValue(input) {
    var unit = unitAfter(input, false);
    return shown(input) + (unit === '%' || unit === '' ? unit : ' ' + unit);
  }

  function showValue(input) {
    var out = document.getElementById(input.id + '-out');
    if (out) out.textContent = formatValue(input);
    // A step-through's word comes first ('race 66'; framework.Step.aria_valuetext).
    var words = unitAfter(input, true);
    var text = 'unitFirst' in input.dataset ? words + ' ' + shown(input) : shown(input) + ' ' + words;
    input.setAttribute('aria-valuetext', text.trim());
  }

  // `value` kept inside the slider's bounds, on its step, spelled as the slider's value.
  function spell(input, value) {
    var decimals = (String(input.step).split('.')[1] || '').length;
    var raw = Math.min(Number(input.max), Math.max(Number(input.min), value));
    return String(Number(raw.toFixed(decimals)));
  }
  E.spell = spell;

  // Sets a slider to `value` (kept inside its bounds, on its step), then updates like a drag; false if unchanged.
  function setInput(input, value) {
    if (input.getAttribute('aria-disabled') === 'true') return false;
    var next = spell(input, value);
    if (next === input.value) return false;
    input.value = next;
    showValue(input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }
  E.setInput = setInput;
  E.showValue = showValue;

  // Moves a button's slider by `by` steps.
  function step(button, by) {
    var input = document.getElementById(button.dataset.stepFor);
    if (input) setInput(input, Number(input.value) + by * (Number(input.step) || 1));
  }

  // A widget that updates only on its button says when its settings changed since the figure was made; the
  // sliders it showed unavailable then move again (their reasons were about the settings shown, not these).
  function markStale(el) {
    var note = document.getElementById('stale-' + el.dataset.widget), form = document.getElementById('form-' + el.dataset.widget);
    if (!note || !form) return;
    note.hidden = false;
    markInactive(form, {});
  }
  E.on('input', '.controls[data-widget]', markStale);   // a stage's controls sit outside its widget's form
  E.on('change', '.controls[data-widget]', markStale);
  E.on('submit', 'form.controls', function (form) {
    var note = document.getElementById('stale-' + form.dataset.widget);
    if (note) note.hidden = true;
  });

  // A form's controls, with those of its widget's stages (associated by form=, outside it).
  function fields(form, type) {
    return [].filter.call(form.elements, function (el) { return el.type === type; });
  }
  E.fields = fields;

  // Sets the named controls of a form (a range's value, the radio of that value) without updating.
  function apply(form, pairs) {
    pairs.forEach(function (value, name) {
      [].filter.call(form.elements, function (el) { return el.name === name; }).forEach(function (input) {
        if (input.type === 'radio') input.checked = input.value === value;
        else if (input.type === 'range') { input.value = value; showValue(input); }
      });
    });
  }

  // Puts every control of the form back to its default and updates the widget.
  function reset(link, e) {
    var form = document.getElementById(link.dataset.reset);
    if (!form || !window.htmx) return;   // no HTMX: follow the link (a page load at the defaults)
    e.preventDefault();
    var defaults = new Map();
    fields(form, 'range').forEach(function (input) { defaults.set(input.name, input.dataset.default); });
    fields(form, 'radio').forEach(function (input) { if ('default' in input.dataset) defaults.set(input.name, input.value); });
    apply(form, defaults);
    htmx.trigger(form, 'submit');   // every widget form updates on submit, live or not
    E.announce('Settings reset to their defaults.');
  }

  // A "show me" link in the prose sets its widget to the state it names (the rest stays as it is).
  function showMe(link, e) {
    var form = document.getElementById(link.dataset.showFor);
    if (!form || !window.htmx) return;   // no HTMX: follow the link (a page load at that state)
    e.preventDefault();
    apply(form, new URLSearchParams(link.dataset.show));
    htmx.trigger(form, 'submit');
    // the page stays where it is: a widget off screen shows the change in the hold (layout.js), beside the link
    if (link.matches('a.show-me')) link.focus({ preventScroll: true });
    E.announce('Figure set: ' + link.textContent + '.');
    var panel = link.closest('.panel[id]');
    refocus = panel && document.activeElement === link
      ? { panel: panel.id, show: link.dataset.show, at: [].indexOf.call(panel.querySelectorAll('a.part-link'), link),
          until: Date.now() + 3000 } : null;
  }
  // A drawing's part pressed from the keyboard keeps the focus when its panel is swapped for the new state's: on the
  // part naming the same state, else the one in the same place (an arrow that nudges names a new state each time).
  var refocus = null;
  function keepFocus() {
    if (refocus && Date.now() > refocus.until) refocus = null;   // its update has long landed
    if (!refocus || document.activeElement && document.activeElement !== document.body) return;
    var panel = document.getElementById(refocus.panel), parts = panel ? panel.querySelectorAll('a.part-link') : [];
    var same = [].find.call(parts, function (a) { return a.dataset.show === refocus.show; }) || parts[refocus.at];
    if (same) { same.focus({ preventScroll: true }); refocus = null; }
  }
  document.addEventListener('htmx:afterSettle', keepFocus);
  E.on('explorables:landed', '.figdata', function () { requestAnimationFrame(keepFocus); });

  // A slider with no effect at the current settings is shown unavailable, with the reason (figure data
  // data-inactive); it stays focusable so the reason can be heard, but does not move.
  E.on('explorables:landed', '.figdata', function (fd) {
    var form = document.getElementById('form-' + fd.dataset.widget);
    if (form) markInactive(form, JSON.parse(fd.dataset.inactive || '{}'));
  });
  function markInactive(form, inactive) {
    fields(form, 'range').forEach(function (input) {
      var why = inactive[input.name], note = document.getElementById(input.id + '-why');
      if (why) input.setAttribute('aria-disabled', 'true'); else input.removeAttribute('aria-disabled');
      input.closest('.control').classList.toggle('inactive', !!why);
      document.querySelectorAll('button[data-step-for="' + input.id + '"]').forEach(function (b) {
        if (why) b.setAttribute('aria-disabled', 'true'); else b.removeAttribute('aria-disabled');
      });
      if (note) note.textContent = why ? 'No effect now: ' + why + ' ' : '';
    });
  }
  function refuse(input, e) {
    if (input.getAttribute('aria-disabled') !== 'true' || e.key === 'Tab') return;
    e.preventDefault();
  }
  E.on('keydown', 'input[type=range]', refuse, true);
  E.on('pointerdown', 'input[type=range]', refuse, true);
  E.on('mousedown', 'input[type=range]', refuse, true);

  // Each "show me" link says whether its widget is at the state it names.
  E.on('explorables:landed', '.figdata', function (fd) {
    var now = new URLSearchParams(fd.dataset.query);
    document.querySelectorAll('a.show-me[data-show-for="form-' + fd.dataset.widget + '"]').forEach(function (link) {
      var match = true;
      new URLSearchParams(link.dataset.show).forEach(function (value, name) { if (now.get(name) !== value) match = false; });
      if (match) link.setAttribute('aria-current', 'true'); else link.removeAttribute('aria-current');
    });
  });

  // A step-through: its track runs over this state's steps (their count comes with each update, as
  // the other settings change it), with a tick per step; Previous/Next say when there is no further step.
  function syncStepper(input, steps) {
    if (steps && String(steps) !== input.max) {
      input.max = String(steps);   // the browser clamps the value to it
      var ticks = document.getElementById(input.id + '-ticks');
      if (ticks) {
        ticks.textContent = '';
        for (var n = Number(input.min); n <= steps; n++) {
          var option = document.createElement('option');
          option.value = String(n);
          ticks.appendChild(option);
        }
      }
      showValue(input);
    }
    document.querySelectorAll('button[data-step-for="' + input.id + '"]').forEach(function (b) {
      var atEnd = Number(b.dataset.stepBy) < 0 ? Number(input.value) <= Number(input.min)
                                                 : Number(input.value) >= Number(input.max);
      if (atEnd) b.setAttribute('aria-disabled', 'true'); else b.removeAttribute('aria-disabled');
    });
  }
  // Capture phase (as below): before HTMX's listener on the form, which may take a held answer at once.
  E.on('input', 'input[data-stepper]', function (input) { syncStepper(input); }, true);

  // A step plays a short transition on what it changes (site.css; none under reduced motion).
  var stepping = {};
  E.on('input', 'input[data-stepper]', function (input) {
    var widget = input.closest('.widget');
    if (!widget) return;
    clearTimeout(stepping[widget.id]);
    widget.classList.add('stepping');
  }, true);
  E.on('explorables:landed', '.figdata', function (fd) {
    var widget = fd.closest('.widget');
    if (!widget || !widget.classList.contains('stepping')) return;
    clearTimeout(stepping[widget.id]);
    stepping[widget.id] = setTimeout(function () { widget.classList.remove('stepping'); }, 900);
  });
  E.on('explorables:landed', '.figdata[data-steps]', function (fd) {
    var form = document.getElementById('form-' + fd.dataset.widget);
    var input = form && form.querySelector('input[data-stepper]');
    if (input) syncStepper(input, Number(fd.dataset.steps));
  });

  // Capture phase: the label moves before HTMX sends the request.
  E.on('input', 'input[type=range]', showValue, true);
  E.on('click', 'button[data-step-for]', function (button) { step(button, Number(button.dataset.stepBy)); });
  E.on('click', 'a[data-reset]', reset);
  E.on('click', 'a.show-me[data-show-for], a.part-link[data-show-for]', showMe);   // prose links; a drawing's parts

  // Arrow keys step while focus is on a Previous/Next or −/+ button (a focused slider handles its own).
  E.on('keydown', 'button[data-step-for]', function (button, e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      step(button, e.key === 'ArrowRight' ? 1 : -1);
    }
  });
})(window.Explorables);
