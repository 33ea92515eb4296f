// "Copy" buttons on the desk: the named field's text to the clipboard, and a word that says so.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copy-status");
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select(); // without clipboard access (plain http), leave it selected to copy by hand
    document.execCommand("copy");
  }
  if (status) status.textContent = button.dataset.copied;
});
