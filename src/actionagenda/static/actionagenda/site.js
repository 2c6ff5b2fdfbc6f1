// The header, when JavaScript runs: a language is applied as soon as it is chosen (the button stays for pages
// without JavaScript), and an open menu closes on Escape or a click elsewhere.
document.querySelectorAll(".language-switcher").forEach((form) => {
  form.querySelector("button").hidden = true;
  form.querySelector("select").addEventListener("change", () => form.requestSubmit());
});

const openMenus = () => document.querySelectorAll(".site-header details[open]");
document.addEventListener("click", (event) => {
  openMenus().forEach((menu) => { if (!menu.contains(event.target)) menu.open = false; });
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  openMenus().forEach((menu) => {
    const hadFocus = menu.contains(document.activeElement);
    menu.open = false;
    if (hadFocus) menu.querySelector("summary").focus();
  });
});

// Explore: the facets a person opened on a phone stay open while htmx swaps in the new counts and results.
let facetsOpen = false;
document.addEventListener("htmx:beforeSwap", () => {
  facetsOpen = Boolean(document.querySelector("details.facets[open]"));
});
document.addEventListener("htmx:afterSwap", () => {
  const facets = document.querySelector("details.facets");
  if (facets && facetsOpen) facets.open = true;
});
