// timeline's HTML report: filters, links between findings and marks, zoom, and timelines drawn on demand.
// Every position was computed when the report was made; this only shows, hides and scales.
(function () {
  "use strict";
  var doc = document;
  var all = function (sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); };
  var byIds = function (list) {
    return (list || "").split(" ").map(function (id) { return id && doc.getElementById(id); }).filter(Boolean);
  };
  var clear = function () { all(".hl, .sel").forEach(function (el) { el.classList.remove("hl", "sel"); }); };

  // A finding lights up the marks of the claims it quotes; a mark lights up (and goes to) its quotes.
  function showFinding(finding, scroll) {
    clear();
    finding.classList.add("hl");
    var marks = byIds(finding.dataset.marks);
    marks.forEach(function (m) { m.classList.add("hl"); });
    if (scroll && marks.length) {
      marks[0].ownerSVGElement.scrollIntoView({ block: "nearest" });
      focusMark(marks[0]);
    } else if (scroll) {
      var pending = all(".axis-fig.pending", finding.closest(".official"));
      if (pending.length) Promise.all(pending.map(draw)).then(function () { showFinding(finding, true); });
    }
  }
  function showMark(mark) {
    clear();
    mark.classList.add("hl", "sel");
    var figure = mark.closest("figure");
    var detail = figure && figure.querySelector(".detail");
    if (detail) detail.textContent = mark.querySelector("title").textContent;
    var quotes = byIds(mark.dataset.quotes);
    quotes.forEach(function (q) { q.classList.add("hl"); q.closest(".finding").classList.add("hl"); });
    var rows = all('tr[data-marks~="' + mark.id + '"]');
    rows.forEach(function (r) { r.classList.add("hl"); });
    var target = quotes[0] || rows[0];
    if (target) {
      target.scrollIntoView({ block: "center" });
      if (quotes[0]) {
        target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
      }
    }
  }
  function focusMark(mark) {
    all(".mark[tabindex]", mark.ownerSVGElement).forEach(function (m) { m.setAttribute("tabindex", "-1"); });
    mark.setAttribute("tabindex", "0");
    mark.focus({ preventScroll: true });
  }
  doc.addEventListener("click", function (e) {
    var mark = e.target.closest(".mark");
    if (mark) { focusMark(mark); showMark(mark); return; }
    var finding = e.target.closest(".finding");
    if (finding && !e.target.closest("a, details")) showFinding(finding, !!e.target.closest("button.show"));
  });
  doc.addEventListener("keydown", function (e) {
    var mark = e.target.closest && e.target.closest(".mark");
    if (!mark) return;
    var marks = all(".mark", mark.ownerSVGElement);
    var i = marks.indexOf(mark);
    var next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: marks.length - 1 }[e.key];
    if (next !== undefined) {
      e.preventDefault();
      if (marks[next]) focusMark(marks[next]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      showMark(mark);
    }
  });

  // Zoom: the axis keeps its computed positions; the plot is scaled so [from, to] fills it.
  var day = function (iso) { var p = iso.split("-"); return Date.UTC(+p[0], p[1] - 1, +p[2]) / 864e5; };
  var spans = function (text) {
    return text ? text.split(";").map(function (s) {
      var p = s.split("/");
      return { a: day(p[0]), b: day(p[1]), x0: +p[2], x1: +p[3] };
    }) : [];
  };
  function zoom(svg, from, to) {
    var plot = svg.querySelector(".plot");
    var segs = spans(svg.dataset.segs), gaps = spans(svg.dataset.brks);
    var ends = svg.dataset.plot.split("/").map(Number);
    var x = function (d, right) {
      for (var i = 0; i < segs.length; i++) {
        var s = segs[i];
        if (d >= s.a && d <= s.b) return s.x0 + (d - s.a + (right ? 1 : 0)) * (s.x1 - s.x0) / (s.b - s.a + 1);
      }
      for (var j = 0; j < gaps.length; j++) {
        if (d >= gaps[j].a && d <= gaps[j].b) return right ? gaps[j].x0 : gaps[j].x1;
      }
      return segs.length && d < segs[0].a ? ends[0] : ends[1];
    };
    var a = from ? x(day(from), false) : ends[0], b = to ? x(day(to), true) : ends[1];
    if ((!from && !to) || b - a < 1) {
      plot.style.transform = "";
      svg.classList.remove("zoomed", "fine");
      return;
    }
    var k = (ends[1] - ends[0]) / (b - a);
    plot.style.transform = "translate(" + (ends[0] - k * a) + "px,0) scale(" + k + ",1)";
    svg.style.setProperty("--k", k);
    svg.classList.toggle("zoomed", k > 1.001);
    svg.classList.toggle("fine", +svg.dataset.fine > 0 && k * svg.dataset.fine >= 22);
  }

  // Axes beyond the page's inline budget travel deflated; each is drawn when it comes into view or
  // its official is opened, filtered or linked to. So do officials' info findings.
  var chunks = {};
  function chunk(id) {
    if (!chunks[id]) {
      var text = doc.getElementById(id).textContent;
      var bytes = Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      chunks[id] = new Response(stream).text().then(function (markup) {
        var box = doc.createElement("template");
        box.innerHTML = markup;
        return box.content;
      });
    }
    return chunks[id];
  }
  function draw(holder) {
    if (holder.drawn) return holder.drawn;
    holder.drawn = chunk(holder.dataset.z).then(function (content) {
      var figure = content.querySelector('template[data-for="' + holder.dataset.for + '"]').content.firstElementChild;
      holder.replaceWith(figure);
      all(".finding.hl", figure.closest(".official")).forEach(function (f) { showFinding(f, false); });
      if (form) apply();
      return figure;
    });
    return holder.drawn;
  }
  function drawIn(root) {
    return Promise.all(all(".pending[data-z]", root).map(draw));
  }
  var watcher = window.IntersectionObserver && new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) { watcher.unobserve(e.target); draw(e.target); } });
  }, { rootMargin: "800px 0px" });
  all(".axis-fig.pending").forEach(function (holder) {
    if (watcher && !holder.closest("details")) watcher.observe(holder);
  });
  doc.addEventListener("toggle", function (e) {
    var c = e.target.classList;
    if (c && (c.contains("lazy") || c.contains("info-z")) && e.target.open) drawIn(e.target);
  }, true);
  var others = doc.getElementById("others"), toggle = doc.querySelector(".toggle-all");
  function showOthers(open) {
    if (!others) return;
    others.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? toggle.dataset.hide : toggle.dataset.show;
  }
  if (toggle) toggle.addEventListener("click", function () { showOthers(others.hidden); });

  // On paper the legend is open and every timeline drawn so far is printed in full.
  window.addEventListener("beforeprint", function () { all("details.legend").forEach(function (d) { d.open = true; }); });

  // Filters: official, rule, severity, outlet, and a date range that zooms every drawn axis.
  var form = doc.getElementById("filters");
  function overlaps(dates, from, to) {
    if ((!from && !to) || !dates) return true;
    return dates.split(" ").some(function (d) {
      var p = d.split("/");
      return (!from || p[1] >= from) && (!to || p[0] <= to);
    });
  }
  function apply() {
    var f = form.elements;
    var official = f.official.value, rule = f.rule ? f.rule.value : "", outlet = f.outlet.value;
    var from = f.from.value, to = f.to.value;
    var severities = all('input[name="severity"]', form).filter(function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    all(".finding").forEach(function (el) {
      el.hidden = !((!rule || el.dataset.rule === rule)
        && (!f.severity || severities.some(function (s) { return el.classList.contains("sev-" + s); }))
        && (!outlet || (el.dataset.outlets || "").split("|").indexOf(outlet) >= 0)
        && overlaps(el.dataset.dates, from, to));
    });
    all(".official").forEach(function (section) {
      var findings = all(".finding", section);
      section.hidden = (official && section.dataset.official !== official)
        || (findings.length > 0 && findings.every(function (el) { return el.hidden; }));
      if (official && !section.hidden && section.classList.contains("lazy") && !section.open) {
        showOthers(true);
        section.open = true;
      }
    });
    all(".axis .row, .axis .rl").forEach(function (row) {
      row.classList.toggle("dim", !!outlet && row.dataset.outlet !== outlet);
    });
    all("svg.axis").forEach(function (svg) { zoom(svg, from, to); });
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }
})();
