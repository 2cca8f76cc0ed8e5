// Draw every Vega-Lite chart of the monitor (vendored vega, vega-lite, vega-embed; no CDN), again after an htmx
// refresh. The drawing is hidden from assistive technology: its figcaption and the table next to it carry the
// same numbers (Vega re-adds ARIA roles on every resize, so they cannot be relied on).
(function () {
  // Under the Content-Security-Policy (no 'unsafe-eval', no inline style): expressions run in Vega's interpreter
  // instead of generated functions, and neither vega-embed nor its tooltip injects a <style> element (their rules
  // are in monitor.css).
  var opties = {
    actions: false,
    renderer: "svg",
    ast: true,
    expr: vega.expressionInterpreter,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
  };
  function teken(root) {
    root.querySelectorAll("[data-grafiek]").forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.grafiek).textContent);
      vegaEmbed(el, spec, opties).catch(function () { el.hidden = true; });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { teken(document); });
  document.addEventListener("htmx:afterSwap", function (e) { teken(e.target); });
})();
