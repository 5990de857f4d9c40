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
