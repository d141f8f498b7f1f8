// The price step's earnings table, refreshed as the prices are typed (progressive enhancement:
// without JavaScript the table shows the saved prices). The figures come from the server
// (submissions:earnings, boutique/pricing.py), never computed here: one rule, one place.
(function () {
  "use strict";

  function init() {
    var section = document.querySelector("[data-earnings]");
    if (!section) return;
    var table = section.querySelector("[data-earnings-table]");
    var status = section.querySelector("[data-earnings-status]");
    var price = document.getElementById("id_price");
    var memberPrice = document.getElementById("id_member_price");
    var institutionPrice = document.getElementById("id_institution_price");
    if (!table || !price || !memberPrice) return;
    var timer = null;
    var controller = null;
    var lastQuery = null;

    function refresh() {
      var query = "?prix=" + encodeURIComponent(price.value) +
        "&prix_membre=" + encodeURIComponent(memberPrice.value) +
        (institutionPrice ? "&prix_etablissement=" + encodeURIComponent(institutionPrice.value) : "");
      if (query === lastQuery) return;
      lastQuery = query;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(section.getAttribute("data-earnings") + query, {
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          // 400 carries the message about the amount typed: shown like the table.
          return response.ok || response.status === 400 ? response.text() : null;
        })
        .then(function (html) {
          if (html === null) return;
          table.innerHTML = html;
          var body = table.querySelector("[data-earnings-summary]");
          if (status && body) status.textContent = body.getAttribute("data-earnings-summary");
        })
        .catch(function () { /* aborted or offline: the saved prices' table stays */ });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    }

    price.addEventListener("input", schedule);
    memberPrice.addEventListener("input", schedule);
    if (institutionPrice) institutionPrice.addEventListener("input", schedule);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
