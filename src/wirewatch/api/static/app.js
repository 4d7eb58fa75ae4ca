// Highlighting in the article view and sorting of tables; no libraries, no network.
(function () {
  "use strict";

  function clearActive() {
    document.querySelectorAll(".ann.active, .event-card.active").forEach(function (el) {
      el.classList.remove("active");
    });
  }

  function highlight(id) {
    clearActive();
    var first = null;
    document.querySelectorAll(".ann[data-ann]").forEach(function (el) {
      if (el.dataset.ann.split(" ").indexOf(id) >= 0) {
        el.classList.add("active");
        first = first || el;
      }
    });
    var card = document.getElementById(id);
    if (card && card.classList.contains("event-card")) card.classList.add("active");
    return first;
  }

  document.addEventListener("click", function (event) {
    var ann = event.target.closest(".ann[data-ann]");
    if (ann) {
      var ids = ann.dataset.ann.split(" ");
      // the innermost annotation: the one that spans the fewest pieces
      var best = ids[0], fewest = Infinity;
      ids.forEach(function (id) {
        var n = document.querySelectorAll('.ann[data-ann~="' + id + '"]').length;
        if (n < fewest) { fewest = n; best = id; }
      });
      highlight(best);
      return;
    }
    var card = event.target.closest(".event-card[data-target]");
    if (card) {
      var first = highlight(card.dataset.target);
      if (first) first.scrollIntoView({ block: "center" });
    }
  });

  // Bar widths come as data: the content-security policy allows no inline style attribute.
  document.querySelectorAll("[data-width]").forEach(function (el) {
    var width = parseFloat(el.dataset.width);
    if (isFinite(width)) el.style.width = Math.max(0, Math.min(100, width)) + "%";
  });

  if (location.hash && document.getElementById(location.hash.slice(1))) {
    var first = highlight(location.hash.slice(1));
    if (first) first.scrollIntoView({ block: "center" });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var ascending = !th.classList.contains("sorted-asc");
        table.querySelectorAll("th").forEach(function (h) {
          h.classList.remove("sorted-asc", "sorted-desc");
        });
        th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          return (ascending ? 1 : -1) * x.localeCompare(y, undefined, { numeric: true });
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
