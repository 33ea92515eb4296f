// Names for what the article form's widgets draw without one: the body editor's text area,
// the picture search box (select2), and the empty headings of Django's inline tables. The
// editor and select2 draw themselves after the page has loaded: watch until both are named.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  function labelId(forId) {
    var label = document.querySelector('label[for="' + forId + '"]');
    if (!label) return null;
    if (!label.id) label.id = forId + "-label";
    return label.id;
  }
  function nameEditor() {
    var area = document.querySelector(".field-body .ProseMirror[contenteditable]");
    var id = labelId("id_body");
    if (!area || !id) return false;
    area.setAttribute("aria-labelledby", id);
    return true;
  }
  function nameSearchBoxes() {
    var named = true;
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var id = labelId(select.id);
      var box = select.parentNode.querySelector(".select2-selection");
      if (!id || !box) { named = false; return; }
      var shown = box.querySelector(".select2-selection__rendered");
      var names = shown && shown.id ? id + " " + shown.id : id;  // the label, then the choice
      box.setAttribute("aria-labelledby", names);
      if (shown && shown.id) shown.setAttribute("aria-labelledby", names);
    });
    return named;
  }
  document.querySelectorAll(".inline-group thead th").forEach(function (heading) {
    if (heading.textContent.trim()) return;
    var cell = document.createElement("td");  // a heading with no words is no heading
    cell.className = heading.className;
    heading.replaceWith(cell);
  });
  function nameAll() {
    var editor = nameEditor();
    var boxes = nameSearchBoxes();
    return editor && boxes;
  }
  if (nameAll()) return;
  var watcher = new MutationObserver(function () { if (nameAll()) watcher.disconnect(); });
  watcher.observe(document.body, { childList: true, subtree: true });
});
