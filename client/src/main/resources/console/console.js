// GroupBuy console: live timeline steps (Server-Sent Events) and the "verify a file" control.
// No library; all ledger text is placed with textContent, never as HTML.
"use strict";

(function () {
  function field(dl, cls, label, value) {
    var div = document.createElement("div");
    div.className = cls;
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    dd.textContent = value;
    div.appendChild(dt);
    div.appendChild(dd);
    dl.appendChild(div);
  }

  function stepItem(step) {
    var li = document.createElement("li");
    li.className = "step live" + (step.mark ? " " + step.mark : "");
    li.setAttribute("data-tx", step.txId);
    var h3 = document.createElement("h3");
    h3.textContent = step.type + " ";
    if (step.status) {
      var status = document.createElement("span");
      status.className = "status";
      status.textContent = step.status;
      h3.appendChild(status);
    }
    if (step.mark) {
      var mark = document.createElement("span");
      mark.className = "mark";
      mark.textContent = step.mark;
      h3.appendChild(document.createTextNode(" "));
      h3.appendChild(mark);
    }
    li.appendChild(h3);
    var dl = document.createElement("dl");
    field(dl, "time", "Time", step.timeText);
    var time = document.createElement("time");
    time.setAttribute("datetime", step.time);
    time.textContent = step.timeText;
    var timeField = dl.lastChild.lastChild;
    timeField.textContent = "";
    timeField.appendChild(time);
    field(dl, "actor", "Actor", step.actor);
    field(dl, "org", "Org", step.org);
    field(dl, "tx", "Transaction", step.txId);
    field(dl, "block", "Block", step.block);
    if (step.details) { field(dl, "details", "Details", step.details); }
    if (step.evidence.length) { field(dl, "evidence", "Evidence", step.evidence.join(" ")); }
    li.appendChild(dl);
    return li;
  }

  function live() {
    var timeline = document.getElementById("timeline");
    if (!timeline || !timeline.dataset.live || !window.EventSource) { return; }
    var note = document.getElementById("live-status");
    var source = new EventSource(timeline.dataset.live);
    source.addEventListener("step", function (e) {
      var step = JSON.parse(e.data);
      if (timeline.querySelector('li[data-tx="' + CSS.escape(step.txId) + '"]')) { return; }
      timeline.appendChild(stepItem(step));
      var status = document.getElementById("gb-status");
      if (status && step.status && step.type.indexOf("Household") !== 0 && step.type.indexOf("Recorded") < 0) {
        status.textContent = step.status;
      }
      if (note) { note.textContent = "New event: " + step.type + " in block " + step.block + "."; }
    });
    source.onerror = function () {
      if (note) { note.textContent = "Live updates paused; reconnecting."; }
    };
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function pageHashes() {
    var found = {};
    document.querySelectorAll("#evidence-hashes code, #timeline .evidence dd").forEach(function (el) {
      el.textContent.split(/\s+/).forEach(function (h) { if (h) { found[h] = true; } });
    });
    return found;
  }

  function verify(file) {
    var result = document.getElementById("verify-result");
    var hashLine = document.getElementById("verify-hash");
    result.className = "";
    result.textContent = "Hashing " + file.name + " ...";
    file.arrayBuffer().then(function (bytes) {
      return crypto.subtle.digest("SHA-256", bytes);
    }).then(function (digest) {
      var sha = hex(digest);
      hashLine.textContent = "SHA-256 of " + file.name + ": " + sha;
      return fetch("/verify", { method: "POST", headers: { "X-Console": "verify", "Content-Type": "text/plain" }, body: sha })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          var cites = answer.citations || [];
          var here = pageHashes()[sha];
          if (cites.length && here) {
            result.className = "ok";
            result.textContent = "Matches: this file is the evidence recorded in transaction " + cites.map(function (c) {
              return c.txId + " (" + c.kind + " " + c.id + ", " + c.time + ")";
            }).join("; ") + ".";
          } else if (cites.length) {
            result.className = "warn";
            result.textContent = "The ledger cites this file, but not on this page: " + cites.map(function (c) {
              return c.kind + " " + c.id;
            }).join(", ") + ".";
          } else {
            result.className = "bad";
            result.textContent = "Does not match: no record on the ledger cites a file with this SHA-256"
              + (answer.error ? " (" + answer.error + ")" : "") + ".";
          }
        });
    }).catch(function (e) {
      result.className = "bad";
      result.textContent = "Could not verify: " + e;
    });
  }

  function verifyControl() {
    var input = document.getElementById("verify-file");
    var zone = document.getElementById("drop-zone");
    if (!input) { return; }
    input.addEventListener("change", function () { if (input.files.length) { verify(input.files[0]); } });
    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("over");
      if (e.dataTransfer.files.length) { verify(e.dataTransfer.files[0]); }
    });
    document.getElementById("verify").addEventListener("submit", function (e) { e.preventDefault(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    live();
    verifyControl();
  });
})();
