// Copy buttons (the embed builder's snippets, a new API token): what they copy stays selectable in its field
// without JavaScript, and the buttons show only with it.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const snippet = document.getElementById(button.dataset.copy);
  const status = document.querySelector(".copy-status");
  try {
    await navigator.clipboard.writeText(snippet.value);
    status.textContent = button.dataset.copied;
  } catch (error) {
    snippet.select();
    status.textContent = button.dataset.select;
  }
});

const showButtons = () => document.querySelectorAll("button.copy").forEach((button) => { button.hidden = false; });
showButtons();
document.addEventListener("htmx:afterSwap", showButtons);
