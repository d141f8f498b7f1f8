// Progressive enhancements only: every page works without JavaScript.
(function () {
  "use strict";
  // Copy buttons: <button data-copy-target="#id">…</button> copies the target's text.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button || !navigator.clipboard) return;
    var target = document.querySelector(button.getAttribute("data-copy-target"));
    if (!target) return;
    navigator.clipboard.writeText(target.innerText.trim()).then(function () {
      var done = button.getAttribute("data-copied-label");
      if (done) {
        var label = button.textContent;
        button.textContent = done;
        setTimeout(function () { button.textContent = label; }, 2000);
      }
    });
  });
})();
