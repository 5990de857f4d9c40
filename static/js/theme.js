// Applies the reader's saved theme before the page paints (loaded without defer, in <head>), and
// marks the page as scripted so the controls revealed later keep their place from the first paint.
(function () {
  document.documentElement.classList.add('js');
  try {
    var saved = localStorage.getItem('theme');
    if (saved === 'dark' || saved === 'light') document.documentElement.dataset.theme = saved;
  } catch (e) { /* storage unavailable: follow the system setting */ }
})();
