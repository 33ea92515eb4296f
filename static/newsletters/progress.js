// While an edition is being sent, its page (read-only by then) reloads to show the progress.
const panel = document.querySelector("[data-reload-every]");
if (panel) setTimeout(() => window.location.reload(), Number(panel.dataset.reloadEvery) * 1000);
