// kamerbrief report: draws the table, the commitments and the warnings from the embedded JSON,
// a page of rows at a time as they scroll into view.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("data").textContent);
  var PAGE = 150;
  var L = D.letters, R = D.recs, M = D.ministries;
  var year = function (li) { var d = L[li][1]; return d ? d.slice(0, 4) : "(onbekend)"; };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function letterLink(li) {
    var name = L[li][0];
    var label = L[li][3] || name;
    if (D.prefix === null) { var s = el("span", null, label); s.title = name; return s; }
    var a = el("a", null, label);
    a.href = D.prefix + name.split("/").map(encodeURIComponent).join("/");
    a.title = name;
    return a;
  }

  // ---- recommendations table ----
  var tbody = document.getElementById("rijen");
  var counter = document.getElementById("n-rijen");
  var sentinel = document.getElementById("meer-rijen");
  var state = { stance: "", ministry: "", year: "", word: "", key: "datum", dir: -1 };
  var shown = [], drawn = 0, hay = null;
  var keyOf = {
    brief: function (r) { return (L[r[0]][3] || L[r[0]][0]).toLowerCase(); },
    datum: function (r) { return L[r[0]][1] || ""; },
    ministerie: function (r) { return M[L[r[0]][2]]; },
    titel: function (r) { return r[2].toLowerCase(); },
    standpunt: function (r) { return r[3]; },
    citaat: function (r) { return r[4].toLowerCase(); }
  };

  function select() {
    var word = state.word.toLowerCase().trim();
    if (word && hay === null) {
      hay = R.map(function (r) { return (r[2] + " " + r[4] + " " + L[r[0]][3] + " " + L[r[0]][0]).toLowerCase(); });
    }
    var out = [];
    for (var i = 0; i < R.length; i++) {
      var r = R[i];
      if (state.stance && r[3] !== state.stance) { continue; }
      if (state.ministry && M[L[r[0]][2]] !== state.ministry) { continue; }
      if (state.year && year(r[0]) !== state.year) { continue; }
      if (word && hay[i].indexOf(word) < 0) { continue; }
      out.push(i);
    }
    var key = keyOf[state.key], dir = state.dir;
    out.sort(function (a, b) {
      var x = key(R[a]), y = key(R[b]);
      return x < y ? -dir : x > y ? dir : a - b;
    });
    return out;
  }
  function row(i) {
    var r = R[i], tr = el("tr");
    var td = el("td", "brief"); td.appendChild(letterLink(r[0])); tr.appendChild(td);
    tr.appendChild(el("td", "datum", L[r[0]][1] || ""));
    tr.appendChild(el("td", "ministerie", M[L[r[0]][2]]));
    tr.appendChild(el("td", "titel", (r[1] !== null ? r[1] + ". " : "") + r[2]));
    td = el("td", "standpunt"); td.appendChild(el("span", "badge s-" + r[3], D.stances[r[3]] || r[3])); tr.appendChild(td);
    tr.appendChild(el("td", "citaat", r[4]));
    tr.dataset.stance = r[3];
    return tr;
  }
  function more() {
    var frag = document.createDocumentFragment();
    var end = Math.min(shown.length, drawn + PAGE);
    for (; drawn < end; drawn++) { frag.appendChild(row(shown[drawn])); }
    tbody.appendChild(frag);
  }
  function refresh() {
    shown = select();
    drawn = 0;
    tbody.textContent = "";
    more();
    counter.textContent = shown.length + " van " + R.length + " aanbevelingen";
    counter.dataset.count = String(shown.length);
    document.querySelectorAll("th").forEach(function (th) {
      var b = th.querySelector("button");
      th.setAttribute("aria-sort", b.dataset.sort === state.key ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
  }
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && drawn < shown.length) { more(); }
    }, { root: document.getElementById("tablewrap"), rootMargin: "400px" }).observe(sentinel);
  }
  document.getElementById("tablewrap").addEventListener("scroll", function () {
    var w = this;
    if (drawn < shown.length && w.scrollTop + w.clientHeight > w.scrollHeight - 600) { more(); }
  });
  function bind(id, field, ev) {
    var input = document.getElementById(id);
    input.addEventListener(ev, function () { state[field] = input.value; refresh(); });
  }
  bind("f-standpunt", "stance", "change");
  bind("f-ministerie", "ministry", "change");
  bind("f-jaar", "year", "change");
  var timer = null;
  document.getElementById("f-zoek").addEventListener("input", function () {
    var input = this;
    clearTimeout(timer);
    timer = setTimeout(function () { state.word = input.value; refresh(); }, 120);
  });
  document.querySelector("thead").addEventListener("click", function (e) {
    var b = e.target.closest("button[data-sort]");
    if (!b) { return; }
    state.dir = state.key === b.dataset.sort ? -state.dir : 1;
    state.key = b.dataset.sort;
    refresh();
  });

  // ---- commitments on a timeline ----
  var list = document.getElementById("tijdlijn");
  var moreBtn = document.getElementById("meer-tijdlijn");
  var lateOnly = document.getElementById("f-verlopen");
  var items = [], told = 0;
  function tdraw() {
    var frag = document.createDocumentFragment();
    var end = Math.min(items.length, told + 200);
    for (; told < end; told++) {
      var t = D.toez[items[told]];
      var late = t[1] !== null && t[1] < D.peildatum;
      var li = el("li", late ? "verlopen" : "open");
      li.appendChild(el("span", "when", t[1] || "geen datum"));
      if (late) { li.appendChild(el("span", "late", "verlopen")); }
      li.appendChild(el("span", "tekst", t[3]));
      li.appendChild(document.createTextNode(" — "));
      li.appendChild(letterLink(t[0]));
      frag.appendChild(li);
    }
    list.appendChild(frag);
    moreBtn.hidden = told >= items.length;
  }
  function trefresh() {
    items = [];
    for (var i = 0; i < D.toez.length; i++) {
      var t = D.toez[i];
      if (!lateOnly.checked || (t[1] !== null && t[1] < D.peildatum)) { items.push(i); }
    }
    told = 0;
    list.textContent = "";
    list.dataset.count = String(items.length);
    tdraw();
  }
  moreBtn.addEventListener("click", tdraw);
  lateOnly.addEventListener("change", trefresh);

  // ---- warnings, listed when a group is opened ----
  document.querySelectorAll("#waarschuwingen details").forEach(function (d) {
    d.addEventListener("toggle", function () {
      var ul = d.querySelector("ul");
      if (!d.open || ul.childElementCount) { return; }
      var rows = D.warnings[d.dataset.code] || [];
      var frag = document.createDocumentFragment();
      rows.slice(0, 1000).forEach(function (w) {
        var li = el("li");
        li.appendChild(letterLink(w[0]));
        li.appendChild(document.createTextNode((w[1] !== null ? " (regel " + w[1] + ")" : "") + ": " + w[2]));
        frag.appendChild(li);
      });
      if (rows.length > 1000) { frag.appendChild(el("li", null, "… en nog " + (rows.length - 1000))); }
      ul.appendChild(frag);
    });
  });

  refresh();
  trefresh();
  document.body.dataset.readyMs = String(Math.round(performance.now()));  // read by benchmarks/bench_report.py
  document.body.dataset.ready = "1";
})();
