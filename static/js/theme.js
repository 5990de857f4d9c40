// Applies the reader's saved theme before the page paints (loaded without defer, in <head>).
(function () {
  try {
    var saved = localStorage.getItem('theme');
    if (saved === 'dark' || saved === 'light') document.documentElement.dataset.theme = saved;
  } catch (e) { /* storage unavailable: follow the system setting */ }
})();
