/* Work queue: the "n" key takes the next case (not while typing in a field). */
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'n' && event.key !== 'N') {
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var button = document.querySelector('[data-action="next-case"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();
