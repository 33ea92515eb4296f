// The library's picker window: hands the chosen picture to the body editor that opened it.
// One picture: django-prose-editor's Figure picker, which speaks CKEditor's callFunction
// protocol. Several, for a gallery: static/newsroom/editor/gallery.js's newsroomPicked.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var opener = window.opener;
  var root = document.querySelector(".picture-picker");
  var gallery = root && root.dataset.multiple;
  var number = new URLSearchParams(location.search).get("CKEditorFuncNum");

  function described(element) {
    return { id: element.dataset.id, src: element.dataset.src, alt: element.dataset.alt, caption: element.dataset.caption };
  }
  function pickOne(element) {
    var tools = opener && opener.CKEDITOR && opener.CKEDITOR.tools;
    if (!tools || !number) return;
    var picture = described(element);
    tools.callFunction(Number(number), picture.src, { id: picture.id, alternative_text: picture.alt, caption: picture.caption });
    window.close();
  }
  var order = [];  // the gallery's pictures, in the order they were chosen
  function toggle(button) {
    var chosen = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(chosen));
    order = order.filter(function (other) { return other !== button; });
    if (chosen) order.push(button);
  }
  document.querySelectorAll(".picker-choice").forEach(function (button) {
    button.addEventListener("click", function () { gallery ? toggle(button) : pickOne(button); });
  });
  var confirm = document.querySelector(".picker-confirm");
  if (confirm) {
    confirm.addEventListener("click", function () {
      if (!opener || !opener.newsroomPicked) return;
      opener.newsroomPicked(gallery, order.map(described));
      window.close();
    });
  }
  var added = document.querySelector(".picker-chosen");
  if (added && !gallery) pickOne(added);
  if (added && gallery) {
    var button = document.querySelector('.picker-choice[data-id="' + added.dataset.id + '"]');
    if (button) toggle(button);
  }
});
