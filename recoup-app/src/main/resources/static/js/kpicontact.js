/* KPI dashboards: charts drawn from the same tables the page shows (GET <data-kpi-src> → {NAME: {columns, rows}}). */
(function () {
  'use strict';

  function records(table) {
    if (!table) { return []; }
    return table.rows.map(function (row) {
      var r = {};
      table.columns.forEach(function (c, i) { r[c.key] = row[i]; });
      return r;
    });
  }

  function chart(root, name) {
    var el = root.querySelector('[data-kpi-chart="' + name + '"]');
    if (!el || !window.echarts) { return null; }
    return echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'canvas'});
  }

  function pct(v) { return v == null ? '–' : (Number(v) * 100).toFixed(1) + ' %'; }

  function heatmap(root, name, rows, key) {
    var c = chart(root, name);
    if (!c) { return; }
    var channels = [];
    rows.forEach(function (r) { if (channels.indexOf(r.channel) < 0) { channels.push(r.channel); } });
    var hours = [];
    for (var h = 0; h < 24; h++) { hours.push(String(h)); }
    var data = rows.map(function (r) { return [r.hour, channels.indexOf(r.channel), Number(r[key])]; });
    var max = data.reduce(function (m, d) { return Math.max(m, d[2]); }, 0);
    c.setOption({
      tooltip: {position: 'top'},
      grid: {left: 70, right: 20, top: 10, bottom: 70},
      xAxis: {type: 'category', data: hours, name: root.getAttribute('data-label-hour'), nameLocation: 'middle', nameGap: 25},
      yAxis: {type: 'category', data: channels},
      visualMap: {min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 0},
      series: [{type: 'heatmap', data: data, label: {show: false}}]
    });
  }

  function render(root, tables) {
    var page = root.getAttribute('data-kpi-page');
    if (page === 'contacts') {
      var hours = records(tables.HOURS);
      heatmap(root, 'heatmap-rpc', hours, 'rpc');
      heatmap(root, 'heatmap-ptp', hours, 'ptp');
      var f = chart(root, 'funnel');
      if (f) {
        f.setOption({
          tooltip: {trigger: 'item'},
          series: [{type: 'funnel', sort: 'none', left: '10%', width: '80%', label: {formatter: '{b}: {c}'},
            data: records(tables.FUNNEL).map(function (r) { return {name: r.name, value: r.count}; })}]
        });
      }
      var ch = chart(root, 'channels');
      if (ch) {
        var rows = records(tables.CHANNELS);
        ch.setOption({
          tooltip: {trigger: 'axis'},
          legend: {},
          xAxis: {type: 'category', data: rows.map(function (r) { return r.channel + ' ' + r.currency; })},
          yAxis: [{type: 'value'}, {type: 'value', axisLabel: {formatter: function (v) { return (v * 100).toFixed(0) + '%'; }}}],
          series: [
            {name: root.getAttribute('data-label-rpc'), type: 'bar', data: rows.map(function (r) { return r.rpc; })},
            {name: root.getAttribute('data-label-rate'), type: 'line', yAxisIndex: 1,
              data: rows.map(function (r) { return r.rpc_rate; }), tooltip: {valueFormatter: pct}}
          ]
        });
      }
    } else if (page === 'agents') {
      var t = chart(root, 'agent-trend');
      if (t) {
        var trend = records(tables.AGENT_TREND);
        var dates = [];
        var agents = [];
        trend.forEach(function (r) {
          if (dates.indexOf(r.date) < 0) { dates.push(r.date); }
          if (agents.indexOf(r.agent) < 0) { agents.push(r.agent); }
        });
        dates.sort();
        t.setOption({
          tooltip: {trigger: 'axis'},
          legend: {type: 'scroll'},
          xAxis: {type: 'category', data: dates},
          yAxis: {type: 'value'},
          series: agents.slice(0, 15).map(function (a) {
            return {name: a, type: 'line', connectNulls: true, data: dates.map(function (d) {
              var hit = trend.filter(function (r) { return r.agent === a && r.date === d; })[0];
              return hit ? hit.contacts_per_hour : null;
            })};
          })
        });
      }
    } else if (page === 'experiments') {
      var a = chart(root, 'arms');
      if (a) {
        var arms = records(tables.ARMS);
        var names = arms.map(function (r) { return r.experiment + ' / ' + r.arm; });
        function box(low, rate, high) { return arms.map(function (r) { return [r[low], r[low], r[rate], r[high], r[high]].map(Number); }); }
        a.setOption({
          tooltip: {trigger: 'item'},
          legend: {},
          xAxis: {type: 'category', data: names},
          yAxis: {type: 'value', axisLabel: {formatter: function (v) { return (v * 100).toFixed(0) + '%'; }}},
          series: [
            {name: root.getAttribute('data-label-rate'), type: 'boxplot', data: box('rpc_low', 'rpc_rate', 'rpc_high')},
            {name: root.getAttribute('data-label-pay-rate'), type: 'boxplot', data: box('pay_low', 'pay_rate', 'pay_high')}
          ]
        });
      }
    } else if (page === 'compliance') {
      var cc = chart(root, 'compliance');
      if (cc) {
        var reasons = records(tables.COMPLIANCE_REASONS);
        cc.setOption({
          tooltip: {trigger: 'axis'},
          grid: {left: 200},
          xAxis: {type: 'value'},
          yAxis: {type: 'category', inverse: true, data: reasons.map(function (r) { return r.reason; })},
          series: [{type: 'bar', data: reasons.map(function (r) { return r.blocked; })}]
        });
      }
    }
    root.setAttribute('data-kpi-rendered', 'true');
  }

  function load(root) {
    var src = root.getAttribute('data-kpi-src');
    fetch(src, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (tables) { render(root, tables); })
      .catch(function (error) {
        root.setAttribute('data-kpi-error', String(error));
      });
  }

  function start() {
    document.querySelectorAll('[data-kpi-src]').forEach(load);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-kpi-chart]').forEach(function (el) {
      var c = window.echarts && echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });
})();
