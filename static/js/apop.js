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

  // ---- Filters that apply themselves -------------------------------------------------------
  // <form data-autosubmit>: ticking a box submits the form (the page reloads with the new
  // filters). Its controls may live outside it (form="…", like the sort select). The Apply
  // buttons ([data-autosubmit-apply]) are for visitors without JavaScript and are hidden here;
  // a hint ([data-autosubmit-hint]) says beforehand that results update on change (WCAG 3.2.2).
  // After the reload, focus goes back to the control that was changed.
  var FOCUS_KEY = "apop:autosubmit-focus";

  function storage() {
    try { return window.sessionStorage; } catch (error) { return null; }
  }

  function autosubmitForm(control) {
    var form = control && control.form;
    return form && form.hasAttribute("data-autosubmit") ? form : null;
  }

  function submitFrom(control) {
    var form = autosubmitForm(control);
    if (!form || form.getAttribute("data-submitting")) return;
    form.setAttribute("data-submitting", "true");
    form.setAttribute("aria-busy", "true");
    var store = storage();
    if (store && control.id) store.setItem(FOCUS_KEY, control.id);
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  function initAutosubmit() {
    var forms = document.querySelectorAll("form[data-autosubmit]");
    if (!forms.length) return;
    Array.prototype.forEach.call(forms, function (form) {
      var buttons = document.querySelectorAll("[data-autosubmit-apply]");
      Array.prototype.forEach.call(buttons, function (button) {
        if (button.form === form) button.hidden = true;
      });
      var hint = form.querySelector("[data-autosubmit-hint]");
      if (hint) hint.hidden = false;
      // The default sort stays out of the URL (as in the links the server writes).
      form.addEventListener("formdata", function (event) {
        var sort = form.getAttribute("data-default-sort");
        if (sort && event.formData.get("tri") === sort) event.formData.delete("tri");
      });
    });

    // A select changed with the arrow keys fires "change" at each step: it waits for Enter or
    // for focus to leave it, so that keyboard users can browse the options.
    var keyboardSelect = null;
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (target.tagName !== "SELECT" || !autosubmitForm(target)) return;
      if (event.key === "Enter") {
        if (target.getAttribute("data-initial") !== null && target.value !== target.getAttribute("data-initial")) {
          event.preventDefault();
          submitFrom(target);
        }
      } else if (event.key === " " || event.key === "F4" || event.altKey) {
        keyboardSelect = null;  // opens the option popup: a choice made there applies at once
      } else if (/^(Arrow|Page|Home|End)/.test(event.key) || event.key.length === 1) {
        keyboardSelect = target;
      }
    });
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (target.tagName === "SELECT" && autosubmitForm(target)) {
        target.setAttribute("data-initial", target.value);
      }
    });
    document.addEventListener("focusout", function (event) {
      var target = event.target;
      if (target === keyboardSelect) {
        keyboardSelect = null;
        if (target.value !== target.getAttribute("data-initial")) submitFrom(target);
      }
    });
    document.addEventListener("mousedown", function (event) {
      if (event.target.closest && event.target.closest("select") === keyboardSelect) keyboardSelect = null;
    });
    document.addEventListener("change", function (event) {
      var target = event.target;
      if (!autosubmitForm(target)) return;
      if (target.type === "checkbox" || target.type === "radio") {
        submitFrom(target);
      } else if (target.tagName === "SELECT" && target !== keyboardSelect) {
        submitFrom(target);
      }
    });

    // Back on the page after the reload: focus the control that was changed — or, on a phone,
    // where the filters fold away, the new count of results, shown at the top of the screen.
    var store = storage();
    var id = store && store.getItem(FOCUS_KEY);
    if (!id) return;
    store.removeItem(FOCUS_KEY);
    var control = document.getElementById(id);
    var count = document.getElementById("result-count");
    var restore = null;
    if (narrowScreen() && count && control && control.closest("[data-facets-panel]")) {
      count.setAttribute("tabindex", "-1");
      var layout = document.getElementById("resultats") || count;
      restore = function () {
        count.focus({ preventScroll: true });
        layout.scrollIntoView({ block: "start" });
      };
    } else if (control && autosubmitForm(control)) {
      var details = control.closest("details");
      while (details) {
        details.open = true;
        details = details.parentElement && details.parentElement.closest("details");
      }
      restore = function () { control.focus(); };
    }
    if (!restore) return;
    restore();
    // The browser's own jump to #resultats at the end of loading drops the focus: give it back.
    if (document.readyState !== "complete") window.addEventListener("load", restore, { once: true });
  }

  // ---- The filters panel on narrow screens -------------------------------------------------
  // [data-facets-toggle] (aria-controls → the panel) collapses the filters below 48rem; wider,
  // the button is not displayed and the panel always shows. After a filter was ticked on a
  // phone the panel stays folded, so that the results come first.
  function narrowScreen() {
    return Boolean(window.matchMedia && window.matchMedia("(max-width: 48rem)").matches);
  }

  function initFacetsToggle() {
    var toggle = document.querySelector("[data-facets-toggle]");
    if (!toggle) return;
    var panel = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!panel) return;
    var store = storage();
    var restoring = store && store.getItem(FOCUS_KEY);
    function set(expanded) {
      toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
      panel.classList.toggle("is-collapsed", !expanded);
    }
    // Collapsed by default; on a wide screen (where the button is not shown) open when coming
    // back from a change made inside it.
    var inside = restoring && window.CSS && CSS.escape && panel.querySelector("#" + CSS.escape(restoring));
    set(Boolean(inside) && !narrowScreen());
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      set(toggle.getAttribute("aria-expanded") !== "true");
    });
  }

  // ---- Autocomplete of the header search box -------------------------------------------------
  // ARIA 1.2 combobox: the input keeps focus, aria-activedescendant points at the active option
  // of the listbox; a polite live region says how many suggestions there are.
  var DEBOUNCE_MS = 150;
  var MIN_CHARS = 2;

  function initAutocomplete() {
    var input = document.getElementById("site-search-q");
    var form = input && input.form;
    var listbox = document.getElementById("site-search-listbox");
    var status = document.getElementById("site-search-status");
    if (!form || !listbox || !status || !window.fetch) return;
    var endpoint = form.getAttribute("data-suggest-url");
    if (!endpoint) return;
    var lang = (document.documentElement.lang || "fr").slice(0, 2);
    var timer = null;
    var controller = null;
    var sequence = 0;
    var options = [];
    var active = -1;
    var lastQuery = "";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");

    function label(kind) {
      return form.getAttribute("data-label-" + kind) || kind;
    }

    function announce(count) {
      var message;
      if (count === 0) message = form.getAttribute("data-status-none");
      else if (count === 1) message = form.getAttribute("data-status-one");
      else message = (form.getAttribute("data-status-many") || "").replace("%(count)s", String(count));
      // Re-set even when unchanged, so that a new list is announced again.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message || ""; }, 50);
    }

    function setActive(index) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && options[active]) {
        var option = options[active];
        option.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (!options.length) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function isOpen() {
      return !listbox.hidden;
    }

    function render(suggestions) {
      listbox.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = "site-search-option-" + index;
        option.className = "autocomplete__option autocomplete__option--" + suggestion.kind;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        var text = document.createElement("span");
        text.className = "autocomplete__text";
        text.textContent = suggestion.text;
        var kind = document.createElement("span");
        kind.className = "autocomplete__kind";
        // A comma so that screen readers pause between the title and its kind.
        kind.innerHTML = '<span class="visually-hidden">, </span>';
        kind.appendChild(document.createTextNode(label(suggestion.kind)));
        option.appendChild(text);
        option.appendChild(kind);
        listbox.appendChild(option);
        options.push(option);
      });
      if (options.length) open(); else close();
      announce(options.length);
    }

    function fetchSuggestions(query) {
      var mine = ++sequence;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var url = endpoint + "?q=" + encodeURIComponent(query) + "&lang=" + encodeURIComponent(lang);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (mine !== sequence || input.value.trim() !== query) return;
          render(data.suggestions || []);
        })
        .catch(function () { /* aborted or offline: the form still submits */ });
    }

    function go(option) {
      var url = option && option.getAttribute("data-url");
      if (!url) return;
      close();
      window.location.assign(url);
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < MIN_CHARS) {
        sequence++;
        if (controller) controller.abort();
        lastQuery = "";
        options = [];
        listbox.textContent = "";
        close();
        status.textContent = "";
        return;
      }
      timer = window.setTimeout(function () {
        lastQuery = query;
        fetchSuggestions(query);
      }, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing) return;
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) return;
          event.preventDefault();
          if (!isOpen()) { open(); if (!event.altKey) setActive(0); return; }
          if (event.altKey) return;
          setActive(active + 1 >= options.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!options.length) return;
          event.preventDefault();
          if (!isOpen()) { open(); setActive(options.length - 1); return; }
          setActive(active <= 0 ? options.length - 1 : active - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(options[active]);
          } else {
            close();  // and the form submits as usual
          }
          break;
        case "Escape":
          if (isOpen()) {
            // type=search would also clear the text: keep it, close the list only.
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    // Keep focus in the input while clicking an option, then follow it.
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) go(option);
    });

    input.addEventListener("blur", function () { close(); });
    input.addEventListener("focus", function () {
      if (options.length && input.value.trim() === lastQuery) open();
    });
    input.addEventListener("click", function () {
      if (!isOpen() && options.length && input.value.trim() === lastQuery) open();
    });
    // Back/forward cache: come back with the list closed.
    window.addEventListener("pageshow", function () { close(); });
  }

  // ---- The account invitation after a download ------------------------------------------------
  // [data-account-invite] (hidden until the visitor's first download, files/invitation.py)
  // shows as soon as a download link of the page is used: the file arrives, the page stays.
  function initAccountInvite() {
    var invite = document.querySelector("[data-account-invite]");
    if (!invite) return;
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest('a[href*="/telechargement/"]');
      if (link) invite.hidden = false;
    });
  }

  // ---- The header's menus on phones ------------------------------------------------------------
  // [data-menu-toggle] folds the language, account and main menus below 40rem (CSS shows it
  // only there); wider, the button is not displayed and the menus always show.
  function initMenuToggle() {
    var toggle = document.querySelector("[data-menu-toggle]");
    var header = toggle && toggle.closest(".site-header");
    if (!header) return;
    function set(expanded) {
      toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
      header.classList.toggle("is-menu-collapsed", !expanded);
    }
    set(false);
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      set(toggle.getAttribute("aria-expanded") !== "true");
    });
  }

  // ---- Courses at submission -----------------------------------------------------------------
  // [data-course-choices]: only the courses of the disciplines ticked in the same form (and the
  // courses already ticked) show, narrowed by a filter box that ignores hyphens and accents.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s-]+/g, "");
  }

  function initCourseChoices() {
    var group = document.querySelector("[data-course-choices]");
    var form = group && group.closest("form");
    if (!form) return;
    var filter = group.querySelector("[data-course-filter]");
    var none = group.querySelector("[data-course-none]");
    var items = Array.prototype.slice.call(group.querySelectorAll("[data-course]"));
    group.querySelector("[data-course-filter-row]").hidden = false;
    function update() {
      var chosen = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[data-discipline-code]:checked"), function (box) {
        chosen[box.getAttribute("data-discipline-code")] = true;
      });
      var words = fold(filter.value || "");
      var shown = 0;
      items.forEach(function (item) {
        var ticked = item.querySelector("input").checked;
        var inDiscipline = chosen[item.getAttribute("data-course-discipline")];
        var matches = !words || fold(item.getAttribute("data-course-text")).indexOf(words) !== -1;
        item.hidden = !(ticked || (inDiscipline && matches));
        if (!item.hidden) shown += 1;
      });
      none.hidden = shown > 0;
    }
    form.addEventListener("change", function (event) {
      if (event.target.hasAttribute("data-discipline-code")) update();
    });
    filter.addEventListener("input", update);
    update();
  }

  function init() {
    document.documentElement.classList.add("js");
    initCourseChoices();
    initMenuToggle();
    initAccountInvite();
    initFacetsToggle();  // first: it opens the panel that focus is about to return to
    initAutosubmit();
    initAutocomplete();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
