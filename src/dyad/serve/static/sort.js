/* Sort a table.sortable by the clicked column (this page's rows), again to reverse. */
"use strict";
(function () {
  function key(cell) {
    const value = (cell.dataset.sort ?? cell.textContent).trim();
    const number = Number(value);
    return value !== "" && !Number.isNaN(number) ? number : value.toLowerCase();
  }

  function sortBy(table, index, header) {
    const body = table.tBodies[0];
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = key(a.cells[index]), y = key(b.cells[index]);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    table.querySelectorAll("th").forEach((th) => th.removeAttribute("aria-sort"));
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    body.append(...rows);
  }

  document.querySelectorAll("table.sortable").forEach((table) => {
    Array.from(table.tHead.rows[0].cells).forEach((header, index) => {
      if (header.classList.contains("nosort")) return;
      header.tabIndex = 0;
      header.title = "sort this page by " + header.textContent;
      header.addEventListener("click", () => sortBy(table, index, header));
      header.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(table, index, header); });
    });
  });
})();
