// The event map: Leaflet over a bundled land outline, no tile server.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) return;
  var colours = { asserted: "#2e7d32", negated: "#c62828", hedged: "#f9a825",
                  planned: "#1565c0", hypothetical: "#8e24aa" };
  var map = L.map(box, { worldCopyJump: true }).setView([20, 10], 2);
  fetch(box.dataset.land).then(function (r) { return r.json(); }).then(function (land) {
    L.geoJSON(land, { style: { color: "#8a9bb0", weight: 1, fillColor: "#f4f1ea",
                               fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  var markers = JSON.parse(document.getElementById("markers").textContent);
  markers.forEach(function (m) {
    var dot = L.circleMarker([m.lat, m.lon], { radius: 7, color: colours[m.modality] || "#555",
                                                fillOpacity: 0.8 });
    var label = document.createElement("a");
    label.href = "/articles/" + m.article_id;
    label.textContent = m.type + " (" + m.modality + ") in " + (m.place || "an unnamed place");
    dot.bindPopup(label).addTo(map);
  });
})();
