// Glossary terms: hover and focus open a definition (CSS), a tap toggles it, Escape dismisses it.
(function (E) {
  'use strict';

  // Moves an open definition left as far as it must go to stay inside the window.
  function placeTip(g) {
    var tip = g.querySelector('.tip');
    if (!tip) return;
    tip.style.left = '';
    var r = tip.getBoundingClientRect();
    if (!r.width) return;
    var over = r.right - (document.documentElement.clientWidth - 8);
    if (over > 0) tip.style.left = -Math.min(over, r.left - 8) + 'px';
  }

  E.on('mouseover', '.gloss', placeTip);
  E.on('focusin', '.gloss', placeTip);

  // A tap opens the definition and a second tap closes it, since a tap does not focus a button everywhere.
  E.on('click', 'button.term', function (term) {
    var g = term.parentNode;
    var opening = !g.classList.contains('open');
    document.querySelectorAll('.gloss.open').forEach(function (o) { o.classList.remove('open'); });
    g.classList.toggle('open', opening);
    g.classList.toggle('dismissed', !opening);
    if (opening) placeTip(g);
  });

  // Escape hides whatever definition is showing (WCAG 1.4.13).
  E.on('keydown', null, function (target, e) {
    if (e.key !== 'Escape') return;
    document.querySelectorAll('.gloss').forEach(function (g) {
      if (g.matches(':hover, :focus-within, .open')) { g.classList.remove('open'); g.classList.add('dismissed'); }
    });
  });
  E.on('focusout', '.gloss', function (g) { g.classList.remove('dismissed'); g.classList.remove('open'); });
  E.on('mouseout', '.gloss', function (g, e) { if (!g.contains(e.relatedTarget)) g.classList.remove('dismissed'); });
})(window.Explorables);
