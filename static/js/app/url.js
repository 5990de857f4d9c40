// Keeps the address bar equal to the page's deep link, and other forms' copies of a widget's state current.
(function (E) {
  'use strict';

  // Address bar = path + every widget's canonical query + #section, replaced so no history entry per tick.
  function syncAddress(fd) {
    var art = document.querySelector('article.explorable');
    if (!art) return;
    var state = new URLSearchParams(art.dataset.query || '');
    new URLSearchParams(fd.dataset.query).forEach(function (value, key) { state.set(key, value); });
    art.dataset.query = state.toString();
    var url = location.pathname + '?' + art.dataset.query + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, '', url);
    }
  }

  // Other forms' hidden copies of this widget's parameters take its new values (no-JS submissions keep them).
  function syncOtherForms(fd) {
    var own = new URLSearchParams(fd.dataset.query);
    document.querySelectorAll('form[data-widget]').forEach(function (form) {
      if (form.dataset.widget === fd.dataset.widget) return;
      form.querySelectorAll('input[type=hidden]').forEach(function (input) {
        if (own.has(input.name)) input.value = own.get(input.name);
      });
    });
  }

  // "Show me" links and a drawing's parts are deep links: each keeps the page's current state but for what it names.
  function syncLinks(fd) {
    var own = new URLSearchParams(fd.dataset.query);
    document.querySelectorAll('a.show-me[data-show], a.part-link[data-show]').forEach(function (link) {
      var url = new URL(link.getAttribute('href'), location.href);
      if (url.pathname !== location.pathname) return;
      var named = new URLSearchParams(link.dataset.show), state = url.searchParams;
      own.forEach(function (value, key) { if (!named.has(key)) state.set(key, value); });
      link.setAttribute('href', url.pathname + '?' + state.toString() + url.hash);
    });
  }

  E.on('explorables:landed', '.figdata', function (fd) {
    syncAddress(fd);
    syncOtherForms(fd);
    syncLinks(fd);
  });

  // Live search results carry their search page's deep link (templates/_search_results.html).
  document.addEventListener('htmx:afterSwap', function (e) {
    var results = document.getElementById('search-results');
    if (!results || !results.dataset.url || e.target !== results && !results.contains(e.target)) return;
    if (results.dataset.url !== location.pathname + location.search) history.replaceState(history.state, '', results.dataset.url);
    if (results.dataset.title) document.title = results.dataset.title;
  });
})(window.Explorables);
