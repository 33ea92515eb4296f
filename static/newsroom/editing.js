// While the form is open: tell the server every 30 seconds, and warn if someone took over;
// on leaving the page (other than by saving, which the server notes), say so at once.
// Keeps the text on the server as it is typed (an autosave, never the article itself) and a
// copy in this browser, for offline work and expired sessions; offers either back.
(function () {
  "use strict";
  var PENDING = "newsroom-draft-pending";
  var editors = new WeakMap();

  // django-prose-editor announces each editor it makes over a textarea.
  document.addEventListener("prose-editor:ready", function (event) {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function editorOf(textarea) {
    if (editors.has(textarea)) return editors.get(textarea);
    var box = textarea.closest(".prose-editor");
    var area = box && box.querySelector(".ProseMirror");
    return (area && area.editor) || null;
  }

  // Put text back into a field; the body through its editor, which shows it and writes the
  // textarea (the value the form sends).
  function fill(input, value) {
    var editor = input.tagName === "TEXTAREA" ? editorOf(input) : null;
    if (editor) {
      editor.commands.setContent(value);
      return;
    }
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function forget(key) {
    try { localStorage.removeItem(key); } catch (e) { /* storage off */ }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // A save just sent from an article form: its browser copy goes once the page that
    // follows says it succeeded (the list, after adding an article, is another address).
    var pending = null;
    try {
      pending = sessionStorage.getItem(PENDING);
      sessionStorage.removeItem(PENDING);
    } catch (e) { pending = null; }
    if (pending && document.querySelector(".messagelist .success")) forget(pending);

    var beacon = document.getElementById("editing-heartbeat");
    var form = document.getElementById("article_form");
    if (!form) return;
    var key = "newsroom-draft:" + location.pathname;
    var fields = ["headline", "standfirst", "body"];

    function csrf() {
      var token = form.elements.csrfmiddlewaretoken;
      if (token) return token.value;
      var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
      return match ? decodeURIComponent(match[1]) : "";
    }
    function post(url, body) {
      return fetch(url, {
        method: "POST", headers: { "X-CSRFToken": csrf() }, credentials: "same-origin", body: body,
      });
    }

    var submitting = false;
    form.addEventListener("submit", function () { submitting = true; });
    if (beacon) {
      setInterval(function () {
        post(beacon.dataset.url)
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (state) {
            if (state && !state.mine) {
              var banner = document.getElementById("lost-edit-session");
              banner.textContent = beacon.dataset.lost + " (" + state.holder + ")";
              banner.hidden = false;
            }
          })
          .catch(function () {});
      }, 30000);
      window.addEventListener("pagehide", function () {
        if (submitting || !navigator.sendBeacon) return;
        var body = new FormData();
        body.append("csrfmiddlewaretoken", csrf());
        navigator.sendBeacon(beacon.dataset.leave, body);
      });
    }

    // Keep the text fields in localStorage as the journalist types.
    var copy = null;
    function keep() {
      copy = { savedAt: Date.now() };
      fields.forEach(function (name) {
        var input = form.elements[name];
        if (input) copy[name] = input.value;
      });
      try { localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* storage full or off */ }
    }
    form.addEventListener("input", keep);
    form.addEventListener("submit", function () {
      keep();
      try { sessionStorage.setItem(PENDING, key); } catch (e) { /* storage off */ }
    });

    // On the server too, at most every so many seconds and only when something changed.
    var autosave = document.getElementById("autosave");
    if (autosave) {
      var every = Math.max(1, Number(autosave.dataset.seconds) || 30) * 1000;
      var changed = false;
      var stopped = false;
      var timer = null;
      form.addEventListener("input", function (event) {
        if (fields.indexOf(event.target.name) !== -1) changed = true;
      });
      form.addEventListener("submit", function () { clearTimeout(timer); timer = null; });
      var send = function () {
        if (submitting || stopped) return;
        if (!changed) { timer = setTimeout(send, every); return; }
        changed = false;
        var sent = copy;
        var body = new FormData();
        fields.forEach(function (name) {
          var input = form.elements[name];
          if (input) body.append(name, input.value);
        });
        post(autosave.dataset.url, body)
          .then(function (response) {
            // A refusal (403, 404) ends it; anything else is tried again with the next change.
            if (response.status === 403 || response.status === 404) return "stop";
            var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
            if (!response.ok || response.redirected || !json) { changed = true; return null; }
            return response.json();
          })
          .then(function (saved) {
            if (saved === "stop") { stopped = true; return; }
            if (!saved) return;
            var status = document.getElementById("autosave-status");
            if (status) {
              status.textContent = autosave.dataset.saved + " " + saved.time;
              status.hidden = false;
            }
            if (sent && sent === copy) {  // the browser copy is on the server now
              copy.onServer = true;
              try { localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* ignore */ }
            }
          })
          .catch(function () { changed = true; })
          .then(function () {
            if (!stopped && !submitting) timer = setTimeout(send, every);
          });
      };
      timer = setTimeout(send, every);
    }

    // The text someone kept on the server since the last save: put back, or set aside.
    var offer = document.getElementById("autosave-offer");
    var localOffer = document.getElementById("restore-local-copy");
    if (offer) {
      offer.querySelector("[data-action=restore]").addEventListener("click", function () {
        var text = JSON.parse(document.getElementById("autosave-text").textContent);
        fields.forEach(function (name) {
          var input = form.elements[name];
          if (input && typeof text[name] === "string" && text[name] !== input.value) fill(input, text[name]);
        });
        offer.hidden = true;
        if (localOffer) localOffer.hidden = true;
      });
      offer.querySelector("[data-action=discard]").addEventListener("click", function () {
        var body = new FormData();
        body.append("autosave", offer.dataset.autosave);
        post(offer.dataset.discard, body)
          .then(function (response) {
            if (!response.ok) return;
            offer.hidden = true;
            if (kept && kept.onServer) forget(key);  // the same text, set aside
          })
          .catch(function () {});
      });
    }

    // Back after an interruption (expired session, crash): offer to put the text back,
    // unless it reached the server and is offered from there already.
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { kept = null; }
    var differs = kept && !(kept.onServer && offer) && fields.some(function (name) {
      var input = form.elements[name];
      return input && typeof kept[name] === "string" && kept[name] !== input.value;
    });
    if (differs && localOffer) {
      localOffer.hidden = false;
      localOffer.querySelector("button").addEventListener("click", function () {
        fields.forEach(function (name) {
          var input = form.elements[name];
          if (input && typeof kept[name] === "string" && kept[name] !== input.value) fill(input, kept[name]);
        });
        localOffer.hidden = true;
        if (offer) offer.hidden = true;
      });
    }
  });
})();

// The body is spell-checked in the article's language, which the form may change.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var language = document.getElementById("id_language");
  var body = document.querySelector(".field-body");
  if (!language || !body) return;
  function follow() { body.setAttribute("lang", language.value); }
  language.addEventListener("change", follow);
  follow();
});
