// The article list's author filter: a name chosen from the typed letters, or cleared, lists
// at once, as a filter link would. select2 tells of a choice through jQuery only.
window.addEventListener("load", function () {
  "use strict";
  django.jQuery(".desk-author-filter select").on("change", function () {
    if (!this.value) this.disabled = true;  // cleared: every author
    this.form.submit();
  });
});
