// Copy-link buttons: put the deep link to a section, with the current state, on the clipboard.
(function (E) {
  'use strict';

  E.on('click', 'button.copy-link', function (copy) {
    var url = location.origin + location.pathname + location.search + '#' + copy.dataset.copySection;
    var done = function (ok) {
      copy.dataset.copied = ok ? 'yes' : 'no';
      E.announce(ok ? 'Link copied to the clipboard.' : 'Copying failed; the link is ' + url);
      setTimeout(function () { delete copy.dataset.copied; }, 2500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  });
})(window.Explorables);
