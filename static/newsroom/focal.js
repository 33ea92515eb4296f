// Click the preview to set the focal point; the two percentage fields stay the truth.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var preview = document.querySelector(".focal-preview");
  var x = document.getElementById("id_focal_x");
  var y = document.getElementById("id_focal_y");
  if (!preview || !x || !y) return;
  var dot = preview.querySelector(".focal-dot");
  function show() {
    dot.style.left = x.value + "%";
    dot.style.top = y.value + "%";
  }
  preview.querySelector("img").addEventListener("click", function (event) {
    var box = event.currentTarget.getBoundingClientRect();
    x.value = Math.round(((event.clientX - box.left) / box.width) * 100);
    y.value = Math.round(((event.clientY - box.top) / box.height) * 100);
    show();
  });
  x.addEventListener("input", show);
  y.addEventListener("input", show);
  show();
});
