/* The admin's author chooser (resources/admin_widgets.py): a search box that suggests people as
   the editor types (an ARIA combobox with a listbox), the chosen ones as a list of hidden inputs
   with « Retirer » buttons. No library; the messages come translated in data attributes. */
(function () {
  "use strict";

  function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var input = root.querySelector('input[type="search"]');
    var results = root.querySelector('[role="listbox"]');
    var chosen = root.querySelector(".apop-authors__chosen");
    var status = root.querySelector("[data-status]");
    var timer = null;
    var active = -1;
    var found = [];

    function say(text) { status.textContent = text; }
    function format(template, values) {
      return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
    }
    function isChosen(id) { return !!chosen.querySelector('[data-author-id="' + id + '"]'); }

    function close() {
      results.hidden = true;
      results.innerHTML = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      found = [];
    }

    function highlight(index) {
      var options = results.querySelectorAll('[role="option"]');
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(people) {
      results.innerHTML = "";
      found = people.filter(function (person) { return !isChosen(person.id); });
      found.forEach(function (person, i) {
        var option = document.createElement("li");
        option.id = input.id + "-option-" + person.id;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = person.name + " <" + person.email + ">";
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(found[i]); });
        results.appendChild(option);
      });
      results.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      say(found.length ? format(root.dataset.count, { count: found.length }) : root.dataset.none);
    }

    function choose(person) {
      if (!person || isChosen(person.id)) return;
      var item = document.createElement("li");
      item.dataset.authorId = person.id;
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = root.dataset.name;
      hidden.value = person.id;
      var label = document.createElement("span");
      label.textContent = person.name + " ";
      var email = document.createElement("span");
      email.className = "apop-authors__email";
      email.textContent = "<" + person.email + ">";
      label.appendChild(email);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary";
      button.setAttribute("data-remove", "");
      button.textContent = root.dataset.removeLabel;
      var hiddenName = document.createElement("span");
      hiddenName.className = "w-sr-only";
      hiddenName.textContent = " " + person.name;
      button.appendChild(hiddenName);
      item.append(hidden, label, button);
      chosen.appendChild(item);
      input.value = "";
      close();
      say(format(root.dataset.added, { name: person.name }));
      input.dispatchEvent(new Event("change", { bubbles: true }));  // Wagtail's unsaved-changes check
      input.focus();
    }

    function search() {
      var query = input.value.trim();
      if (query.length < 2) { close(); return; }
      fetch(root.dataset.url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) show(data.results); })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && found.length) {
        event.preventDefault();
        highlight(Math.min(active + 1, found.length - 1));
      } else if (event.key === "ArrowUp" && found.length) {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter") {
        event.preventDefault();  // never submit the page's form from the search box
        if (active >= 0) choose(found[active]);
        else if (found.length === 1) choose(found[0]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    chosen.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remove]");
      if (!button) return;
      var item = button.closest("li");
      var name = item.querySelector("span").firstChild.textContent.trim();
      item.remove();
      say(format(root.dataset.removed, { name: name }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      input.focus();
    });
  }

  function initAll() { document.querySelectorAll("[data-author-chooser]").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
})();
