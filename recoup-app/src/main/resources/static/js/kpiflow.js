/* Portfolio-flow dashboards: draws the chart of /ui/kpis/<dashboard> from the same tables the page shows. */
(function () {
  'use strict';

  function columnIndex(table) {
    var index = {};
    table.columns.forEach(function (c, i) { index[c.key] = i; });
    return index;
  }

  function num(v) { return v === null || v === undefined ? null : Number(v); }
  function pct(v) { return v === null || v === undefined ? null : Math.round(Number(v) * 10000) / 100; }

  function unique(values) {
    var seen = [];
    values.forEach(function (v) { if (seen.indexOf(v) < 0) { seen.push(v); } });
    return seen;
  }

  var base = {
    tooltip: {trigger: 'axis'},
    legend: {top: 0, left: 0, type: 'scroll', right: 120},
    grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true}
  };

  function merge(option) {
    var o = {};
    Object.keys(base).forEach(function (k) { o[k] = base[k]; });
    Object.keys(option).forEach(function (k) { o[k] = option[k]; });
    o.textStyle = {fontFamily: getComputedStyle(document.body).fontFamily};
    return o;
  }

  var builders = {
    'bucket-mix': function (tables, currency) {
      var t = tables[0], c = columnIndex(t);
      var rows = t.rows.filter(function (r) { return r[c.currency] === currency; });
      var dates = unique(rows.map(function (r) { return r[c.as_of]; }));
      var buckets = unique(rows.map(function (r) { return r[c.bucket]; }));
      return merge({
        xAxis: {type: 'category', data: dates},
        yAxis: {type: 'value', minInterval: 1},
        series: buckets.map(function (b) {
          return {name: b, type: 'bar', stack: 'accounts', data: dates.map(function (d) {
            var row = rows.find(function (r) { return r[c.as_of] === d && r[c.bucket] === b; });
            return row ? num(row[c.accounts]) : 0;
          })};
        })
      });
    },
    'roll-rates': function (tables, currency) {
      var t = tables[0], c = columnIndex(t);
      var rows = t.rows.filter(function (r) { return r[c.currency] === currency; });
      var buckets = unique(rows.map(function (r) { return r[c.from_bucket]; })
        .concat(rows.map(function (r) { return r[c.to_bucket]; })));
      var order = t.rows.length ? buckets : [];
      var data = rows.map(function (r) {
        return [order.indexOf(r[c.to_bucket]), order.indexOf(r[c.from_bucket]), pct(r[c.count_rate])];
      });
      return merge({
        tooltip: {position: 'top', formatter: function (p) {
          return order[p.value[1]] + ' → ' + order[p.value[0]] + ': ' + p.value[2] + '%';
        }},
        grid: {left: 8, right: 16, top: 40, bottom: 60, containLabel: true},
        xAxis: {type: 'category', data: order, name: '→', splitArea: {show: true}},
        yAxis: {type: 'category', data: order, inverse: true, splitArea: {show: true}},
        visualMap: {min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
          inRange: {color: ['#f4f7fb', '#3b6fd8', '#c0392b']}},
        series: [{name: '%', type: 'heatmap', data: data, label: {show: true, formatter: function (p) {
          return p.value[2] + '%';
        }}}]
      });
    },
    'cure-recovery': function (tables, currency) {
      var t = tables[0], c = columnIndex(t);
      var rows = t.rows.filter(function (r) { return r[c.currency] === currency; });
      var label = function (key) { return t.columns[c[key]].label; };
      var cumulative = 0;
      return merge({
        xAxis: {type: 'category', data: rows.map(function (r) { return r[c.as_of]; })},
        yAxis: [{type: 'value', axisLabel: {formatter: '{value}%'}}, {type: 'value', splitLine: {show: false}}],
        series: [
          {name: label('cure_rate'), type: 'line', data: rows.map(function (r) { return pct(r[c.cure_rate]); })},
          {name: label('entry_rate'), type: 'line', data: rows.map(function (r) { return pct(r[c.entry_rate]); })},
          {name: label('recovery_rate'), type: 'line', data: rows.map(function (r) { return pct(r[c.recovery_rate]); })},
          {name: label('recovered') + ' Σ (' + currency + ')', type: 'bar', yAxisIndex: 1, itemStyle: {opacity: 0.35},
            data: rows.map(function (r) { cumulative += num(r[c.recovered]); return Math.round(cumulative * 100) / 100; })}
        ]
      });
    },
    'vintages': function (tables, currency) {
      var t = tables[0], c = columnIndex(t);
      var rows = t.rows.filter(function (r) { return r[c.currency] === currency; });
      var cohorts = unique(rows.map(function (r) { return r[c.open_month]; })).slice(-12);
      var mobs = unique(rows.map(function (r) { return r[c.mob]; })).sort(function (a, b) { return a - b; });
      return merge({
        xAxis: {type: 'category', data: mobs, name: t.columns[c.mob].label, nameLocation: 'middle', nameGap: 24},
        yAxis: {type: 'value', axisLabel: {formatter: '{value}%'}},
        grid: {left: 8, right: 16, top: 40, bottom: 28, containLabel: true},
        series: cohorts.map(function (m) {
          return {name: m, type: 'line', connectNulls: true, data: mobs.map(function (mob) {
            var row = rows.find(function (r) { return r[c.open_month] === m && r[c.mob] === mob; });
            return row ? pct(row[c.dpd30_rate]) : null;
          })};
        })
      });
    },
    'aging': function (tables, currency) {
      var t = tables[0], c = columnIndex(t);
      var rows = t.rows.filter(function (r) { return r[c.currency] === currency; });
      var agings = unique(rows.map(function (r) { return r[c.aging_bucket]; }));
      var risks = unique(rows.map(function (r) { return r[c.risk_class]; }));
      return merge({
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
        xAxis: {type: 'category', data: agings},
        yAxis: {type: 'value'},
        series: risks.map(function (k) {
          return {name: k, type: 'bar', stack: 'overdue', data: agings.map(function (a) {
            var row = rows.find(function (r) { return r[c.aging_bucket] === a && r[c.risk_class] === k; });
            return row ? num(row[c.overdue]) : 0;
          })};
        })
      });
    }
  };

  function draw(el, data, select) {
    var build = builders[el.getAttribute('data-kpi-dashboard')];
    var t = data.tables[0];
    var ci = columnIndex(t);
    var currencies = unique(t.rows.map(function (r) { return r[ci.currency]; }));
    if (select && !select.options.length) {
      currencies.forEach(function (cur) { select.add(new Option(cur, cur)); });
      select.hidden = currencies.length < 2;
    }
    var currency = select && select.value ? select.value : currencies[0];
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption(build(data.tables, currency), true);
  }

  function init() {
    var el = document.querySelector('[data-kpi-src]');
    if (!el || !window.echarts) {
      return;
    }
    var select = document.querySelector('[data-kpi-currency]');
    fetch(el.getAttribute('data-kpi-src'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('dashboard data: HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        draw(el, data, select);
        if (select) {
          select.addEventListener('change', function () { draw(el, data, select); });
        }
      })
      .catch(function (error) { console.error(error); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
