// Footage Pipeline console: the only script, no build step (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';

  // While something runs, re-read this page every data-refresh ms and swap in its #live part, keeping the
  // stack traces a reader has opened open.
  function schedule(live) {
    if (live && live.dataset.running === 'true') {
      setTimeout(refresh, Number(live.dataset.refresh) || 3000);
    }
  }

  async function refresh() {
    const live = document.getElementById('live');
    if (!live) {
      return;
    }
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
      if (!response.ok || response.redirected) {
        window.location.reload(); // logged out, or the page is gone: let the browser show why
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById('live');
      if (!fresh) {
        return;
      }
      const open = Array.from(live.querySelectorAll('details[open][id]')).map(function (d) { return d.id; });
      open.forEach(function (id) {
        const d = fresh.querySelector('#' + CSS.escape(id));
        if (d) { d.open = true; }
      });
      live.replaceWith(fresh);
      schedule(fresh);
    } catch (e) {
      schedule(live); // the server restarting: try again later
    }
  }

  // Irreversible actions ask first: <form data-confirm="...">.
  document.addEventListener('submit', function (event) {
    const message = event.target.dataset ? event.target.dataset.confirm : null;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    schedule(document.getElementById('live'));
  });
})();
