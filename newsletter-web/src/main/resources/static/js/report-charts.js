// Draws the report charts (Chart.js, served by the application) from the data each canvas carries,
// and wires the PNG download and print buttons. No animation: the chart is drawn at once, and a
// printed page or a PNG shows it whole.
(function () {
  const colors = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1'];
  // a white background, so that the PNG is readable outside the page
  const whiteBackground = {
    id: 'whiteBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    }
  };

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    const spec = JSON.parse(canvas.dataset.chart);
    const hasSecondAxis = spec.series.some(function (s) { return s.axis === 'y1'; });
    const scales = { y: { beginAtZero: true, position: 'left' } };
    if (hasSecondAxis) {
      scales.y1 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } };
    }
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return {
            label: s.label, data: s.data, type: s.type, yAxisID: s.axis,
            backgroundColor: colors[i % colors.length] + (s.type === 'bar' ? 'b3' : '33'),
            borderColor: colors[i % colors.length], borderWidth: s.type === 'line' ? 2 : 0,
            pointRadius: s.type === 'line' ? 2 : 0, tension: 0.2
          };
        })
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: scales },
      plugins: [whiteBackground]
    });
  });

  document.querySelectorAll('[data-chart-download]').forEach(function (button) {
    button.addEventListener('click', function () {
      const chart = Chart.getChart(document.getElementById(button.dataset.chartDownload));
      const link = document.createElement('a');
      link.href = chart.toBase64Image('image/png', 1);
      link.download = button.dataset.filename || 'graphique.png';
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
