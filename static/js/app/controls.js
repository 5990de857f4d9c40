// Widget controls: slider value labels, the −/+ and Previous/Next buttons (and their arrow keys), reset.
(function (E) {
  'use strict';

  function formatValue(input) {
    var unit = input.dataset.unit || '';
    return input.value + (unit === '%' || unit === '' ? unit : ' ' + unit);
  }

  function showValue(input) {
    var out = document.getElementById(input.id + '-out');
    if (out) out.textContent = formatValue(input);
    input.setAttribute('aria-valuetext', (input.value + ' ' + (input.dataset.unitWords || '')).trim());
  }

  // Moves a button's slider by `by` steps, then updates like any slider.
  function step(button, by) {
    var input = document.getElementById(button.dataset.stepFor);
    if (!input) return;
    var size = Number(input.step) || 1;
    var decimals = (String(input.step).split('.')[1] || '').length;
    var raw = Math.min(Number(input.max), Math.max(Number(input.min), Number(input.value) + by * size));
    var next = Number(raw.toFixed(decimals));
    if (String(next) === input.value) return;
    input.value = String(next);
    showValue(input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // A widget that updates only on its button says when its settings changed since the figure was made.
  function markStale(form) {
    var note = document.getElementById('stale-' + form.dataset.widget);
    if (note) note.hidden = false;
  }
  E.on('input', 'form.controls', markStale);
  E.on('change', 'form.controls', markStale);
  E.on('submit', 'form.controls', function (form) {
    var note = document.getElementById('stale-' + form.dataset.widget);
    if (note) note.hidden = true;
  });

  // Puts every control of the form back to its default and updates the widget.
  function reset(link, e) {
    var form = document.getElementById(link.dataset.reset);
    if (!form || !window.htmx) return;   // no HTMX: follow the link (a page load at the defaults)
    e.preventDefault();
    form.querySelectorAll('input[type=range]').forEach(function (input) {
      input.value = input.dataset.default;
      showValue(input);
    });
    form.querySelectorAll('input[type=radio]').forEach(function (input) {
      input.checked = input.hasAttribute('data-default');
    });
    htmx.trigger(form, 'submit');   // every widget form updates on submit, live or not
    E.announce('Settings reset to their defaults.');
  }

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
  E.on('input', 'input[data-stepper]', function (input) { syncStepper(input); });
  E.on('explorables:landed', '.figdata[data-steps]', function (fd) {
    var form = document.getElementById('form-' + fd.dataset.widget);
    var input = form && form.querySelector('input[data-stepper]');
    if (input) syncStepper(input, Number(fd.dataset.steps));
  });

  // Capture phase: the label moves before HTMX sends the request.
  E.on('input', 'input[type=range]', showValue, true);
  E.on('click', 'button[data-step-for]', function (button) { step(button, Number(button.dataset.stepBy)); });
  E.on('click', 'a[data-reset]', reset);

  // Arrow keys step while focus is on a Previous/Next or −/+ button (a focused slider handles its own).
  E.on('keydown', 'button[data-step-for]', function (button, e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      step(button, e.key === 'ArrowRight' ? 1 : -1);
    }
  });
})(window.Explorables);
