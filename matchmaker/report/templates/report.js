// The report's interactions: sortable and filterable allocation table, the map's measure
// toggle. Plain DOM, no libraries, no requests; the page is complete without it (print).
// Text is only ever set through textContent, never parsed as markup.
(function () {
  "use strict";

  // --- sortable tables: click a heading; again to reverse --------------------------------
  function sortKey(row, column, type) {
    var cell = row.cells[column];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort")
      : cell.textContent.trim();
    if (type === "number") {
      var value = parseFloat(raw);
      return isNaN(value) ? null : value;   // unknown (e.g. cost) sorts last either way
    }
    return raw.normalize("NFC");
  }

  function compare(a, b, type) {
    if (type === "number") { return a - b; }
    return a.localeCompare(b, document.documentElement.lang || "ko");
  }

  function sortBy(table, heading) {
    var headings = Array.prototype.slice.call(heading.parentNode.children);
    var column = headings.indexOf(heading);
    var type = heading.getAttribute("data-type") || "text";
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row) {
      return { row: row, key: sortKey(row, column, type),
               index: Number(row.getAttribute("data-index")) };
    });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) { return a.index - b.index; }
        return a.key === null ? 1 : -1;
      }
      var order = compare(a.key, b.key, type);
      if (order === 0) { return a.index - b.index; }   // stable: ties keep page order
      return ascending ? order : -order;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, index) {
      row.setAttribute("data-index", String(index));
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading) {
      var button = heading.querySelector("button");
      if (button) {
        button.addEventListener("click", function () { sortBy(table, heading); });
      }
    });
  });

  // --- filter of the allocation table ----------------------------------------------------
  var table = document.getElementById("allocation-table");
  var search = document.getElementById("allocation-filter");
  var declineOnly = document.getElementById("decline-only");
  var shown = document.getElementById("allocation-shown");

  function applyFilter() {
    var query = search.value.trim().normalize("NFC").toLowerCase();
    var count = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var text = row.textContent.normalize("NFC").toLowerCase();
      var visible = (!query || text.indexOf(query) !== -1) &&
        (!declineOnly.checked || row.getAttribute("data-decline") === "true");
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = String(count);
  }

  if (table && search && declineOnly && shown) {
    search.addEventListener("input", applyFilter);
    declineOnly.addEventListener("change", applyFilter);
  }

  // --- the tile map's measure: fills and labels were computed with the page ---------------
  var map = document.getElementById("tilemap");

  function showMeasure(measure) {
    map.setAttribute("data-measure", measure);
    Array.prototype.forEach.call(map.querySelectorAll("g.tile"), function (tile) {
      var ink = tile.getAttribute("data-ink-" + measure);
      tile.querySelector("rect.tile-bg").setAttribute("fill",
        tile.getAttribute("data-fill-" + measure));
      tile.querySelector("text.tile-name").setAttribute("fill", ink);
      var value = tile.querySelector("text.tile-value");
      value.setAttribute("fill", ink);
      value.textContent = tile.getAttribute("data-text-" + measure);
    });
    Array.prototype.forEach.call(map.querySelectorAll("g.legend-labels"), function (labels) {
      if (labels.getAttribute("data-measure") === measure) {
        labels.removeAttribute("display");
      } else {
        labels.setAttribute("display", "none");
      }
    });
  }

  if (map) {
    Array.prototype.forEach.call(map.querySelectorAll("input[name='measure']"),
      function (radio) {
        radio.addEventListener("change", function () {
          if (radio.checked) { showMeasure(radio.value); }
        });
      });
  }
}());
