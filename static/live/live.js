// A live story's changes (live/poll.py): asked for every 20 seconds (live/page.py says)
// while the page is in view, no longer once the coverage ends. New entries wait behind a
// button that inserts them; an edited entry is replaced where it stands, a deleted one
// goes, a pinned one moves up. Without this file, the "Refresh" link reloads the page.
(function () {
  "use strict";
  var section = document.querySelector("[data-live-poll]");
  if (!section || section.hasAttribute("data-live-ended") || !window.fetch) return;
  var EVERY = 1000 * Number(section.getAttribute("data-live-every") || 20); // milliseconds
  var address = section.getAttribute("data-live-poll");
  var version = section.getAttribute("data-live-version");
  var after = section.getAttribute("data-live-after");
  var revision = section.getAttribute("data-live-revision") || "0";
  var list = section.querySelector("[data-live-entries]");
  var pinnedList = section.querySelector("[data-live-pinned]");
  var keyEvents = section.querySelector("[data-live-key-events]");
  var button = section.querySelector("[data-live-new]");
  var reload = section.querySelector("[data-live-reload]");
  var pending = [];
  var latest = null; // the newest answer: its pins and key events, for entries inserted later
  var timer = null;
  var ended = false;

  function schedule() {
    if (!ended && !document.hidden && timer === null) timer = setTimeout(poll, EVERY);
  }

  function poll() {
    timer = null;
    var url = address + "&apres=" + encodeURIComponent(after) + "&depuis=" + encodeURIComponent(revision);
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

  function entryOf(id) {
    return section.querySelector('[data-live-entry="' + id + '"]');
  }

  function fromHtml(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.firstElementChild;
  }

  // Edits in place, deletions, pins and key events: what the reader has already seen.
  function update(answer) {
    answer.changed.forEach(function (entry) {
      var shown = entryOf(entry.id);
      if (shown) shown.replaceWith(fromHtml(entry.html));
    });
    var present = {};
    answer.present.forEach(function (id) { present[id] = true; });
    Array.prototype.forEach.call(section.querySelectorAll("[data-live-entry]"), function (shown) {
      if (!present[shown.getAttribute("data-live-entry")]) shown.remove();
    });
    place(answer.pinned);
    // Key events may name entries still behind the button: then they come with those.
    if (answer.count === 0) keyEvents.innerHTML = answer.key_events;
  }

  // Each entry in its list, pinned or not, newest first; only what is out of place moves.
  function place(pinnedIds) {
    var pinned = {};
    pinnedIds.forEach(function (id) { pinned[id] = true; });
    var all = Array.prototype.slice.call(section.querySelectorAll("[data-live-entry]"));
    all.sort(function (a, b) {
      return Number(b.getAttribute("data-live-entry")) - Number(a.getAttribute("data-live-entry"));
    });
    [pinnedList, list].forEach(function (target) {
      var wanted = all.filter(function (entry) {
        return Boolean(pinned[entry.getAttribute("data-live-entry")]) === (target === pinnedList);
      });
      var inOrder = wanted.length === target.children.length && wanted.every(function (entry, i) {
        return target.children[i] === entry;
      });
      if (!inOrder) wanted.forEach(function (entry) { target.appendChild(entry); });
    });
    pinnedList.hidden = pinnedList.children.length === 0;
  }

  function received(answer) {
    version = String(answer.version);
    revision = String(answer.revision);
    pending = answer.entries;
    latest = answer;
    ended = answer.ended;
    update(answer);
    if (answer.count > 0) {
      button.textContent = answer.label; // in the page's language, from the server
      button.hidden = false;
    }
    if (ended) reload.hidden = false; // the closing summary comes with the page
  }

  function insert() {
    var newest = null;
    pending.forEach(function (entry) {
      list.appendChild(fromHtml(entry.html));
      after = String(Math.max(Number(after), entry.id));
    });
    pending = [];
    button.hidden = true;
    if (latest) {
      place(latest.pinned);
      keyEvents.innerHTML = latest.key_events;
      newest = entryOf(latest.latest);
    }
    var empty = section.querySelector("[data-live-empty]");
    if (empty) empty.remove();
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
