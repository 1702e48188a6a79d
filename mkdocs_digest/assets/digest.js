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

  function element(tag, className, text, lang) {
    // An element holding digest text as text, never as markup.
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (lang) made.lang = lang;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function ownValue(object, key) {
    // A value of a JSON object keyed by digest text: never one of Object.prototype's.
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
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
    var link = element("a", "digest-listing__title", row.paper[1], "en");
    link.href = root + row.page + "#" + row.anchor;
    li.appendChild(link);
    if (row.paper[2]) li.appendChild(element("span", "digest-listing__title-ja", row.paper[2], "ja"));
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

  // -- Reading list: stars on cards and explorer rows, kept in localStorage ----------
  // Keyed by arXiv id, per site (its root path): nothing leaves the reader's machine.

  function starKey() {
    return "mkdocs-digest:starred:" + (ROOT ? new URL(ROOT).pathname : "/");
  }

  function starred() {
    try {
      var ids = JSON.parse(localStorage.getItem(starKey()) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function setStarred(ids) {
    try { localStorage.setItem(starKey(), JSON.stringify(ids)); } catch (e) { /* private mode */ }
    document.querySelectorAll("button[data-digest-star]").forEach(showStar);
    document.dispatchEvent(new CustomEvent("digest:starred"));
  }

  function showStar(button) {
    var on = starred().indexOf(button.dataset.digestStar) !== -1;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "\u2605" : "\u2606"; // ★ / ☆
  }

  function starButton(arxivId) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "digest-star";
    button.dataset.digestStar = arxivId;
    var label = pageSettings().labels.star || "Star";
    button.setAttribute("aria-label", label);
    button.title = label;
    showStar(button);
    return button;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-digest-star]");
    if (!button) return;
    var ids = starred(), id = button.dataset.digestStar, at = ids.indexOf(id);
    if (at === -1) ids.unshift(id); else ids.splice(at, 1);
    setStarred(ids);
  });

  window.addEventListener("storage", function (event) { // another tab starred one
    if (event.key === starKey()) setStarred(starred());
  });

  function starCards() {
    document.querySelectorAll("article.digest-card[data-arxiv-id]").forEach(function (card) {
      if (card.querySelector(":scope > button[data-digest-star]")) return;
      var heading = card.querySelector(":scope > h3, :scope > h2, :scope > h4");
      card.insertBefore(starButton(card.dataset.arxivId), heading ? heading.nextSibling : card.firstChild);
    });
  }

  // -- Authors as a way in: each name links to the explorer, filtered to it ----------

  function authorUrl(name) {
    var explorer = pageSettings().explorer;
    if (!explorer || !ROOT) return null;
    return ROOT + explorer + "?author=" + encodeURIComponent(name);
  }

  function linkAuthors(span) {
    if (span.dataset.digestLinked || !authorUrl("")) return;
    span.dataset.digestLinked = "1";
    var text = span.textContent;
    var lead = /^\s*,\s*/.exec(text); // the rest of a card's list starts with ", "
    var names = text.slice(lead ? lead[0].length : 0).split(", ");
    span.textContent = lead ? ", " : "";
    var template = pageSettings().labels.author_link || "{name}";
    names.forEach(function (name, n) {
      if (n) span.appendChild(document.createTextNode(", "));
      var link = document.createElement("a");
      link.href = authorUrl(name.trim());
      link.textContent = name;
      link.title = template.replace("{name}", name.trim());
      span.appendChild(link);
    });
  }

  function linkAllAuthors() {
    document.querySelectorAll(
      ".digest-card__authors > span[lang=en], .digest-listing__meta > span[lang=en]"
    ).forEach(linkAuthors);
  }

  // -- The explorer: every paper, filtered by text and facets, a page at a time ------

  var FACETS = ["topic", "category", "month", "author"];
  var PER_PAGE = 50;
  var MOST_AUTHORS = 40; // the author facet lists the most frequent, and the chosen one

  function explorerPapers(index, base) {
    var topics = index.papers.map(function () { return []; });
    Object.keys(index.lists).forEach(function (key) {
      if (key.indexOf("topic:") !== 0) return;
      var slug = key.slice(6);
      index.lists[key].forEach(function (row) {
        if (topics[row[0]].indexOf(slug) === -1) topics[row[0]].push(slug);
      });
    });
    var all = index.papers.map(function (paper, n) {
      var home = index.home[n];
      var week = index.weeks[home[0]] || "";
      return {
        n: n,
        paper: paper,
        url: base + index.pages[home[0]] + "#" + (home[1] || "arxiv-" + paper[0].replace(/[^A-Za-z0-9.\-]/g, "-")),
        week: week,
        facets: {
          topic: topics[n],
          category: paper[4] ? paper[4].split(" ") : [],
          month: week ? [week.slice(0, 7)] : [],
          author: paper[3] ? paper[3].split(", ") : [],
        },
        text: fold(paper.slice(0, 5).join(" ")),
      };
    });
    all.sort(function (a, b) { return a.week < b.week ? 1 : a.week > b.week ? -1 : b.n - a.n; });
    return all;
  }

  function setupExplorer(root) {
    if (root.dataset.digestReady) return;
    root.dataset.digestReady = "1";
    var form = root.querySelector("form");
    var input = form.querySelector("input[type=search]");
    var status = form.querySelector(".digest-explorer__status");
    var results = root.querySelector(".digest-explorer__results");
    var pager = root.querySelector(".digest-explorer__pages");
    var starredOnly = form.querySelector("[data-digest-starred]");
    var bib = form.querySelector(".digest-explorer__bib");
    var selects = {};
    FACETS.forEach(function (f) { selects[f] = form.querySelector("select[data-facet=" + f + "]"); });
    var words = root.dataset; // the page's labels ride on the template
    var state = { q: "", topic: "", category: "", month: "", author: "", starred: false, page: 1 };
    var all = null, names = {}, shown = [];

    function readUrl() {
      var params = new URL(location.href).searchParams;
      state.q = params.get("filter") || "";
      FACETS.forEach(function (f) { state[f] = params.get(f) || ""; });
      state.starred = params.get("starred") === "1";
      state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
    }

    function writeUrl() {
      var here = new URL(location.href);
      var params = here.searchParams;
      ["filter"].concat(FACETS, ["starred", "page"]).forEach(function (k) { params.delete(k); });
      if (state.q) params.set("filter", state.q);
      FACETS.forEach(function (f) { if (state[f]) params.set(f, state[f]); });
      if (state.starred) params.set("starred", "1");
      if (state.page > 1) params.set("page", String(state.page));
      history.replaceState(history.state, "", here.href);
    }

    function matches(entry, terms, skip, stars) {
      if (stars && stars.indexOf(entry.paper[0]) === -1) return false;
      for (var i = 0; i < FACETS.length; i++) {
        var f = FACETS[i];
        if (f !== skip && state[f] && entry.facets[f].indexOf(state[f]) === -1) return false;
      }
      for (var t = 0; t < terms.length; t++) if (entry.text.indexOf(terms[t]) === -1) return false;
      return true;
    }

    function facetOptions(facet, terms, stars) {
      // A Map: the values are digest text, and an author may be named `__proto__`.
      var counts = new Map();
      all.forEach(function (entry) {
        if (!matches(entry, terms, facet, stars)) return;
        entry.facets[facet].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
      });
      var values = Array.from(counts.keys());
      if (facet === "month") values.sort().reverse();
      else values.sort(function (a, b) { return counts.get(b) - counts.get(a) || (a < b ? -1 : 1); });
      if (facet === "author") values = values.slice(0, MOST_AUTHORS);
      if (state[facet] && values.indexOf(state[facet]) === -1) values.unshift(state[facet]);
      var select = selects[facet];
      select.textContent = "";
      var any = document.createElement("option");
      any.value = "";
      any.textContent = words.digestAny;
      select.appendChild(any);
      values.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        var name = facet === "topic" ? ownValue(names, "topic:" + v) || v : v;
        option.textContent = name + " (" + (counts.get(v) || 0) + ")";
        select.appendChild(option);
      });
      select.value = state[facet];
    }

    function row(entry) {
      var paper = entry.paper;
      var li = document.createElement("li");
      li.className = "digest-listing__item";
      var link = element("a", "digest-listing__title", paper[1], "en");
      link.href = entry.url;
      li.appendChild(link);
      li.appendChild(starButton(paper[0]));
      if (paper[2]) li.appendChild(element("span", "digest-listing__title-ja", paper[2], "ja"));
      var meta = document.createElement("span");
      meta.className = "digest-listing__meta";
      var authors = document.createElement("span");
      authors.lang = "en";
      authors.textContent = paper[3];
      meta.appendChild(authors);
      linkAuthors(authors);
      var rest = [paper[0], entry.week ? words.digestWeek.replace("{date}", entry.week) : ""];
      meta.appendChild(document.createTextNode(" · " + rest.filter(Boolean).join(" · ")));
      li.appendChild(meta);
      return li;
    }

    function show() {
      var terms = fold(state.q).split(/\s+/).filter(Boolean);
      var stars = state.starred ? starred() : null;
      FACETS.forEach(function (f) { facetOptions(f, terms, stars); });
      shown = all.filter(function (entry) { return matches(entry, terms, null, stars); });
      if (stars) { // the reading list in the order it was made
        shown.sort(function (a, b) { return stars.indexOf(a.paper[0]) - stars.indexOf(b.paper[0]); });
      }
      var pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
      state.page = Math.min(state.page, pages);
      results.textContent = "";
      var fragment = document.createDocumentFragment();
      shown.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE).forEach(function (entry) {
        fragment.appendChild(row(entry));
      });
      results.appendChild(fragment);
      var none = state.starred && !starred().length ? words.digestStarredNone : words.digestNone;
      status.textContent = shown.length
        ? (shown.length === 1 ? words.digestCountOne : words.digestCount).replace("{n}", shown.length)
        : none;
      pager.hidden = pages < 2;
      pager.querySelector(".digest-explorer__page").textContent =
        words.digestPageOf.replace("{n}", state.page).replace("{total}", pages);
      pager.querySelector("[data-digest-page='-1']").disabled = state.page <= 1;
      pager.querySelector("[data-digest-page='1']").disabled = state.page >= pages;
      bib.hidden = !(state.starred && shown.length);
      writeUrl();
    }

    function bibtex() {
      var file = pageSettings().citations;
      if (!file) return Promise.reject(new Error("no citations"));
      return load(ROOT + file).then(function (entries) {
        return shown.map(function (e) { return entries[e.paper[0]]; }).filter(Boolean).join("\n\n") + "\n";
      });
    }

    input.addEventListener("input", function () { state.q = input.value.trim(); state.page = 1; show(); });
    FACETS.forEach(function (f) {
      selects[f].addEventListener("change", function () { state[f] = selects[f].value; state.page = 1; show(); });
    });
    starredOnly.addEventListener("change", function () { state.starred = starredOnly.checked; state.page = 1; show(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      state = { q: "", topic: "", category: "", month: "", author: "", starred: false, page: 1 };
      setTimeout(show);
    });
    pager.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-digest-page]");
      if (!button) return;
      state.page += parseInt(button.dataset.digestPage, 10);
      show();
      results.scrollIntoView({ block: "start" });
    });
    document.addEventListener("digest:starred", function () { if (all && state.starred) show(); });
    bib.querySelector("[data-digest-bib-download]").addEventListener("click", function () {
      bibtex().then(function (text) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([text], { type: "application/x-bibtex" }));
        link.download = "starred.bib";
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    });
    bib.querySelector("[data-digest-bib-copy]").addEventListener("click", function (event) {
      var button = event.currentTarget;
      bibtex().then(function (text) {
        return navigator.clipboard.writeText(text);
      }).then(function () { copied(button, true); }, function () { copied(button, false); });
    });

    readUrl();
    input.value = state.q;
    starredOnly.checked = state.starred;
    status.textContent = words.digestLoading;
    load(new URL(root.dataset.digestIndex, document.baseURI).href).then(function (index) {
      names = index.names || {};
      all = explorerPapers(index, new URL(root.dataset.digestRoot, document.baseURI).href);
      root.querySelector(".digest-explorer__nojs").hidden = true;
      form.hidden = false;
      show();
    }, function () { status.textContent = words.digestError; });
  }

  function run() {
    document.querySelectorAll("form.digest-filter").forEach(setup);
    document.querySelectorAll("[data-digest-explorer]").forEach(setupExplorer);
    starCards();
    linkAllAuthors();
    if (pageSettings().citations) { // the "Cite" blocks work: show them
      document.querySelectorAll("details.digest-card__cite[hidden]").forEach(function (d) {
        d.hidden = false;
      });
    }
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

  function pageSettings() {
    // The build's settings for this script (formats/head.py, ScriptSettings).
    if (!settings) {
      var element = document.getElementById("digest-settings");
      settings = element ? JSON.parse(element.textContent) : { labels: {} };
    }
    return settings;
  }

  function searchSettings() {
    var s = pageSettings();
    return s.index && s.text ? s : false; // the theme's search box answers papers
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
    if (paper[2]) article.appendChild(element("p", "digest-search__title-ja", paper[2], "ja"));
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
    var labels = pageSettings().labels;
    if (status) status.textContent = (ok ? labels.copied : labels.copy_failed) || "";
  }

  // A card's "Cite" block is filled from the papers' BibTeX (papers-bib.json) when
  // it is first opened: carried by every card, it was a ninth of a digest page.
  function citation(details) {
    var code = details.querySelector("pre code");
    var card = details.closest("[data-arxiv-id]");
    var file = pageSettings().citations;
    if (!code || !card || code.textContent || !file || !ROOT) return Promise.resolve();
    return load(ROOT + file).then(function (entries) {
      code.textContent = entries[card.dataset.arxivId] || "";
    });
  }

  document.addEventListener("toggle", function (event) { // toggle does not bubble
    var details = event.target;
    if (details.open && details.matches && details.matches("details.digest-card__cite")) {
      citation(details).catch(function () {});
    }
  }, true);

  function copy(button) {
    var source = button.parentNode.querySelector("pre");
    if (!source) return;
    if (!source.textContent) { // opened before its BibTeX came: copy once it has
      citation(button.parentNode).then(function () { copy(button); }, function () {
        copied(button, false);
      });
      return;
    }
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
