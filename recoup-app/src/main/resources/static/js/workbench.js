/* Workbench (case page) behaviour: keyboard shortcuts (1–9 dispositions, n next case), promise lines, "already paid". */
(function () {
  'use strict';

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function syncPromiseLines() {
    var chosen = document.querySelector('input[name="disposition"]:checked');
    var lines = document.getElementById('ptp-lines');
    if (lines) {
      lines.hidden = !(chosen && chosen.value === 'PROMISE');
    }
  }

  function choose(value) {
    var radio = document.querySelector('input[name="disposition"][value="' + value + '"]');
    if (radio) {
      radio.checked = true;
      radio.focus();
      syncPromiseLines();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (!document.querySelector('.case-page') || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key >= '1' && event.key <= '9') {
      var radio = document.querySelector('input[name="disposition"][data-key="' + event.key + '"]');
      if (radio) {
        event.preventDefault();
        choose(radio.value);
      }
    } else if (event.key === 'n') {
      var next = document.getElementById('next-case');
      if (next) {
        event.preventDefault();
        next.submit();
      }
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'disposition') {
      syncPromiseLines();
    }
  });

  document.addEventListener('click', function (event) {
    var action = event.target && event.target.getAttribute && event.target.getAttribute('data-action');
    if (action === 'add-ptp') {
      var lines = document.getElementById('ptp-lines');
      var first = lines.querySelector('.ptp-line');
      var copy = first.cloneNode(true);
      copy.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      lines.insertBefore(copy, event.target);
    } else if (action === 'claims-paid') {
      choose('CLAIMS_PAID');
      var form = document.getElementById('claim-form');
      if (form) {
        form.hidden = false;
        var first = form.querySelector('input[name="paidAt"]');
        if (first) {
          first.focus();
        }
      }
    }
  });

  // after an outcome is recorded the form starts again (a new client key arrives with the answer)
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'outcome-result'
        && event.detail.target.querySelector('[data-test="outcome-recorded"]')) {
      var form = document.getElementById('outcome-form');
      var key = document.getElementById('outcome-key').value;
      form.reset();
      document.getElementById('outcome-key').value = key;
      syncPromiseLines();
    }
  });

  // while the case page is open, keep the agent's queue lock on the case (locks time out after the routing
  // config's minutes; a case the agent no longer holds answers 409 and stays released)
  var casePage = document.querySelector('.case-page[data-case]');
  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  if (casePage && csrf && csrfHeader) {
    setInterval(function () {
      var headers = {};
      headers[csrfHeader.content] = csrf.content;
      fetch('/ui/queue/locks/' + encodeURIComponent(casePage.dataset.case), {
        method: 'POST', headers: headers, credentials: 'same-origin'
      }).catch(function () { /* the next tick tries again */ });
    }, 4 * 60 * 1000);
  }
})();
