/* Dialogue workshop: Page Down / Page Up move between areas, as a presentation remote sends.
   Progressive enhancement: without this file the buttons and links do the same. The keys
   scroll the page first, and only at its end (or top) move on, so nothing is skipped. */
(function () {
  "use strict";
  var next = document.querySelector("[data-workshop-next]");
  var prev = document.querySelector("[data-workshop-prev]");
  var hint = document.getElementById("workshop-keys");
  if (!next && !prev) {
    return;
  }
  if (hint) {
    hint.hidden = false;
  }

  function typing(target) {
    return target instanceof Element &&
      target.closest("input, select, textarea, [contenteditable]") !== null;
  }

  function atBottom() {
    var page = document.documentElement;
    return window.scrollY + window.innerHeight >= page.scrollHeight - 2;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey ||
        event.shiftKey || typing(event.target)) {
      return;
    }
    if (event.key === "PageDown" && next && atBottom()) {
      event.preventDefault();
      next.click();
    } else if (event.key === "PageUp" && prev && window.scrollY <= 0) {
      event.preventDefault();
      prev.click();
    }
  });
})();
