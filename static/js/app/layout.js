// Keeps the figure a reader is driving in view: measures each widget's figure area (--pin-height) for the pinned
// layout on narrow screens, and on wide ones brings a whole sticky widget into view when one of its controls gets focus.
(function (E) {
  'use strict';
  var wide = window.matchMedia ? matchMedia('(min-width: 68.75rem)') : null;

  // Only for keyboard focus: scrolling under a pointer between press and release would lose the click.
  E.on('focusin', '.scene > .widget', function (widget, e) {
    if (!wide || !wide.matches || !e.target.matches(':focus-visible')) return;
    var box = widget.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) widget.scrollIntoView({ block: 'nearest' });
  });

  function measure(main) {
    main.parentNode.style.setProperty('--pin-height', Math.ceil(main.getBoundingClientRect().height) + 'px');
  }

  E.startLayout = function () {
    var mains = document.querySelectorAll('.widget > .widget-main');
    mains.forEach(measure);   // now, so a control focused straight after load already scrolls clear
    if (!window.ResizeObserver) return;
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { measure(entry.target); });
    });
    mains.forEach(function (main) { observer.observe(main); });
  };
})(window.Explorables);
