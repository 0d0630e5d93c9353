/* dangjian: the search page. The build writes the index beside the page (internal/search):
   fold.js, the folding of characters (traditional to simplified, full-width to ASCII, upper to
   lower case) and the ranges of word characters; index-00.js … index-3f.js, the pages holding
   each character and each pair of characters, by a hash of them; pages-000.js …, the pages'
   links, titles, dates and texts, PagesPerFile a file. Each file calls dangjianSearch.add.
   A query is folded and cut the same way; the pages holding all its grams are the candidates,
   and those whose folded text holds each word of the query are the results: title hits first,
   then the newest. Files are loaded with <script> elements, which work from disk, and only
   those a query needs. */
(function () {
  "use strict";

  var form = document.getElementById("search");
  if (!form) {
    return;
  }
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreButton = document.getElementById("search-more");
  var shards = parseInt(form.getAttribute("data-shards"), 10);
  var perFile = parseInt(form.getAttribute("data-pages-per-file"), 10);
  var batch = 20; // results shown at a time
  var snippetBefore = 30;
  var snippetLength = 110;

  // Loading the index's files: each calls add(name, data) when it runs.
  var loaded = {};
  var waiting = {};
  window.dangjianSearch = {
    add: function (name, data) {
      loaded[name] = data;
      var callbacks = waiting[name] || [];
      delete waiting[name];
      for (var i = 0; i < callbacks.length; i++) {
        callbacks[i].done();
      }
    }
  };

  // load loads the files named, then calls done(); or fail(name) if one cannot be loaded.
  function load(names, done, fail) {
    var pending = 0;
    var failed = false;
    var cb = {
      done: function () {
        pending--;
        if (pending === 0 && !failed) {
          done();
        }
      },
      fail: function (name) {
        if (!failed) {
          failed = true;
          fail(name);
        }
      }
    };
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (loaded.hasOwnProperty(name)) {
        continue;
      }
      pending++;
      if (waiting[name]) {
        waiting[name].push(cb);
        continue;
      }
      waiting[name] = [cb];
      var script = document.createElement("script");
      script.src = name + ".js";
      script.onerror = failer(name);
      document.head.appendChild(script);
    }
    if (pending === 0) {
      done();
    }
  }

  function failer(name) {
    return function () {
      var callbacks = waiting[name] || [];
      delete waiting[name];
      for (var i = 0; i < callbacks.length; i++) {
        callbacks[i].fail(name + ".js");
      }
    };
  }

  // Folding, as internal/search does it. Every character folds to one of the same length,
  // so that a position in folded text is the same position in the original.
  var foldMap = null;
  var bmpWords = null;
  var astralWords = [];

  function setUpFolding(data) {
    foldMap = {};
    var cps = codePoints(data.pairs);
    for (var i = 0; i + 1 < cps.length; i += 2) {
      foldMap[cps[i]] = cps[i + 1];
    }
    bmpWords = new Uint8Array(0x10000);
    var ranges = data.words.split(",");
    for (var j = 0; j < ranges.length; j++) {
      var ends = ranges[j].split("-");
      var lo = parseInt(ends[0], 16);
      var hi = ends.length > 1 ? parseInt(ends[1], 16) : lo;
      for (var c = lo; c <= Math.min(hi, 0xffff); c++) {
        bmpWords[c] = 1;
      }
      if (hi > 0xffff) {
        astralWords.push([Math.max(lo, 0x10000), hi]);
      }
    }
  }

  function isWord(cp) {
    if (cp < 0x10000) {
      return bmpWords[cp] === 1;
    }
    for (var i = 0; i < astralWords.length; i++) {
      if (cp >= astralWords[i][0] && cp <= astralWords[i][1]) {
        return true;
      }
    }
    return false;
  }

  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
          i++;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  }

  function fromCodePoint(cp) {
    if (cp < 0x10000) {
      return String.fromCharCode(cp);
    }
    cp -= 0x10000;
    return String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
  }

  function fold(s) {
    var out = [];
    var cps = codePoints(s);
    for (var i = 0; i < cps.length; i++) {
      var to = foldMap[cps[i]];
      out.push(fromCodePoint(to === undefined ? cps[i] : to));
    }
    return out.join("");
  }

  // words returns the folded words of a query: its runs of letters and numbers, each once.
  function words(query) {
    var cps = codePoints(fold(query));
    var out = [];
    var word = "";
    for (var i = 0; i <= cps.length; i++) {
      if (i < cps.length && isWord(cps[i])) {
        word += fromCodePoint(cps[i]);
        continue;
      }
      if (word !== "" && out.indexOf(word) < 0) {
        out.push(word);
      }
      word = "";
    }
    return out;
  }

  // grams returns the grams that a word's pages all hold: the word itself when it is one
  // character, else its pairs of characters.
  function grams(word) {
    var cps = codePoints(word);
    if (cps.length === 1) {
      return [word];
    }
    var out = [];
    for (var i = 0; i + 1 < cps.length; i++) {
      var g = fromCodePoint(cps[i]) + fromCodePoint(cps[i + 1]);
      if (out.indexOf(g) < 0) {
        out.push(g);
      }
    }
    return out;
  }

  function shardOf(gram) {
    var cps = codePoints(gram);
    var h = 0;
    for (var i = 0; i < cps.length; i++) {
      h = (h * 31 + cps[i]) % 1000003;
    }
    return h % shards;
  }

  function indexName(shard) {
    return "index-" + (shard < 16 ? "0" : "") + shard.toString(16);
  }

  function pagesName(file) {
    var s = String(file);
    while (s.length < 3) {
      s = "0" + s;
    }
    return "pages-" + s;
  }

  // postings decodes a gram's list: each number is added to the one before it, and is a page
  // number times two, plus one when the page's title holds the gram.
  function postings(gram) {
    var list = loaded[indexName(shardOf(gram))][gram] || [];
    var out = [];
    var v = 0;
    for (var i = 0; i < list.length; i++) {
      v += list[i];
      out.push(v);
    }
    return out;
  }

  // intersect keeps the pages of a that b holds too; a title bit stays when both have it.
  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      var pa = Math.floor(a[i] / 2);
      var pb = Math.floor(b[j] / 2);
      if (pa < pb) {
        i++;
      } else if (pb < pa) {
        j++;
      } else {
        out.push(pa * 2 + (a[i] % 2) * (b[j] % 2));
        i++;
        j++;
      }
    }
    return out;
  }

  // A search in progress; a newer one makes it stale.
  var current = null;

  function search(query) {
    var s = { query: query, words: words(query), candidates: [], next: 0, titleHits: [], otherHits: [], texts: {} };
    current = s;
    list.innerHTML = "";
    moreButton.hidden = true;
    if (query.replace(/\s+/g, "") === "") {
      say("");
      return;
    }
    if (s.words.length === 0) {
      say(form.getAttribute("data-no-words"));
      return;
    }
    say(form.getAttribute("data-loading"));
    var all = [];
    for (var i = 0; i < s.words.length; i++) {
      all = all.concat(grams(s.words[i]));
    }
    var names = [];
    for (var j = 0; j < all.length; j++) {
      var name = indexName(shardOf(all[j]));
      if (names.indexOf(name) < 0) {
        names.push(name);
      }
    }
    load(names, function () {
      if (current !== s) {
        return;
      }
      var found = postings(all[0]);
      for (var k = 1; k < all.length; k++) {
        found = intersect(found, postings(all[k]));
      }
      // Pages whose title may hold the query come first, then the rest, newest first.
      var inTitle = [];
      var rest = [];
      for (var m = 0; m < found.length; m++) {
        (found[m] % 2 === 1 ? inTitle : rest).push(Math.floor(found[m] / 2));
      }
      s.candidates = inTitle.concat(rest);
      more(s);
    }, failed);
  }

  // more checks candidates until batch more results are found or none is left, loading
  // their files a few at a time, and shows the results.
  function more(s) {
    var goal = s.titleHits.length + s.otherHits.length + batch;
    var step = function () {
      if (current !== s) {
        return;
      }
      if (s.next >= s.candidates.length || s.titleHits.length + s.otherHits.length >= goal) {
        show(s);
        return;
      }
      var chunk = s.candidates.slice(s.next, s.next + batch);
      var names = [];
      for (var i = 0; i < chunk.length; i++) {
        var name = pagesName(Math.floor(chunk[i] / perFile));
        if (names.indexOf(name) < 0) {
          names.push(name);
        }
      }
      load(names, function () {
        if (current !== s) {
          return;
        }
        for (var j = 0; j < chunk.length; j++) {
          check(s, chunk[j]);
        }
        s.next += chunk.length;
        step();
      }, failed);
    };
    say(form.getAttribute("data-loading"));
    step();
  }

  // check keeps page n when its folded title, summary and text hold every word of the query.
  function check(s, n) {
    var entry = loaded[pagesName(Math.floor(n / perFile))][n % perFile];
    var page = { n: n, url: entry[0], title: entry[1], date: entry[2], summary: entry[3], text: entry[4] };
    var title = fold(page.title);
    var all = title + "\n" + fold(page.summary) + "\n" + fold(page.text);
    var inTitle = true;
    for (var i = 0; i < s.words.length; i++) {
      if (all.indexOf(s.words[i]) < 0) {
        return;
      }
      inTitle = inTitle && title.indexOf(s.words[i]) >= 0;
    }
    page.folded = all;
    (inTitle ? s.titleHits : s.otherHits).push(page);
  }

  function byNumber(a, b) {
    return a.n - b.n;
  }

  function show(s) {
    s.titleHits.sort(byNumber);
    s.otherHits.sort(byNumber);
    var results = s.titleHits.concat(s.otherHits);
    list.innerHTML = "";
    for (var i = 0; i < results.length; i++) {
      list.appendChild(item(s, results[i]));
    }
    var left = s.next < s.candidates.length;
    moreButton.hidden = !left;
    if (results.length === 0 && !left) {
      say(form.getAttribute("data-none").replace("%s", s.query));
    } else {
      say(form.getAttribute(left ? "data-found-yet" : "data-found").replace("%d", results.length));
    }
  }

  function item(s, page) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = page.url;
    highlight(a, page.title, fold(page.title), s.words);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    var time = document.createElement("time");
    time.setAttribute("datetime", page.date);
    var ymd = page.date.split("-");
    time.textContent = parseInt(ymd[0], 10) + "年" + parseInt(ymd[1], 10) + "月" + parseInt(ymd[2], 10) + "日";
    meta.appendChild(time);
    li.appendChild(meta);
    var p = document.createElement("p");
    var snip = snippet(s, page);
    highlight(p, snip.text, snip.folded, s.words);
    li.appendChild(p);
    return li;
  }

  // snippet returns the part of the page's text around the first match of the query, or its
  // summary when the text holds no match.
  function snippet(s, page) {
    var textStart = page.title.length + page.summary.length + 2;
    var folded = page.folded.slice(textStart);
    var at = -1;
    for (var i = 0; i < s.words.length && at < 0; i++) {
      at = folded.indexOf(s.words[i]);
    }
    if (at < 0 && page.summary !== "") {
      return { text: page.summary, folded: page.folded.slice(page.title.length + 1, textStart - 1) };
    }
    var from = Math.max(0, at - snippetBefore);
    var to = Math.min(page.text.length, from + snippetLength);
    // Never cut a character made of two UTF-16 units in half.
    if (from > 0 && isLowSurrogate(page.text.charCodeAt(from))) {
      from--;
    }
    if (to < page.text.length && isLowSurrogate(page.text.charCodeAt(to))) {
      to++;
    }
    return {
      text: (from > 0 ? "…" : "") + page.text.slice(from, to) + (to < page.text.length ? "…" : ""),
      folded: (from > 0 ? "…" : "") + folded.slice(from, to) + (to < page.text.length ? "…" : "")
    };
  }

  function isLowSurrogate(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }

  // highlight writes text into el with every match of the words, found in its folded form,
  // marked.
  function highlight(el, text, folded, ws) {
    var marked = [];
    for (var i = 0; i < ws.length; i++) {
      for (var at = folded.indexOf(ws[i]); at >= 0; at = folded.indexOf(ws[i], at + ws[i].length)) {
        marked.push([at, at + ws[i].length]);
      }
    }
    marked.sort(function (a, b) {
      return a[0] - b[0];
    });
    var pos = 0;
    for (var j = 0; j < marked.length; j++) {
      var from = Math.max(marked[j][0], pos);
      if (from >= marked[j][1]) {
        continue;
      }
      if (from > pos) {
        el.appendChild(document.createTextNode(text.slice(pos, from)));
      }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, marked[j][1]);
      el.appendChild(mark);
      pos = marked[j][1];
    }
    if (pos < text.length) {
      el.appendChild(document.createTextNode(text.slice(pos)));
    }
  }

  function say(message) {
    status.textContent = message;
  }

  function failed(name) {
    current = null;
    say(form.getAttribute("data-failed").replace("%s", name));
  }

  // The query of the address (search/index.html?q=…), as the site's header form sends it.
  function queryOfAddress() {
    var params = window.location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < params.length; i++) {
      var kv = params[i].split("=");
      if (kv[0] === "q" && kv.length > 1) {
        try {
          return decodeURIComponent(kv[1].replace(/\+/g, " "));
        } catch (e) {
          return "";
        }
      }
    }
    return "";
  }

  var timer = null;
  function searchInput() {
    var query = input.value;
    if (current && current.query === query) {
      return;
    }
    search(query);
    try {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from disk.
    }
  }

  load(["fold"], function () {
    setUpFolding(loaded.fold);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      window.clearTimeout(timer);
      searchInput();
    });
    // While an input method composes a character, the box holds its pinyin: wait for it.
    var later = function (e) {
      window.clearTimeout(timer);
      if (!e.isComposing) {
        timer = window.setTimeout(searchInput, 250);
      }
    };
    input.addEventListener("input", later);
    input.addEventListener("compositionend", later);
    moreButton.addEventListener("click", function () {
      if (current) {
        more(current);
      }
    });
    var query = queryOfAddress();
    if (query !== "") {
      input.value = query;
      search(query);
    }
  }, failed);
})();
