// Reading aids, as progressive enhancement (without JavaScript the page and
// its "On this page" list work as they are):
// - a link on each heading of the text, shown on hover and focus, named
//   "Link to this section: <heading>" (data-heading-link on this tag);
// - "On this page" open while it stands in its own column (wide screens),
//   with the section being read marked (aria-current) as the reader scrolls;
// - search in place: the header's field, "/" and Ctrl+K (or Command+K) open
//   a dialog of results; its script (search.js) is loaded only then, and
//   when search cannot run here the form goes to the search page as
//   without JavaScript;
// - the words a search found marked on the page it led to (?highlight=).
(function () {
  "use strict";
  var script = document.currentScript;
  var label = (script && script.getAttribute("data-heading-link")) || "Link to this section";

  function addHeadingLinks() {
    var headings = document.querySelectorAll(".content :is(h2, h3, h4)[id]");
    Array.prototype.forEach.call(headings, function (heading) {
      var link = document.createElement("a");
      link.className = "heading-link";
      link.href = "#" + encodeURIComponent(heading.id);
      link.setAttribute("aria-label", label + ": " + heading.textContent);
      link.textContent = "#";
      heading.appendChild(link);
    });
  }

  // The link of the section whose heading was passed last, scrolling down.
  function spy(toc) {
    var links = {};
    var headings = [];
    Array.prototype.forEach.call(toc.querySelectorAll("a[href^='#']"), function (link) {
      var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (heading) { links[heading.id] = link; headings.push(heading); }
    });
    if (headings.length === 0 || !("IntersectionObserver" in window)) { return; }
    var current = null;
    function update() {
      // A heading counts as passed once it is in the top tenth of the
      // window; at the end of the page, the last section is the one read.
      var line = window.innerHeight / 10;
      var reached = headings[0];
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= line) { reached = headings[i]; } else { break; }
      }
      var root = document.documentElement;
      if (window.innerHeight + window.scrollY >= root.scrollHeight - 2) { reached = headings[headings.length - 1]; }
      var link = links[reached.id];
      if (link === current) { return; }
      if (current) { current.removeAttribute("aria-current"); }
      link.setAttribute("aria-current", "location");
      current = link;
    }
    // The observer says when a heading crosses the line; update() then reads
    // where each heading is (no work while scrolling through a section).
    var observer = new IntersectionObserver(update, { rootMargin: "0px 0px -90% 0px" });
    headings.forEach(function (heading) { observer.observe(heading); });
    var end = document.querySelector(".site-footer") || document.body.lastElementChild;
    if (end) { new IntersectionObserver(update).observe(end); }
    update();
  }

  function openInColumn(toc) {
    var details = toc.querySelector("details");
    var wide = window.matchMedia("(min-width: 75rem)");
    if (!details) { return; }
    function follow() { if (wide.matches) { details.open = true; } }
    follow();
    wide.addEventListener("change", follow);
  }

  function searchInPlace() {
    var form = document.querySelector("form.header-search[data-script]");
    if (!form) { return; }
    var field = form.querySelector("input");
    var link = document.querySelector("a.header-search-link");
    function open(source) {
      import(new URL(form.getAttribute("data-script"), document.baseURI).href)
        .then(function (search) { return search.openDialog(form, source); })
        .catch(function () { form.submit(); });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); open(field); });
    field.addEventListener("input", function () { open(field); });
    if (link) { link.addEventListener("click", function (event) { event.preventDefault(); open(null); }); }
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      var slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      var k = (event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey) && !event.altKey;
      if ((slash || k) && !document.querySelector("dialog.search-dialog[open]")) {
        event.preventDefault();
        open(null);
      }
    });
  }

  function markFound() {
    var words = [];
    new URLSearchParams(location.search).getAll("highlight").forEach(function (value) {
      value.split(/\s+/).forEach(function (word) { if (word.length > 1) { words.push(word); } });
    });
    var content = document.querySelector(".content");
    if (words.length === 0 || !content) { return; }
    var pattern = new RegExp("(" + words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var parts = node.nodeValue.split(pattern);
      if (parts.length < 2) { return; }
      var fragment = document.createDocumentFragment();
      parts.forEach(function (part, index) {
        if (index % 2 === 1) {
          var mark = document.createElement("mark");
          mark.className = "search-found";
          mark.textContent = part;
          fragment.appendChild(mark);
        } else if (part) {
          fragment.appendChild(document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  function start() {
    addHeadingLinks();
    searchInPlace();
    markFound();
    var toc = document.querySelector("nav.toc");
    if (toc) {
      openInColumn(toc);
      spy(toc);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
