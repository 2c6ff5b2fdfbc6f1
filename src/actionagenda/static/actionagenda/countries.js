// The country checklist (commitments/widgets/country_checklist.html), when JavaScript runs: a filter box that
// hides the countries whose name does not match, and the chosen countries as chips that untick them. Without
// JavaScript the checklist works as it is.
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

document.querySelectorAll("[data-country-picker]").forEach((picker) => {
  const tools = picker.querySelector(".country-tools");
  const filter = picker.querySelector(".country-filter");
  const count = picker.querySelector(".country-count");
  const chips = picker.querySelector(".chips");
  const boxes = [...picker.querySelectorAll(".country-list input[type=checkbox]")];
  const nameOf = (box) => box.closest("label").textContent.trim();
  tools.hidden = false;

  const applyFilter = () => {
    const query = fold(filter.value);
    let shown = 0;
    boxes.forEach((box) => {
      const match = !query || fold(nameOf(box)).includes(query);
      box.closest("li").hidden = !match;
      if (match) shown += 1;
    });
    picker.querySelectorAll(".country-region").forEach((region) => {
      region.hidden = !region.querySelector("li:not([hidden])");
    });
    count.textContent = query ? picker.dataset.shown.replace("{n}", shown) : "";
  };

  const drawChips = () => {
    chips.replaceChildren(...boxes.filter((box) => box.checked).map((box) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chip";
      button.dataset.value = box.value;
      button.textContent = nameOf(box);
      button.setAttribute("aria-label", picker.dataset.remove.replace("{name}", nameOf(box)));
      item.append(button);
      return item;
    }));
    chips.hidden = !chips.children.length;
    picker.querySelector(".chips-heading").hidden = chips.hidden;
  };

  chips.addEventListener("click", (event) => {
    const button = event.target.closest("button.chip");
    if (!button) return;
    const position = [...chips.children].indexOf(button.closest("li"));
    const box = boxes.find((candidate) => candidate.value === button.dataset.value);
    box.checked = false;
    box.dispatchEvent(new Event("change", { bubbles: true }));  // redraws the chips, tells the SMART panel
    // Focus stays in the chips (the next one, or the one before the last), or returns to the filter box.
    const next = chips.children[Math.min(position, chips.children.length - 1)];
    (next ? next.querySelector("button") : filter).focus();
  });
  picker.addEventListener("change", (event) => { if (boxes.includes(event.target)) drawChips(); });
  filter.addEventListener("input", (event) => { event.stopPropagation(); applyFilter(); });
  // Enter in the filter box would submit the whole form.
  filter.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
  drawChips();
});
