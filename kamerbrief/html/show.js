// kamerbrief show: a value on the right marks the place on the left it came from.
(function () {
  "use strict";
  var pdf = document.body.dataset.kind === "pdf";
  var letter = document.querySelector(".letter");

  function clear() {
    document.querySelectorAll(".hl, .v.active").forEach(function (e) { e.classList.remove("hl", "active"); });
    document.querySelectorAll(".mark").forEach(function (m) { m.hidden = true; });
  }

  function mark(el, scroll) {
    clear();
    el.classList.add("active");
    var target = null;
    if (pdf) {
      var page = document.getElementById("P" + el.dataset.page);
      if (!page) { return; }
      page.classList.add("hl");
      target = page;
      if (el.dataset.box) {
        var b = el.dataset.box.split(",").map(Number);
        var m = page.querySelector(".mark");
        m.style.left = (b[0] * 100 - 0.5) + "%";
        m.style.top = (b[1] * 100 - 0.3) + "%";
        m.style.width = ((b[2] - b[0]) * 100 + 1) + "%";
        m.style.height = ((b[3] - b[1]) * 100 + 0.6) + "%";
        m.hidden = false;
        target = m;
      }
    } else {
      var van = Number(el.dataset.van), tot = Number(el.dataset.tot || el.dataset.van);
      for (var n = van; n <= tot; n++) {
        var line = document.getElementById("L" + n);
        if (line) {
          line.classList.add("hl");
          if (!target) { target = line; }
        }
      }
    }
    if (scroll && target) { target.scrollIntoView({ block: "center" }); }
  }

  function located(e) {
    var el = e.target.closest ? e.target.closest("[data-van], [data-page]") : null;
    return el && el.closest(".record") ? el : null;
  }

  document.addEventListener("click", function (e) {
    var el = located(e);
    if (!el) { return; }
    if (el.tagName === "A") { e.preventDefault(); }
    mark(el, true);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") { return; }
    var el = located(e);
    if (!el) { return; }
    e.preventDefault();
    mark(el, true);
  });
  document.addEventListener("mouseover", function (e) {
    var el = located(e);
    if (el) { mark(el, false); }
  });
  document.addEventListener("focusin", function (e) {
    var el = located(e);
    if (el) { mark(el, false); }
  });
  if (letter) { letter.dataset.ready = "1"; }
  document.body.dataset.ready = "1";
})();
