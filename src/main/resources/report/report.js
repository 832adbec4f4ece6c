// drivelog report: pan/zoom of the map views and the violation evidence panel. Plain JS, no network.
(function () {
  "use strict";

  function viewBox(svg) {
    return svg.getAttribute("viewBox").split(/\s+/).map(Number);
  }

  function zoomable(svg) {
    var initial = viewBox(svg);
    var markers = svg.querySelectorAll(".violation-marker");
    var markerRatio = markers.length ? Number(markers[0].getAttribute("r")) / Math.max(initial[2], initial[3]) : 0;

    function set(box) {
      svg.setAttribute("viewBox", box.join(" "));
      // Markers keep their size on screen: their radius follows the zoom.
      var r = markerRatio * Math.max(box[2], box[3]);
      for (var i = 0; i < markers.length; i++) markers[i].setAttribute("r", r);
    }

    // Screen pixel -> viewBox units (preserveAspectRatio "meet": one scale for both axes).
    function scale(box) {
      var rect = svg.getBoundingClientRect();
      return Math.max(box[2] / rect.width, box[3] / rect.height);
    }

    function pointAt(event, box) {
      var rect = svg.getBoundingClientRect();
      var s = scale(box);
      var offsetX = (rect.width * s - box[2]) / 2;
      var offsetY = (rect.height * s - box[3]) / 2;
      return [box[0] - offsetX + (event.clientX - rect.left) * s, box[1] - offsetY + (event.clientY - rect.top) * s];
    }

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var box = viewBox(svg);
      var factor = Math.exp(event.deltaY * 0.0015);
      var at = pointAt(event, box);
      set([at[0] - (at[0] - box[0]) * factor, at[1] - (at[1] - box[1]) * factor, box[2] * factor, box[3] * factor]);
    }, { passive: false });

    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.classList.contains("violation-marker")) return;
      drag = { x: event.clientX, y: event.clientY, box: viewBox(svg) };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var s = scale(drag.box);
      set([drag.box[0] - (event.clientX - drag.x) * s, drag.box[1] - (event.clientY - drag.y) * s, drag.box[2], drag.box[3]]);
    });
    function endDrag() { drag = null; svg.classList.remove("dragging"); }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);
    svg.addEventListener("dblclick", function () { set(initial.slice()); });
  }

  function showEvidence(key) {
    var detail = document.getElementById(key);
    if (!detail) return;
    var section = detail.closest("section.trip");
    var panel = section.querySelector("aside.evidence");
    // A copy of the server-escaped markup: nothing from data is interpreted here.
    panel.replaceChildren(detail.firstElementChild.cloneNode(true), detail.lastElementChild.cloneNode(true));
    section.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    section.querySelectorAll('[data-violation="' + key + '"]').forEach(function (el) { el.classList.add("selected"); });
  }

  document.querySelectorAll("svg.map").forEach(zoomable);
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-violation]");
    if (target) showEvidence(target.getAttribute("data-violation"));
  });
})();
