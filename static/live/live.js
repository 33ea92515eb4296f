// A live story's new entries (live/poll.py): asked for every 20 seconds (live/page.py says)
// while the page is in view, offered behind a button that inserts them, no longer once the
// coverage ends. Without this file, the "Refresh" link reloads the page.
(function () {
  "use strict";
  var section = document.querySelector("[data-live-poll]");
  if (!section || section.hasAttribute("data-live-ended") || !window.fetch) return;
  var EVERY = 1000 * Number(section.getAttribute("data-live-every") || 20); // milliseconds
  var address = section.getAttribute("data-live-poll");
  var version = section.getAttribute("data-live-version");
  var after = section.getAttribute("data-live-after");
  var list = section.querySelector("[data-live-entries]");
  var button = section.querySelector("[data-live-new]");
  var reload = section.querySelector("[data-live-reload]");
  var pending = [];
  var timer = null;
  var ended = false;

  function schedule() {
    if (!ended && !document.hidden && timer === null) timer = setTimeout(poll, EVERY);
  }

  function poll() {
    timer = null;
    var url = address + "&apres=" + encodeURIComponent(after);
    // The version the page shows is the ETag: unchanged, the answer is an empty 304.
    fetch(url, { headers: { "If-None-Match": '"' + version + '"' }, cache: "no-store", credentials: "omit" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error("poll answered " + response.status);
        return response.json();
      })
      .then(function (answer) { if (answer) received(answer); })
      .catch(function () {}) // a missed poll: the next one asks again
      .then(schedule);
  }

  function received(answer) {
    version = String(answer.version);
    pending = answer.entries;
    ended = answer.ended;
    if (answer.count > 0) {
      button.textContent = answer.label; // in the page's language, from the server
      button.hidden = false;
    }
    if (ended) reload.hidden = false; // the closing summary comes with the page
  }

  function insert() {
    var newest = null;
    // Newest first in the answer: the oldest goes in first, so the newest ends on top.
    for (var i = pending.length - 1; i >= 0; i--) {
      list.insertAdjacentHTML("afterbegin", pending[i].html);
      newest = list.firstElementChild;
      after = String(Math.max(Number(after), pending[i].id));
    }
    pending = [];
    button.hidden = true;
    if (newest) {
      newest.setAttribute("tabindex", "-1");
      newest.focus(); // keyboard and screen-reader users land on what they asked for
    }
  }

  button.addEventListener("click", insert);
  reload.hidden = true;
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else if (timer === null && !ended) {
      poll(); // back on the page: ask at once
    }
  });
  schedule();
})();
