/* mkdocs-digest: the filter on topic and series pages, and the copy buttons of
   citations.
   It narrows a listing across all its numbered pages, from one JSON index fetched on
   first use. Digest text only ever reaches the page as textContent. Plain JavaScript,
   no framework; it runs again after each page change of Material's instant navigation
   (document$), and once on DOMContentLoaded elsewhere. */
(function () {
  "use strict";

  var indexes = {}; // index URL (absolute) -> Promise of the parsed index
  // The query's URL parameter. Not `q`: Material's search owns it (it opens the
  // search overlay on `?q=` and deletes the parameter when the overlay closes).
  var PARAM = "filter";

  function fold(text) {
    // Case- and width-insensitive: NFKC folds full-width Latin to half-width and
    // half-width katakana to full-width, as a reader expects either to match.
    return text.normalize("NFKC").toLowerCase();
  }

  function load(url) {
    if (!indexes[url]) {
      indexes[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
      indexes[url].catch(function () { delete indexes[url]; });
    }
    return indexes[url];
  }

  function rows(index, list) {
    return (index.lists[list] || []).map(function (row) {
      var paper = index.papers[row[0]];
      return {
        paper: paper,
        page: index.pages[row[1]],
        week: (index.weeks || [])[row[1]] || "",
        anchor: row[2] || "arxiv-" + paper[0].replace(/[^A-Za-z0-9.\-]/g, "-"),
        text: fold(paper.join(" ")),
      };
    });
  }

  function item(row, root, weekLabel) {
    var li = document.createElement("li");
    li.className = "digest-listing__item";
    var link = document.createElement("a");
    link.className = "digest-listing__title";
    link.lang = "en";
    link.href = root + row.page + "#" + row.anchor;
    link.textContent = row.paper[1];
    li.appendChild(link);
    if (row.paper[2]) {
      var ja = document.createElement("span");
      ja.className = "digest-listing__title-ja";
      ja.lang = "ja";
      ja.textContent = row.paper[2];
      li.appendChild(ja);
    }
    var meta = document.createElement("span");
    meta.className = "digest-listing__meta";
    meta.lang = "en";
    var parts = [row.paper[3], row.paper[4], row.paper[0]];
    if (row.week && weekLabel) parts.push(weekLabel.replace("{date}", row.week));
    meta.textContent = parts.filter(Boolean).join(" · ");
    li.appendChild(meta);
    return li;
  }

  function setup(form) {
    if (form.dataset.digestReady) return;
    form.dataset.digestReady = "1";
    var input = form.querySelector("input[type=search]");
    var status = form.querySelector("[role=status]");
    var article = form.closest("article") || document;
    var results = article.querySelector(".digest-filter__results");
    var hidden = article.querySelectorAll(".digest-listing-weeks, .digest-pagination");
    var root = form.dataset.digestRoot;
    var url = new URL(form.dataset.digestIndex, document.baseURI).href;
    var all = null;
    var pending = 0;

    function say(text) { status.textContent = text; }

    // The page's table of contents lists the weeks the filter hides: it follows.
    var weekLinks = document.querySelectorAll("nav.md-nav--secondary a[href*='#week-']");

    function show(query) {
      var terms = fold(query).split(/\s+/).filter(Boolean);
      var filtering = terms.length > 0;
      hidden.forEach(function (el) { el.hidden = filtering; });
      weekLinks.forEach(function (link) {
        var item = link.closest("li") || link;
        item.hidden = filtering;
      });
      results.hidden = !filtering;
      results.textContent = "";
      if (!filtering) { say(""); return; }
      var found = all.filter(function (row) {
        return terms.every(function (term) { return row.text.indexOf(term) !== -1; });
      });
      var fragment = document.createDocumentFragment();
      found.forEach(function (row) {
        fragment.appendChild(item(row, root, form.dataset.digestWeek));
      });
      results.appendChild(fragment);
      say(found.length
        ? form.dataset.digestStatus.replace("{n}", found.length).replace("{total}", all.length)
        : form.dataset.digestNone);
    }

    function remember(query) {
      var here = new URL(location.href);
      if (query) here.searchParams.set(PARAM, query); else here.searchParams.delete(PARAM);
      history.replaceState(history.state, "", here.href);
    }

    function update() {
      var query = input.value.trim();
      remember(query);
      if (all) { show(query); return; }
      if (!query) return;
      var ticket = ++pending;
      say(form.dataset.digestLoading);
      load(url).then(function (index) {
        all = all || rows(index, form.dataset.digestList);
        if (ticket === pending) show(input.value.trim());
      }, function () { say(form.dataset.digestError); });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", update);
    form.hidden = false;
    var query = new URL(location.href).searchParams.get(PARAM);
    if (query) { input.value = query; update(); }
  }

  function run() {
    document.querySelectorAll("form.digest-filter").forEach(setup);
  }

  // Copy buttons of citations: one listener for the document, so cards that
  // instant navigation brings in work too. The status is a polite live region.
  function copied(button, ok) {
    var status = button.parentNode.querySelector(".digest-copy__status");
    if (status) status.textContent = ok ? status.dataset.digestCopied : status.dataset.digestFailed;
  }

  function copy(button) {
    var source = button.parentNode.querySelector("pre");
    if (!source) return;
    var text = source.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button, true); },
        function () { copied(button, false); }
      );
      return;
    }
    var range = document.createRange(); // http:// pages: the older way, by selection
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    selection.removeAllRanges();
    copied(button, ok);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-digest-copy]");
    if (button) copy(button);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
