// Boot: reveals the controls that need scripts, starts the figures, announces failed updates.
(function (E) {
  'use strict';

  E.on('htmx:responseError', null, function (target, e) {
    E.announce('The figure could not be updated (the server answered ' + e.detail.xhr.status + ').');
  });
  E.on('htmx:sendError', null, function () {
    E.announce('The figure could not be updated: the server did not answer.');
  });

  document.querySelectorAll('.nudge[hidden], .stepper[hidden]').forEach(function (b) {
    b.hidden = false;
  });
  // A stage's button lands on the stage when it loads a page; an update (htmx) must go to its form's hx-get instead.
  document.querySelectorAll('.widget-stage button[formaction]').forEach(function (b) { b.removeAttribute('formaction'); });
  E.showThemeToggle();
  E.startLayout();
  E.startScrubs();
  E.startFigures();
})(window.Explorables);
