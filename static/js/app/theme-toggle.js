// The theme toggle: switches light/dark, remembers the choice, follows the system until one is made.
(function (E) {
  'use strict';

  // Reveals the toggle; its switch (and aria-pressed) shows whether the dark theme is on.
  function showToggle() {
    var b = document.getElementById('theme-toggle');
    if (!b) return;
    b.hidden = false;
    b.setAttribute('aria-pressed', String(E.isDark()));
  }

  // Tells the figures (figure.js) to redraw in the new colours.
  function themeChanged() {
    showToggle();
    document.dispatchEvent(new CustomEvent('explorables:theme'));
  }

  E.on('click', '#theme-toggle', function () {
    var next = E.isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem('theme', next); } catch (err) { /* not saved; still applied */ }
    themeChanged();
  });
  if (E.darkQuery && E.darkQuery.addEventListener) E.darkQuery.addEventListener('change', themeChanged);

  E.showThemeToggle = showToggle;
})(window.Explorables);
