/* dangjian: draws every chart of the page. Each chart is a div.chart-canvas with its ECharts
   options in a <script type="application/json" data-chart-for="ID"> beside it; this file follows
   ECharts itself in assets/charts.js, so a page loads one script and requests no other host. */
(function () {
  "use strict";
  function draw() {
    if (typeof echarts === "undefined") {
      return;
    }
    var charts = [];
    var blocks = document.querySelectorAll("script[data-chart-for]");
    for (var i = 0; i < blocks.length; i++) {
      var el = document.getElementById(blocks[i].getAttribute("data-chart-for"));
      if (!el) {
        continue;
      }
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(JSON.parse(blocks[i].textContent));
      charts.push(chart);
    }
    window.addEventListener("resize", function () {
      for (var i = 0; i < charts.length; i++) {
        charts[i].resize();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
