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
  if (navigator.share) {
    document.querySelectorAll("[data-share-native]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", nativeShare);
    });
  }
})();
