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

  // The gap timeline's zoom: two times, or a drag across the plot, fetch the timeline of that window alone and swap it
  // in; the page, its findings and its forms stay as they are.
  async function zoom(from, to) {
    const controls = document.getElementById('tl-zoom-controls');
    const url = controls.dataset.url + '?device=' + encodeURIComponent(controls.dataset.device || '')
        + '&from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.ok) {
      document.getElementById('timeline').innerHTML = await response.text();
      bindDrag();
    }
  }

  function bindDrag() {
    const svg = document.querySelector('#timeline svg');
    if (!svg || !svg.dataset.t0) {
      return;
    }
    let startX = null;
    // from a point of the drawing to its time: the plot runs from data-plot-x over data-plot-w viewBox units
    function timeAt(clientX) {
      const box = svg.getBoundingClientRect();
      const scale = svg.viewBox.baseVal.width / box.width;
      const x = (clientX - box.left) * scale;
      const t0 = Number(svg.dataset.t0);
      const t1 = Number(svg.dataset.t1);
      const f = Math.min(1, Math.max(0, (x - Number(svg.dataset.plotX)) / Number(svg.dataset.plotW)));
      return new Date((t0 + f * (t1 - t0)) * 1000).toISOString();
    }
    svg.addEventListener('mousedown', function (event) { startX = event.clientX; });
    svg.addEventListener('mouseup', function (event) {
      if (startX !== null && Math.abs(event.clientX - startX) > 4) {
        const a = timeAt(Math.min(startX, event.clientX));
        const b = timeAt(Math.max(startX, event.clientX));
        zoom(a, b);
      }
      startX = null;
    });
  }

  document.addEventListener('click', function (event) {
    if (event.target && event.target.id === 'tl-zoom') {
      const from = document.getElementById('tl-zoom-from').value;
      const to = document.getElementById('tl-zoom-to').value;
      if (from && to) {
        zoom(from, to);
      }
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    schedule(document.getElementById('live'));
    if (document.getElementById('tl-zoom-controls')) {
      bindDrag();
    }
  });
})();
