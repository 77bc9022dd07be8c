/* pbdocs web UI: small progressive enhancements; every page also works without script. */
(function () {
  "use strict";

  // A job's page: ask how far it got twice a second, show it, and show the result when done.
  var job = document.querySelector("[data-job]");
  if (job && job.dataset.status) {
    var stage = job.querySelector("[data-stage]");
    var bar = job.querySelector("[data-progress]");
    var secs = job.querySelector("[data-seconds]");
    var poll = function () {
      fetch(job.dataset.status, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (stage) { stage.textContent = s.stage; }
          if (bar && s.total) { bar.max = s.total; bar.value = s.done; }
          if (secs) { secs.textContent = s.seconds; }
          if (s.state === "done" || s.state === "failed") { window.location.reload(); }
          else { window.setTimeout(poll, 500); }
        })
        .catch(function () { window.setTimeout(poll, 1500); });
    };
    window.setTimeout(poll, 300);
  }

  // After 生成并下载: start the download once; the page stays as the confirmation.
  var dl = document.querySelector("[data-autodownload]");
  if (dl && window.sessionStorage) {
    var key = "pbdocs-downloaded:" + dl.getAttribute("href");
    if (!sessionStorage.getItem(key)) {
      sessionStorage.setItem(key, "1");
      window.setTimeout(function () { dl.click(); }, 200);
    }
  }

  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("[data-print]") : null;
    if (t) { e.preventDefault(); window.print(); }
  });

  // A button that starts slow work says so, and is not pressed twice.
  document.addEventListener("submit", function (e) {
    var b = e.submitter;
    if (b && b.dataset && b.dataset.busy) {
      window.setTimeout(function () { b.disabled = true; b.textContent = b.dataset.busy; }, 0);
    }
  });
})();
