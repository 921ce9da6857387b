// Applies the saved theme before the page paints. A file, not an inline script,
// so the Content-Security-Policy needs no exception for it.
(function () {
  try {
    var theme = localStorage.getItem('lianjian:theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  } catch (e) {}
})();
