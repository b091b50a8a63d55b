/* Recoup UI behaviour: CSRF header for htmx, session-expiry handling, ECharts for the overview. */
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // Spring Security wants the CSRF token on every state-changing request; htmx sends it as a header.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // A request whose session expired is redirected to the login page: show that page instead of swapping it in.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var url = event.detail.xhr && event.detail.xhr.responseURL;
    if (url && new URL(url, window.location.href).pathname === '/login') {
      event.detail.shouldSwap = false;
      window.location.assign(url);
    }
  });

  // Charts are disposed with the element htmx removes, so swapped fragments do not leak instances.
  document.addEventListener('htmx:beforeCleanupElement', function (event) {
    if (window.echarts && event.target.matches && event.target.matches('[data-chart]')) {
      var chart = echarts.getInstanceByDom(event.target);
      if (chart) {
        chart.dispose();
      }
    }
  });

  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = window.echarts && echarts.getInstanceByDom(el);
      if (chart) {
        chart.resize();
      }
    });
  });

  function numberFormat(digits) {
    var lang = document.documentElement.lang || undefined;
    return new Intl.NumberFormat(lang, {minimumFractionDigits: digits, maximumFractionDigits: digits});
  }

  function renderCurrency(container, data, currency) {
    var accountsLabel = container.getAttribute('data-label-accounts');
    var overdueLabel = container.getAttribute('data-label-overdue');
    var counts = numberFormat(0);
    var amounts = numberFormat(currency.digits);
    var scale = Math.pow(10, currency.digits);
    container.querySelectorAll('[data-chart][data-currency="' + currency.currency + '"]').forEach(function (el) {
      var stage = el.getAttribute('data-chart') === 'stage';
      var tallies = stage ? currency.stages : currency.buckets;
      var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'canvas'});
      chart.setOption({
        color: ['#3b6fd8', '#e0703a'],
        textStyle: {fontFamily: getComputedStyle(document.body).fontFamily},
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
        legend: {top: 0, right: 0, itemWidth: 14, itemHeight: 10},
        grid: {left: 8, right: 8, top: 36, bottom: 4, containLabel: true},
        xAxis: {
          type: 'category',
          data: tallies.map(function (t) { return stage ? (data.stageLabels[t.name] || t.name) : t.name; }),
          axisTick: {alignWithLabel: true}
        },
        yAxis: [
          {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef1f5'}}},
          {type: 'value', splitLine: {show: false},
            axisLabel: {formatter: function (v) { return counts.format(v); }}}
        ],
        series: [
          {
            name: accountsLabel, type: 'bar', barMaxWidth: 34,
            itemStyle: {borderRadius: [3, 3, 0, 0]},
            tooltip: {valueFormatter: function (v) { return counts.format(v); }},
            data: tallies.map(function (t) { return t.accounts; })
          },
          {
            name: overdueLabel + ' (' + currency.currency + ')', type: 'line', yAxisIndex: 1, symbolSize: 7,
            tooltip: {valueFormatter: function (v) { return amounts.format(v); }},
            // minor units → amount, for drawing only; the tables show the exact figures
            data: tallies.map(function (t) { return t.overdueMinor / scale; })
          }
        ]
      }, true);
    });
  }

  function renderOverview(container) {
    var src = container.getAttribute('data-src');
    if (!src || !container.querySelector('[data-chart]') || !window.echarts) {
      return;
    }
    fetch(src, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('overview data: HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        data.overview.currencies.forEach(function (currency) {
          renderCurrency(container, data, currency);
        });
      })
      .catch(function (error) {
        console.error(error);
      });
  }

  htmx.onLoad(function (root) {
    var containers = root.matches && root.matches('[data-src]') ? [root] : root.querySelectorAll('[data-src]');
    Array.prototype.forEach.call(containers, renderOverview);
  });
})();
