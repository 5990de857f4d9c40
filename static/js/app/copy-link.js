// A section's "#" link also puts its deep link, with the current state, on the clipboard (the link is followed too).
(function (E) {
  'use strict';

  E.on('click', 'a[data-copy-section]', function (copy) {
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
