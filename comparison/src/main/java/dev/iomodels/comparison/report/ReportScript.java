package dev.iomodels.comparison.report;

/**
 * The report page's own script: hands each chart's option to ECharts, adding what JSON
 * cannot carry (the tooltip's formatter, the drawing of error bars), and links the trace
 * charts of a step so that they share their tooltip and zoom.
 */
final class ReportScript {

	/**
	 * The drawing of an error bar, a custom series' {@code renderItem}: the page's charts
	 * and the static images ({@link ChartImages}) use the same function.
	 */
	static final String ERROR_BAR = """
			  // An error bar from the smallest to the largest of the repeated runs: [step, min, max].
			  function errorBar(params, api) {
			    var step = api.value(0);
			    var low = api.coord([step, api.value(1)]);
			    var high = api.coord([step, api.value(2)]);
			    var style = { stroke: api.visual('color'), lineWidth: 1.5 };
			    return { type: 'group', children: [
			      { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
			      { type: 'line', shape: { x1: low[0] - 5, y1: low[1], x2: low[0] + 5, y2: low[1] }, style: style },
			      { type: 'line', shape: { x1: high[0] - 5, y1: high[1], x2: high[0] + 5, y2: high[1] }, style: style }
			    ] };
			  }
			""";

	/** The script; it reads the options from {@code <script id="chart-options">}. */
	static final String SCRIPT = """
			(function () {
			  'use strict';
			  var charts = JSON.parse(document.getElementById('chart-options').textContent);
			  function fmt(value) {
			    if (value === null || value === undefined || isNaN(value)) { return '–'; }
			    var size = Math.abs(value);
			    return Number(value).toLocaleString('en-US',
			      { maximumFractionDigits: size >= 100 ? 1 : (size >= 1 ? 2 : 3) });
			  }
			  function escape(text) {
			    return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
			  }
			""" + ERROR_BAR
			+ """
					  function tooltip(unit, axisUnit) {
					    return function (params) {
					      var list = Array.isArray(params) ? params : [params];
					      if (list.length === 0) { return ''; }
					      var lines = [escape(list[0].axisValueLabel + axisUnit)];
					      list.forEach(function (p) {
					        var value = p.value;
					        var text;
					        if (p.seriesType === 'custom') {
					          text = 'range ' + fmt(value[1]) + '–' + fmt(value[2]) + ' ' + unit;
					        } else {
					          if (Array.isArray(value)) { value = value[1]; }
					          if (value === null || value === undefined) { return; }
					          text = fmt(value) + ' ' + unit;
					        }
					        if (p.data && p.data.note) { text += ' · ' + p.data.note; }
					        lines.push('<span class="tip">' + p.marker + escape(p.seriesName) + ': ' + escape(text) + '</span>');
					      });
					      return lines.join('<br>');
					    };
					  }
					  var groups = {};
					  charts.forEach(function (chart) {
					    var option = chart.option;
					    var unit = option.tooltip.unit;
					    var axisUnit = option.xAxis.type === 'value' ? ' s' : ' users';
					    delete option.tooltip.unit;
					    option.tooltip.formatter = tooltip(unit, axisUnit);
					    option.series.forEach(function (series) {
					      if (series.renderItem === 'errorBar') { series.renderItem = errorBar; }
					    });
					    var instance = echarts.init(document.getElementById(chart.id), null, { renderer: 'canvas' });
					    instance.setOption(option);
					    if (chart.group) {
					      instance.group = chart.group;
					      groups[chart.group] = true;
					    }
					  });
					  Object.keys(groups).forEach(function (group) { echarts.connect(group); });
					  window.addEventListener('resize', function () {
					    document.querySelectorAll('div.chart').forEach(function (element) {
					      var instance = echarts.getInstanceByDom(element);
					      if (instance) { instance.resize(); }
					    });
					  });
					})();
					""";

	private ReportScript() {
	}

}
