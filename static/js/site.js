// Progressive enhancement only: every link works without this file.
(function () {
  "use strict";
  function copyLink(event) {
    var link = event.currentTarget;
    if (!navigator.clipboard) return; // keep the plain link
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      var original = link.textContent;
      link.textContent = link.getAttribute("data-copied");
      setTimeout(function () { link.textContent = original; }, 2000);
    });
  }
  function nativeShare(event) {
    var bar = event.currentTarget.closest("[data-share-url]");
    navigator.share({
      title: bar.getAttribute("data-share-title"),
      url: bar.getAttribute("data-share-url")
    }).catch(function () {});
  }
  document.querySelectorAll("[data-share-copy]").forEach(function (link) {
    link.addEventListener("click", copyLink);
  });
  // On a wide screen every share link shows at once: "More" opens itself, and the
  // system's share sheet (a phone's) would only repeat them.
  var wide = window.matchMedia("(min-width: 48rem)").matches;
  if (wide) {
    document.querySelectorAll("[data-share-more]").forEach(function (more) {
      more.open = true;
      more.classList.add("share-more-wide");
    });
  }
  if (navigator.share && !wide) {
    document.querySelectorAll("[data-share-native]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", nativeShare);
    });
  }
})();

// Another site's post in an article: its player loads only when the reader taps.
(function () {
  "use strict";
  document.querySelectorAll("figure.embed[data-frame]").forEach(function (figure) {
    var button = figure.querySelector(".embed-load");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-frame");
      frame.title = figure.getAttribute("data-frame-title");
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      var card = figure.querySelector(".embed-card");
      card.replaceWith(frame);
      frame.focus();
    });
  });
})();

// The sections menu scrolls sideways on a phone: a fade shows on each side where more
// sections wait (data-more), none once everything fits; the current section is shown.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var list = nav && nav.querySelector("ul");
  if (!list) return;
  function update() {
    var end = list.scrollWidth - list.clientWidth;
    var more = [];
    if (list.scrollLeft > 1) more.push("before");
    if (list.scrollLeft < end - 1) more.push("after");
    nav.setAttribute("data-more", more.join(" ") || "none");
  }
  var current = list.querySelector("[aria-current]");
  if (current && current.offsetLeft + current.offsetWidth > list.clientWidth) {
    list.scrollLeft = current.offsetLeft - list.clientWidth / 3;
  }
  list.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
  update();
})();

// A reader saving data taps a picture to load it (includes/picture.html): the link gives
// way to the picture its template holds. Without JavaScript the link opens the picture.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tap-to-load");
    var held = link && link.nextElementSibling;
    if (!held || held.tagName !== "TEMPLATE") return;
    event.preventDefault();
    var picture = held.content.cloneNode(true);
    var image = picture.querySelector("img");
    if (image) image.removeAttribute("loading");
    held.remove();
    link.replaceWith(picture);
  });
})();
