/* A form is sent once, not once per click: a second submit of the same form within three
   seconds of the first (a double click, or an impatient second click on a slow connection)
   is ignored. Without this file a double click could start two rounds, send every
   invitation twice or add the same action twice. After three seconds a click counts again:
   the first may have failed, or have been a download that left the page as it was. */
(function () {
  "use strict";
  var WINDOW = 3000;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== "post") {
      return;
    }
    var now = Date.now();
    var last = Number(form.dataset.sentAt || 0);
    if (now - last < WINDOW) {
      event.preventDefault();
      return;
    }
    form.dataset.sentAt = String(now);
  });
})();

/* A form sent back with errors: the focus starts at the summary of what to correct, which
   links to each field, so that a keyboard or screen reader user begins where the problem is
   told, not at the top of the page (includes/form_errors.html). */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
})();
