// Draw every Vega-Lite chart of the monitor (vendored vega, vega-lite, vega-embed; no CDN), again after an htmx
// refresh. The drawing is hidden from assistive technology: its figcaption and the table next to it carry the
// same numbers (Vega re-adds ARIA roles on every resize, so they cannot be relied on).
(function () {
  function teken(root) {
    root.querySelectorAll("[data-grafiek]").forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.grafiek).textContent);
      vegaEmbed(el, spec, { actions: false, renderer: "svg" }).catch(function () { el.hidden = true; });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { teken(document); });
  document.addEventListener("htmx:afterSwap", function (e) { teken(e.target); });
})();
