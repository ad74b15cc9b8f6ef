// Progressive enhancement for a running crawl's page: follow its log without reloading (the page works without it).
"use strict";
(function () {
  const log = document.getElementById("log");
  if (!log || !log.dataset.follow) return;
  let offset = Number(log.dataset.offset || 0);
  const every = Number(log.dataset.poll || 1000);
  const note = document.getElementById("follow-note");
  const status = document.getElementById("run-status");
  async function poll() {
    let body;
    try {
      const response = await fetch(log.dataset.follow + "?offset=" + offset, { cache: "no-store" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      body = await response.json();
    } catch (err) {
      if (note) note.textContent = "Cannot follow the log (" + err.message + "); reload the page to try again.";
      return;
    }
    if (body.lines.length) {
      const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.append(document.createTextNode(body.lines.join("\n") + "\n"));  // text, never HTML
      if (atBottom) log.scrollTop = log.scrollHeight;
    }
    offset = body.next_offset;
    if (!body.done) {
      setTimeout(poll, every);
    } else {
      if (status) status.textContent = body.status;
      if (note) note.textContent = "The run has ended (" + body.status + "); reload for its final stats.";
    }
  }
  setTimeout(poll, every);
})();
