// A section's "#" link also puts its shareable link on the clipboard: /<slug>/s/<section>?<state>#<section>, whose
// preview (og:image, title, sentence) is that section's; the link is followed too. Opened from such a link, the page
// takes its own address (/<slug>?<state>#<section>) and, if the fragment was dropped, goes to the section.
(function (E) {
  'use strict';

  var art = document.querySelector('article.explorable');
  var slug = art && art.dataset.slug;

  E.on('click', 'a[data-copy-section]', function (copy) {
    var id = copy.dataset.copySection;
    var path = slug ? '/' + encodeURIComponent(slug) + '/s/' + encodeURIComponent(id) : location.pathname;
    var url = location.origin + path + location.search + '#' + id;
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

  // An embed's credit line links to the full page at the state shown.
  E.on('explorables:landed', '.figdata', function (fd) {
    var credit = document.querySelector('a.embed-credit-link');
    if (!credit) return;
    var url = new URL(credit.href);
    url.search = fd.dataset.query;
    credit.href = url.toString();
  });

  var shared = slug && location.pathname.match(/^\/([^/]+)\/s\/([^/]+)$/);
  if (shared && decodeURIComponent(shared[1]) === slug) {
    var id = decodeURIComponent(shared[2]);
    history.replaceState(history.state, '', '/' + slug + location.search + location.hash);
    if (!location.hash && document.getElementById(id)) location.replace('#' + id);
  }
})(window.Explorables);
