// The page's only script: send the chosen files without leaving the page, show the answer in
// place, save a report as a download, and follow the progress of a recap. Every text shown comes
// from the server; without this script the forms still work, a page at a time.
(function () {
  "use strict";

  var FRAGMENT = { "X-Lkip-Fragment": "1" };

  // A long selection (a whole city) is summed up: the first names and how many more.
  function names(files) {
    var all = Array.prototype.map.call(files, function (f) { return f.name; });
    if (all.length <= 4) { return all.join(", "); }
    return all.slice(0, 3).join(", ") + " dan " + (all.length - 3) + " lainnya";
  }

  // --- choosing and dropping files -----------------------------------------------------------
  function showChosen(zone) {
    var input = zone.querySelector("input[type=file]");
    var label = zone.querySelector(".terpilih");
    var n = input.files.length;
    label.textContent = n === 0 ? label.dataset.empty
      : n === 1 ? input.files[0].name
      : n + " berkas: " + names(input.files);
    zone.classList.toggle("ada-berkas", n > 0);
  }

  document.querySelectorAll("[data-drop]").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    input.addEventListener("change", function () { showChosen(zone); });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) {
        e.preventDefault();
        zone.classList.add("over");
      });
    });
    ["dragleave", "dragend"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("over");
      var dropped = e.dataTransfer && e.dataTransfer.files;
      if (!dropped || dropped.length === 0) { return; }
      var keep = new DataTransfer();
      for (var i = 0; i < dropped.length && (input.multiple || i < 1); i++) {
        keep.items.add(dropped[i]);
      }
      input.files = keep.files;
      showChosen(zone);
    });
    showChosen(zone);
  });

  // --- sending ---------------------------------------------------------------------------------
  function field(name) {
    return document.querySelector("input[type=file][name='" + name + "']");
  }

  function filename(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) { return decodeURIComponent(star[1]); }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // The file is not sent: the server only words the message, as it would for the file itself.
  function tooLarge(name, size, kind) {
    var query = "?berkas=" + encodeURIComponent(name) + "&ukuran=" + size +
      "&jenis=" + encodeURIComponent(kind || "");
    return fetch("/batas" + query, { headers: FRAGMENT, credentials: "same-origin" })
      .then(function (r) { return r.text(); });
  }

  function sleep(ms) { return new Promise(function (ok) { setTimeout(ok, ms); }); }

  async function follow(statusUrl, target) {
    for (;;) {
      var r = await fetch(statusUrl, {
        headers: { "Accept": "application/json", "X-Lkip-Fragment": "1" },
        credentials: "same-origin"
      });
      if (!r.ok) { target.innerHTML = await r.text(); return; }
      var state = await r.json();
      target.innerHTML = state.html;
      if (state.finished) { return; }
      await sleep(700);
    }
  }

  async function send(button) {
    var target = document.querySelector(button.dataset.target);
    var note = button.dataset.note ? document.querySelector(button.dataset.note) : null;
    var form = new FormData();
    var fields = button.dataset.fields.split(" ");
    for (var i = 0; i < fields.length; i++) {
      var input = field(fields[i]);
      if (!input) { continue; }
      var total = 0;
      for (var j = 0; j < input.files.length; j++) {
        var file = input.files[j];
        total += file.size;
        if (file.size > Number(input.dataset.maxBytes)) {
          target.innerHTML = await tooLarge(file.name, file.size, input.dataset.jenis);
          return;
        }
        form.append(input.name, file, file.name);
      }
      if (input.dataset.maxTotal && total > Number(input.dataset.maxTotal)) {
        target.innerHTML = await tooLarge("", total, "unggahan");
        return;
      }
    }
    var busyText = "Sedang diproses\u2026";
    if (note) { note.textContent = busyText; } else { target.innerHTML = "<p class=\"memproses\">" + busyText + "</p>"; }
    var response = await fetch(button.dataset.url, {
      method: "POST", body: form, headers: FRAGMENT, credentials: "same-origin"
    });
    if (note) { note.textContent = ""; }
    var disposition = response.headers.get("Content-Disposition") || "";
    if (response.ok && disposition.indexOf("attachment") === 0) {
      var name = filename(response, "laporan.docx");
      save(await response.blob(), name);
      if (note) { note.textContent = "Berkas " + name + " sudah diunduh (lihat folder Unduhan)."; }
      return;
    }
    if (response.ok && button.hasAttribute("data-job")) {
      var job = await response.json();
      target.innerHTML = job.html;
      await follow(job.status, target);
      return;
    }
    target.innerHTML = await response.text();
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-url]");
    if (!button) { return; }
    e.preventDefault();
    if (button.disabled) { return; }
    button.disabled = true;
    send(button).catch(function () {
      var target = document.querySelector(button.dataset.target);
      target.innerHTML = "<div class=\"hasil hasil-gagal\" role=\"alert\"><p class=\"pesan\">" +
        "<strong>Halaman tidak dapat menghubungi server. Pastikan lkip serve masih berjalan, " +
        "lalu coba lagi.</strong></p></div>";
    }).finally(function () { button.disabled = false; });
  });
})();
