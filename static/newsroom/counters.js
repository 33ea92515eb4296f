// As the journalist types: how many characters the search and social fields hold of what
// they may, and how many words the body has. Counters are read with their field (not
// announced at each key, which would drown the typing); the server checks the limits.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var form = document.getElementById("article_form");
  if (!form) return;
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_all, name) { return values[name]; });
  };

  function counter(id) {
    var element = document.createElement("div");
    element.className = "help counter";
    element.id = id;
    return element;
  }

  // Characters as the server counts them (code points, not UTF-16 units).
  ["seo_title", "meta_description", "social_title", "social_description"].forEach(function (name) {
    var field = form.elements[name];
    if (!field || !field.maxLength || field.maxLength < 0) return;
    var shown = counter("id_" + name + "_counter");
    field.insertAdjacentElement("afterend", shown);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + shown.id);
    function update() {
      var count = Array.from(field.value).length;
      shown.textContent = interpolate(
        gettext("%(count)s of %(max)s characters"), { count: count, max: field.maxLength }, true
      );
    }
    field.addEventListener("input", update);
    update();
  });

  // Words as the reading time counts them: runs of text between spaces.
  var body = form.querySelector(".field-body");
  var source = form.elements.body;
  if (!body || !source) return;
  var words = counter("id_body_word_count");
  body.appendChild(words);
  // From the editor's document (blocks apart, whether or not it is laid out yet); until
  // the editor is there, from the text it starts with.
  function text() {
    var area = body.querySelector(".ProseMirror");
    var doc = area && area.editor && area.editor.state.doc;
    if (doc) return doc.textBetween(0, doc.content.size, " ", " ");
    var parsed = new DOMParser().parseFromString(source.value, "text/html").body;
    parsed.querySelectorAll("p, h2, h3, h4, li, blockquote, figcaption, td, th, br").forEach(
      function (block) { block.after(" "); }
    );
    return parsed.textContent;
  }
  var pending = false;
  function update() {
    pending = false;
    var count = text().split(/\s+/).filter(Boolean).length;
    var shown = interpolate(ngettext("%(count)s word", "%(count)s words", count), { count: count }, true);
    if (words.textContent !== shown) words.textContent = shown;
  }
  // The editor builds itself after this script and rewrites its text as people type,
  // paste, undo or insert a picture: every change below the field is counted once a frame.
  new MutationObserver(function (records) {
    var outside = records.some(function (record) { return !words.contains(record.target); });
    if (outside && !pending) {
      pending = true;
      requestAnimationFrame(update);
    }
  }).observe(body, { childList: true, subtree: true, characterData: true });
  update();
});
