// Highlighting in the article view, sorting of tables (kept in the URL), evidence rows that
// unfold, and filters that leave empty fields out of the URL; no libraries, no network.
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
    var toggle = event.target.closest("button.expand[aria-controls]");
    if (toggle) {
      var row = document.getElementById(toggle.getAttribute("aria-controls"));
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (row) row.hidden = !open;
      return;
    }
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

  // A filter form sends only the fields that are filled, so its URL names just the filters.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (!field.value) field.disabled = true;
      });
    });
  });

  function sortBy(table, column, ascending) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (h) {
      h.classList.remove("sorted-asc", "sorted-desc");
      h.removeAttribute("aria-sort");
    });
    heads[column].classList.add(ascending ? "sorted-asc" : "sorted-desc");
    heads[column].setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    // an evidence row travels with the row above it
    var groups = [];
    Array.prototype.forEach.call(body.rows, function (row) {
      if (row.classList.contains("evidence") && groups.length) groups[groups.length - 1].push(row);
      else groups.push([row]);
    });
    function key(group) {
      var cell = group[0].cells[column];
      if (!cell) return "";
      return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    }
    groups.sort(function (a, b) {
      return (ascending ? 1 : -1) * key(a).localeCompare(key(b), undefined, { numeric: true });
    });
    groups.forEach(function (group) {
      group.forEach(function (row) { body.appendChild(row); });
    });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var params = new URLSearchParams(location.search);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      if (th.classList.contains("nosort")) return;
      th.tabIndex = 0;
      function sortHere() {
        var ascending = !th.classList.contains("sorted-asc");
        sortBy(table, column, ascending);
        // the order is part of the view: kept in the URL, with the filters
        var url = new URL(location.href);
        url.searchParams.set("sort", th.textContent.replace(/[▲▼]/g, "").trim());
        url.searchParams.set("order", ascending ? "asc" : "desc");
        history.replaceState(null, "", url);
      }
      th.addEventListener("click", sortHere);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortHere(); }
      });
      if (params.get("sort") === th.textContent.trim()) {
        sortBy(table, column, params.get("order") !== "desc");
      }
    });
  });
})();
