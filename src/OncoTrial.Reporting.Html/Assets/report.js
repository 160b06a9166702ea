(function () {
  "use strict";
  var dialog = document.getElementById("subject-dialog");
  if (!dialog) { return; }
  var list = document.getElementById("subject-list");
  var what = document.getElementById("subject-what");
  var opener = null;
  function context(cell) {
    var table = cell.closest("table");
    var row = cell.closest("tr");
    var caption = table && table.caption ? table.caption.textContent : "";
    var label = row && row.cells.length ? row.cells[0].textContent.trim() : "";
    var column = cell.getAttribute("data-column") || "";
    return caption + " \u2014 " + label + (column ? " \u2014 " + column : "") + ": " + cell.textContent.trim();
  }
  function show(cell) {
    var ids = (cell.getAttribute("data-subjects") || "").split(" ").filter(function (s) { return s.length > 0; });
    list.textContent = "";
    ids.forEach(function (id) {
      var item = document.createElement("li");
      item.textContent = id;
      list.appendChild(item);
    });
    what.textContent = context(cell) + " (" + ids.length + (ids.length === 1 ? " subject)" : " subjects)");
    opener = cell;
    if (typeof dialog.showModal === "function") { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
    document.getElementById("subject-close").focus();
  }
  function close() {
    if (typeof dialog.close === "function") { dialog.close(); } else { dialog.removeAttribute("open"); }
  }
  dialog.addEventListener("close", function () { if (opener) { opener.focus(); opener = null; } });
  document.getElementById("subject-close").addEventListener("click", close);
  document.addEventListener("click", function (e) {
    var cell = e.target.closest ? e.target.closest("[data-subjects]") : null;
    if (cell) { show(cell); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") { return; }
    var cell = e.target.closest ? e.target.closest("[data-subjects]") : null;
    if (cell) { e.preventDefault(); show(cell); }
  });
})();
