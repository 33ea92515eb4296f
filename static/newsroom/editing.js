// While the form is open: tell the server every 30 seconds, and warn if someone took over;
// on leaving the page (other than by saving, which the server notes), say so at once.
// Also keeps a copy of the text in this browser, so an expired session loses nothing.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var beacon = document.getElementById("editing-heartbeat");
  var form = document.getElementById("article_form");
  if (!form) return;
  var key = "newsroom-draft:" + location.pathname;

  function csrf() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  if (beacon) {
    setInterval(function () {
      fetch(beacon.dataset.url, { method: "POST", headers: { "X-CSRFToken": csrf() }, credentials: "same-origin" })
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
    var submitting = false;
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("pagehide", function () {
      if (submitting || !navigator.sendBeacon) return;
      var body = new FormData();
      body.append("csrfmiddlewaretoken", csrf());
      navigator.sendBeacon(beacon.dataset.leave, body);
    });
  }

  // Keep the text fields in localStorage as the journalist types.
  var fields = ["headline", "standfirst", "body"];
  function save() {
    var copy = { savedAt: Date.now() };
    fields.forEach(function (name) {
      var input = form.elements[name];
      if (input) copy[name] = input.value;
    });
    try { localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* storage full or off */ }
  }
  form.addEventListener("input", save);
  form.addEventListener("submit", save);

  // Back after an interruption (expired session, crash): offer to put the text back.
  var kept = null;
  try { kept = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { kept = null; }
  var differs = kept && fields.some(function (name) {
    var input = form.elements[name];
    return input && typeof kept[name] === "string" && kept[name] !== input.value;
  });
  if (differs) {
    var offer = document.getElementById("restore-local-copy");
    if (offer) {
      offer.hidden = false;
      offer.querySelector("button").addEventListener("click", function () {
        fields.forEach(function (name) {
          var input = form.elements[name];
          if (input && typeof kept[name] === "string") {
            input.value = kept[name];
            input.dispatchEvent(new Event("change", { bubbles: true }));
          }
        });
        offer.hidden = true;
      });
    }
  }
  // A successful save lands on another page; the copy is dropped when the form reloads clean.
  if (document.querySelector(".messagelist .success")) {
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }
});

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
