// Physio Kiosk: small progressive enhancements. Every screen works without this file.
(function () {
  'use strict';

  // A page restored from the back-forward cache may show the previous patient's answers: reload it,
  // so the server decides what to show.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });

  // "None of these" stands alone: ticking it clears the others, ticking another clears it.
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches || !box.matches('input[type=checkbox][name=answer]') || !box.checked) {
      return;
    }
    var exclusive = box.dataset.exclusive === 'true';
    box.form.querySelectorAll('input[type=checkbox][name=answer]').forEach(function (other) {
      if (other !== box && (exclusive || other.dataset.exclusive === 'true')) {
        other.checked = false;
      }
    });
  });
})();
