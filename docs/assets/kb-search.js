/* The site's search: the interface that comes with the search index, put in
   the header where the theme's own search box would be. Vendored by hash (checks/model/publication.py): a change
   here needs the new hash there, or the output gate withholds the file.
   The copy opened from the file system uses Material's search instead. */
(function () {
  "use strict";
  var script = document.currentScript;
  var header = document.querySelector(".md-header__inner");
  if (!script || !header || typeof PagefindUI === "undefined") return;
  // This file is assets/kb-search.js: the site's root is one folder up, which
  // keeps search working under any path prefix.
  var root = new URL("../", script.src).pathname;
  var box = document.createElement("div");
  box.className = "kb-search";
  header.insertBefore(box, header.querySelector(".md-header__source"));
  new PagefindUI({
    element: box,
    bundlePath: root + "pagefind/",
    baseUrl: root,
    showImages: false,
    showSubResults: true,
    excerptLength: 20,
    // Search a tenth of a second after the last keystroke (Pagefind waits 0.3 s
    // unless told): the index chunks a query needs load while the reader types.
    debounceTimeoutMs: 100,
    showEmptyFilters: false,
    translations: { placeholder: "Search" }
  });
  // Escape closes the results and keeps the place in the page.
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var clear = box.querySelector(".pagefind-ui__search-clear");
    if (clear) clear.click();
  });
})();
