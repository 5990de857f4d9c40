// Client glue for the explorables: draws the Plotly figures the server sends, keeps the address
// bar equal to the canonical deep link, and wires the copy-link and reset controls.
// Served as a file under a strict CSP (script-src 'self'): no inline scripts, no eval.
(function () {
  'use strict';

  document.documentElement.classList.add('js');
  var PLOT_CONFIG = { displayModeBar: false, responsive: true, displaylogo: false };

  function article() { return document.querySelector('article.explorable'); }

  // The address bar = this page's path + the canonical query of every widget's state + the
  // current #section. Replaced, never pushed: one history entry per page, not per slider tick.
  function syncUrl(figdata) {
    var art = article();
    if (!art) return;
    var state = new URLSearchParams(art.dataset.query || '');
    new URLSearchParams(figdata.dataset.query).forEach(function (value, key) { state.set(key, value); });
    art.dataset.query = state.toString();
    var url = location.pathname + '?' + art.dataset.query + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, '', url);
    }
  }

  function draw(figdata) {
    if (!window.Plotly) return;
    var figures = JSON.parse(figdata.dataset.figures);
    var wid = figdata.dataset.widget;
    Object.keys(figures).forEach(function (fid) {
      var el = document.getElementById('plot-' + wid + '-' + fid);
      if (!el) return;
      if (!el.classList.contains('js-plotly-plot')) el.textContent = '';  // drop the no-JS fallback
      Plotly.react(el, figures[fid].data, figures[fid].layout, PLOT_CONFIG);
    });
  }

  // Every figdata element not yet drawn: the ones in the page at load, and each one an HTMX
  // response swaps in (the server answers newest-last: the form uses hx-sync "queue last").
  function drawPending() {
    document.querySelectorAll('.figdata:not([data-drawn])').forEach(function (fd) {
      fd.dataset.drawn = '1';
      draw(fd);
      syncUrl(fd);
    });
  }

  function formatValue(input) {
    var unit = input.dataset.unit || '';
    return input.value + (unit === '%' || unit === '' ? unit : ' ' + unit);
  }

  function showValue(input) {
    var out = document.getElementById(input.id + '-out');
    if (out) out.textContent = formatValue(input);
    input.setAttribute('aria-valuetext', (input.value + ' ' + (input.dataset.unitWords || '')).trim());
  }

  function announce(text) {
    var status = document.getElementById('copy-status');
    if (status) status.textContent = text;
  }

  // Runs in the capture phase, before HTMX sends the request, so the label moves at once.
  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('input[type=range]')) showValue(e.target);
  }, true);

  document.addEventListener('click', function (e) {
    var copy = e.target.closest('button.copy-link');
    if (copy) {
      var url = location.origin + location.pathname + location.search + '#' + copy.dataset.copySection;
      var done = function (ok) {
        copy.dataset.copied = ok ? 'yes' : 'no';
        announce(ok ? 'Link copied to the clipboard.' : 'Copying failed; the link is ' + url);
        setTimeout(function () { delete copy.dataset.copied; }, 2500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
      } else {
        done(false);
      }
      return;
    }
    var reset = e.target.closest('a[data-reset]');
    if (reset) {
      var form = document.getElementById(reset.dataset.reset);
      if (!form || !window.htmx) return;  // no HTMX: follow the link (a full page load at defaults)
      e.preventDefault();
      form.querySelectorAll('input[type=range]').forEach(function (input) {
        input.value = input.dataset.default;
        showValue(input);
      });
      form.querySelectorAll('input[type=radio]').forEach(function (input) {
        input.checked = input.hasAttribute('data-default');
      });
      form.dispatchEvent(new Event('input', { bubbles: true }));
      announce('Settings reset to their defaults.');
    }
  });

  document.addEventListener('htmx:afterSwap', drawPending);
  document.addEventListener('htmx:responseError', function (e) {
    announce('The figure could not be updated (the server answered ' + e.detail.xhr.status + ').');
  });
  document.addEventListener('htmx:sendError', function () {
    announce('The figure could not be updated: the server did not answer.');
  });

  document.querySelectorAll('button.copy-link[hidden]').forEach(function (b) { b.hidden = false; });
  drawPending();
})();
