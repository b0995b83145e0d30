/* /api/v1/docs: what Swagger UI leaves out for keyboard and screen-reader users, added as it
   draws. A code example that scrolls sideways can be reached with Tab to scroll it with the
   arrow keys, and a parameter's list of values is named after its parameter. */
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root) {
    return;
  }

  function mend() {
    root.querySelectorAll("pre.microlight:not([tabindex])").forEach(function (code) {
      code.setAttribute("tabindex", "0");
    });
    root.querySelectorAll("select:not([aria-label])").forEach(function (select) {
      if (select.labels && select.labels.length) {
        return;
      }
      var row = select.closest("tr");
      var name = row && row.querySelector(".parameter__name");
      if (name) {
        select.setAttribute("aria-label", name.firstChild.textContent.trim());
      }
    });
  }

  new MutationObserver(mend).observe(root, { childList: true, subtree: true });
})();
