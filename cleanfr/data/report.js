// cleanfr HTML report: tooltips on hover and focus, n/p to walk edits, category filters, view switch.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var edits = Array.prototype.slice.call(document.querySelectorAll("main .ed"));
  function show(el) {
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var below = r.bottom + 6, height = tip.offsetHeight;
    tip.style.left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = (below + height > window.innerHeight ? Math.max(8, r.top - height - 6) : below) + "px";
  }
  function hide() { tip.hidden = true; }
  edits.forEach(function (el) {
    el.addEventListener("mouseenter", function () { show(el); });
    el.addEventListener("mouseleave", hide);
    el.addEventListener("focus", function () { show(el); });
    el.addEventListener("blur", hide);
  });
  function visible(el) { return el.offsetParent !== null && !el.classList.contains("filtered"); }
  document.addEventListener("keydown", function (ev) {
    if (ev.target.tagName === "SELECT" || ev.target.tagName === "INPUT" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key !== "n" && ev.key !== "p") return;
    var list = edits.filter(visible);
    if (!list.length) return;
    var i = list.indexOf(document.activeElement);
    i = ev.key === "n" ? (i + 1) % list.length : (i <= 0 ? list.length - 1 : i - 1);
    list[i].focus();
    list[i].scrollIntoView({ block: "center" });
  });
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var cls = box.getAttribute("data-filter");
      document.querySelectorAll("main pre ." + cls).forEach(function (el) {
        el.classList.toggle("filtered", !box.checked);
        el.style.background = box.checked ? "" : "none";
        el.style.boxShadow = box.checked ? "" : "none";
      });
    });
  });
  document.getElementById("view").addEventListener("change", function (ev) {
    document.body.classList.remove("view-in", "view-out");
    if (ev.target.value !== "both") document.body.classList.add("view-" + ev.target.value);
  });
  var links = Array.prototype.slice.call(document.querySelectorAll("#docs a"));
  if ("IntersectionObserver" in window && links.length) {
    var obs = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        links.forEach(function (a) { a.classList.toggle("current", a.getAttribute("href") === "#" + e.target.id); });
      });
    }, { rootMargin: "-40% 0px -55% 0px" });
    document.querySelectorAll("article.doc").forEach(function (a) { obs.observe(a); });
  }
  // report.html#d0-e3 opens the report on that edit with its detail shown (#focus=d0-e3: without scrolling
  // to it first when it is already in view).
  var target = location.hash && document.getElementById(location.hash.slice(1).replace(/^focus=/, ""));
  if (target && target.classList.contains("ed")) {
    var box = target.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }
  document.body.setAttribute("data-edits", String(edits.length));
  document.body.setAttribute("data-ready", "1");
})();
