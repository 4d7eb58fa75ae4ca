// The timeline's zoom, pan and evidence. The page draws every view itself from the range in
// its URL (since, until); this script only turns a drag into that range: a drag across the
// chart zooms in to the days it covers, a drag of the date axis (or a shift-drag anywhere)
// moves in time. A click on an event shows its evidence below the chart. No libraries.
(function () {
  "use strict";
  var svg = document.getElementById("timeline");
  if (!svg) return;
  var DAY = 864e5;
  var first = Date.parse(svg.dataset.first) / DAY;
  var days = Date.parse(svg.dataset.last) / DAY - first + 1;
  var x0 = parseFloat(svg.dataset.x0), x1 = parseFloat(svg.dataset.x1);
  var brush = svg.querySelector(".brush");
  var panned = svg.querySelectorAll("g.pan");
  var panel = document.getElementById("evidence");
  var drag = null, dragged = false;

  function svgX(event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse()).x;
  }

  function dayAt(x) {
    return first + (Math.max(x0, Math.min(x1, x)) - x0) / (x1 - x0) * days;
  }

  function iso(day) {
    return new Date(Math.round(day) * DAY).toISOString().slice(0, 10);
  }

  function show(start, end) {
    var url = new URL(location.href);
    url.searchParams.set("since", iso(start));
    url.searchParams.set("until", iso(end));
    location.assign(url.toString());
  }

  svg.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) return;
    var pan = event.shiftKey || event.target.classList.contains("axis-band");
    drag = { start: svgX(event), pan: pan, id: event.pointerId };
    dragged = false;
  });

  svg.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var x = svgX(event), dx = x - drag.start;
    if (!dragged && Math.abs(dx) < 4) return;
    if (!dragged) {
      dragged = true;
      // captured only once it is a drag, so that a click still reaches the event clicked
      svg.setPointerCapture(drag.id);
      svg.classList.add(drag.pan ? "panning" : "brushing");
    }
    if (drag.pan) {
      panned.forEach(function (g) { g.setAttribute("transform", "translate(" + dx + " 0)"); });
    } else {
      var a = Math.max(x0, Math.min(drag.start, x)), b = Math.min(x1, Math.max(drag.start, x));
      brush.setAttribute("x", a);
      brush.setAttribute("width", Math.max(0, b - a));
      brush.classList.remove("off");
    }
  });

  function end(event) {
    if (!drag) return;
    var d = drag;
    drag = null;
    if (!dragged) return;
    var dx = svgX(event) - d.start;
    if (d.pan) {
      var shift = Math.round(-dx / (x1 - x0) * days);
      if (shift) show(first + shift, first + days - 1 + shift);
      else panned.forEach(function (g) { g.removeAttribute("transform"); });
    } else {
      var a = dayAt(Math.min(d.start, d.start + dx)), b = dayAt(Math.max(d.start, d.start + dx));
      show(Math.floor(a), Math.max(Math.floor(a), Math.ceil(b) - 1));
    }
    // the click that ends a drag opens nothing
    setTimeout(function () { dragged = false; }, 0);
  }
  svg.addEventListener("pointerup", end);
  // a drag that starts on an event is a brush, not the browser's dragging of a link
  svg.addEventListener("dragstart", function (event) { event.preventDefault(); });
  svg.addEventListener("pointercancel", function () {
    drag = null;
    dragged = false;
    brush.classList.add("off");
    panned.forEach(function (g) { g.removeAttribute("transform"); });
  });

  svg.addEventListener("click", function (event) {
    var dot = event.target.closest("a.event-dot");
    if (!dot) return;
    event.preventDefault();
    if (dragged) return;
    svg.querySelectorAll("a.event-dot.active").forEach(function (a) {
      a.classList.remove("active");
    });
    dot.classList.add("active");
    fetch(dot.dataset.evidence, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.text();
    }).then(function (html) {
      // the server's template escapes every stored field; nothing in it runs
      document.getElementById("evidence-body").innerHTML = html;
      panel.hidden = false;
    }).catch(function (error) {
      document.getElementById("evidence-body").textContent = "No evidence: " + error.message;
      panel.hidden = false;
    });
  });
})();
