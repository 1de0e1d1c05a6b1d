// The language the page was rendered in (by lang=, the cookie or Accept-Language) goes into the address bar, so a
// copied link opens in the sender's language.
// Links inside the pages carry no lang: the cookie the server set keeps the choice while browsing.
(function () {
  'use strict';
  const lang = document.documentElement.dataset.lang;
  if (!lang) { return; }
  const url = new URL(window.location.href);
  if (url.searchParams.get('lang') === lang) { return; }
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
})();
