/* mkdocs-digest: the filter on topic and series pages, the papers in the site
   search's results, and the copy buttons of citations.
   It narrows a listing across all its numbered pages, from one JSON index fetched on
   first use. Digest text only ever reaches the page as textContent. Plain JavaScript,
   no framework; it runs once the page is read and again after each page change of
   Material's instant navigation (document$). */
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
      indexes[url] = location.protocol === "file:" ? loadScript(url) : fetchJson(url);
      indexes[url].catch(function () { delete indexes[url]; });
    }
    return indexes[url];
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function loadScript(url) {
    // Pages opened from file:// (Material's offline plugin) cannot fetch a file, but
    // may load a script: the build writes the index as one too (papers-index.js).
    var name = url.slice(url.lastIndexOf("/") + 1);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url.replace(/\.json$/, ".js");
      script.onload = function () {
        var data = window.mkdocsDigest && window.mkdocsDigest[name];
        if (data) resolve(data); else reject(new Error("no data in " + script.src));
      };
      script.onerror = function () { reject(new Error("cannot load " + script.src)); };
      document.head.appendChild(script);
    });
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

  // Site search: Material's search box answers paper queries from the plugin's own
  // index (formats/paper_search.py), each paper once, at its home card, above the
  // pages Material finds. Matching is by substring, so a Japanese word is found
  // wherever it stands; titles weigh above authors, categories and text.
  var ROOT = document.currentScript
    ? new URL("../../", document.currentScript.src).href // assets/mkdocs_digest/
    : null;
  var SHOWN = 10; // first results; the next ones open under "N more"
  var MOST = 50;
  var WEIGHTS = [4, 8, 8, 4, 2, 1]; // arXiv id, title, title_ja, authors, categories, text
  var ARXIV = /^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$/;
  var papers = null; // Promise of the papers, each with its folded fields
  var settings = null;

  function searchSettings() {
    if (!settings) {
      var element = document.getElementById("digest-search");
      settings = element ? JSON.parse(element.textContent) : false;
    }
    return settings;
  }

  function searchable() {
    if (!papers) {
      var s = searchSettings();
      papers = Promise.all([load(ROOT + s.index), load(ROOT + s.text)]).then(function (got) {
        var index = got[0], texts = got[1].text;
        return index.papers.map(function (paper, n) {
          var home = index.home[n];
          var anchor = home[1] || "arxiv-" + paper[0].replace(/[^A-Za-z0-9.\-]/g, "-");
          return {
            paper: paper,
            text: texts[n] || "",
            url: ROOT + index.pages[home[0]] + "#" + anchor,
            week: index.weeks[home[0]] || "",
            fields: paper.concat([texts[n] || ""]).map(fold),
            order: n,
          };
        });
      });
      papers.catch(function () { papers = null; });
    }
    return papers;
  }

  function score(entry, terms, phrase) {
    var total = 0;
    for (var t = 0; t < terms.length; t++) {
      var best = entry.fields[0] === terms[t] ? 100 : 0;
      for (var f = 0; f < WEIGHTS.length && !best; f++) {
        if (entry.fields[f].indexOf(terms[t]) !== -1) best = WEIGHTS[f];
      }
      for (; f < 3; f++) { // a title match outweighs one found first elsewhere
        if (entry.fields[f].indexOf(terms[t]) !== -1) best = Math.max(best, WEIGHTS[f]);
      }
      if (!best) return 0;
      total += best;
    }
    if (entry.fields[1].indexOf(phrase) !== -1 || entry.fields[2].indexOf(phrase) !== -1) {
      total += 8; // the whole query as written, in a title
    }
    return total;
  }

  function found(all, query) {
    var phrase = fold(query).trim();
    var terms = phrase.split(/\s+/).filter(Boolean).map(function (term) {
      var id = ARXIV.exec(term);
      return id ? id[1] : term;
    });
    if (!terms.length) return [];
    var hits = [];
    all.forEach(function (entry) {
      var points = score(entry, terms, phrase);
      if (points) hits.push({ entry: entry, score: points });
    });
    hits.sort(function (a, b) { return b.score - a.score || b.entry.order - a.entry.order; });
    hits.terms = terms;
    return hits;
  }

  function snippet(text, terms) {
    // Around the first term found in the text, the term marked; textContent only.
    var p = document.createElement("p");
    var lower = text.toLowerCase();
    var at = -1, term = "";
    terms.forEach(function (t) {
      var i = lower.indexOf(t);
      if (i !== -1 && (at === -1 || i < at)) { at = i; term = t; }
    });
    if (at === -1) { p.textContent = text.slice(0, 120); return p; }
    var start = Math.max(0, at - 40);
    p.appendChild(document.createTextNode((start ? "…" : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + term.length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(at + term.length, at + 120)));
    return p;
  }

  function shownAuthors(names, terms) {
    // The first three, and any further one the query names: the reason it was found.
    var authors = names.split(", ");
    if (authors.length <= 3) return names;
    var named = authors.slice(3).filter(function (name) {
      var folded = fold(name);
      return terms.some(function (term) { return folded.indexOf(term) !== -1; });
    });
    return authors.slice(0, 3).concat(named.length ? ["…"].concat(named) : []).join(", ") +
      (named.length && named[named.length - 1] === authors[authors.length - 1] ? "" : ", …");
  }

  function result(hit, terms, labels) {
    var entry = hit.entry, paper = entry.paper;
    var li = document.createElement("li");
    li.className = "md-search-result__item digest-search__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.tabIndex = -1;
    link.href = entry.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.dataset.mdScore = String(hit.score); // Material's Enter goes to the best
    var title = document.createElement("h1");
    title.lang = "en";
    title.textContent = paper[1];
    article.appendChild(title);
    if (paper[2]) {
      var ja = document.createElement("p");
      ja.className = "digest-search__title-ja";
      ja.lang = "ja";
      ja.textContent = paper[2];
      article.appendChild(ja);
    }
    var meta = document.createElement("p");
    meta.className = "digest-search__meta";
    var authors = shownAuthors(paper[3], terms);
    var week = entry.week ? labels.week_of.replace("{date}", entry.week) : "";
    meta.textContent = [paper[0], authors, week].filter(Boolean).join(" · ");
    article.appendChild(meta);
    if (entry.text) article.appendChild(snippet(entry.text, terms));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function counted(labels, key, n) {
    return (n === 1 && labels[key + "_one"] || labels[key]).replace("{n}", n);
  }

  function searchGroup(result) {
    var group = result.querySelector(".digest-search");
    if (group) return group;
    group = document.createElement("div");
    group.className = "digest-search";
    group.hidden = true;
    var meta = document.createElement("div");
    meta.className = "md-search-result__meta digest-search__status";
    group.appendChild(meta);
    group.appendChild(document.createElement("ol")).className = "md-search-result__list";
    // First in the result: Material counts its own results in the meta line below,
    // and its Enter key weighs every result's score, ours included.
    result.insertBefore(group, result.firstChild);
    var theirs = result.querySelector(":scope > ol.md-search-result__list");
    if (theirs) new MutationObserver(function () { own(result); }).observe(theirs, { childList: true });
    return group;
  }

  function own(result) {
    // Material's "no matching documents" under papers found reads as if none were.
    var group = result.querySelector(".digest-search");
    var theirs = result.querySelector(":scope > ol.md-search-result__list");
    var ours = group && !group.hidden && group.querySelector("li");
    result.classList.toggle("digest-search--papers-only", !!ours && theirs && !theirs.children.length);
  }

  function showPapers(group, hits, labels) {
    var meta = group.firstChild, list = meta.nextSibling;
    list.textContent = "";
    var old = group.querySelector("details");
    if (old) old.remove();
    meta.textContent = counted(labels, "n_papers", hits.length);
    hits.slice(0, SHOWN).forEach(function (hit) {
      list.appendChild(result(hit, hits.terms, labels));
    });
    var rest = hits.slice(SHOWN, MOST);
    if (rest.length) {
      var more = document.createElement("details");
      more.className = "md-search-result__more digest-search__more";
      var summary = more.appendChild(document.createElement("summary"));
      summary.tabIndex = -1;
      summary.textContent = counted(labels, "search_more", rest.length);
      var extra = more.appendChild(document.createElement("ol"));
      extra.className = "md-search-result__list";
      more.addEventListener("toggle", function () {
        if (!more.open || extra.firstChild) return;
        rest.forEach(function (hit) { extra.appendChild(result(hit, hits.terms, labels)); });
      });
      group.appendChild(more);
    }
  }

  var asked = 0;

  function searchPapers(input) {
    var s = searchSettings();
    var box = input.closest(".md-search");
    var resultEl = box && box.querySelector(".md-search-result");
    if (!s || !ROOT || !resultEl) return;
    var group = searchGroup(resultEl);
    var query = input.value;
    var ticket = ++asked;
    if (!query.trim()) { group.hidden = true; own(resultEl); return; }
    if (!papers) { group.hidden = false; group.firstChild.textContent = s.labels.filter_loading; }
    searchable().then(function (all) {
      if (ticket !== asked) return;
      var hits = found(all, query);
      group.hidden = !hits.length;
      showPapers(group, hits, s.labels);
      own(resultEl);
    }, function () { group.hidden = true; own(resultEl); });
  }

  function isSearchBox(target) {
    return target && target.matches && target.matches("input.md-search__input");
  }

  document.addEventListener("input", function (event) {
    if (isSearchBox(event.target)) searchPapers(event.target);
  });
  document.addEventListener("focusin", function (event) {
    // Fetch while the reader types the first letters.
    if (isSearchBox(event.target) && searchSettings() && ROOT) searchable();
  });
  document.addEventListener("reset", function (event) {
    var input = event.target.querySelector && event.target.querySelector("input.md-search__input");
    if (input) setTimeout(function () { searchPapers(input); });
  });

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

  // Once the page is read, and again after each page change of Material's instant
  // navigation. Not on document$ alone: pages opened from file:// (Material's offline
  // plugin) have a document$ that never emits. setup() runs once per form.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  }
})();
