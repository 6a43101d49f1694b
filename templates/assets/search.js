// Search, on the search page and in a dialog opened from the header on
// every other page: asks Pagefind's index of the page's language (the
// index's JavaScript API, loaded from pagefind/ relative to the page, so a
// site in a sub-folder works) and shows the results, each with up to three
// links to the matching sections; a result's address carries the query
// (?highlight=), and reading-aids.js marks the words found on the page one
// lands on. Without JavaScript, or from file:// (where browsers refuse to
// load the index), the header's form leads to the search page, which keeps
// its A–Z list of pages. This module is loaded by the search page, and by
// reading-aids.js only when a reader opens the dialog. No inline script or
// style: it runs under a strict Content-Security-Policy that allows
// 'wasm-unsafe-eval' (Pagefind's WebAssembly).

const pageSize = 20;
const subResults = 3;
let engine = null;

// Pagefind, once per page; throws when it cannot run here.
function loadEngine(bundlePath) {
  if (!engine) {
    engine = (async () => {
      const bundle = new URL(bundlePath, document.baseURI);
      // A Content-Security-Policy without 'wasm-unsafe-eval' refuses
      // WebAssembly, and Pagefind would then wait forever: an empty module
      // tells at once.
      await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      const pagefind = await import(bundle.href);
      // Result URLs are from the site's root: the folder holding pagefind/.
      // No web worker: it would cost a first query 40 KB more (its script)
      // to keep a search of a few milliseconds off the main thread.
      await pagefind.options({
        baseUrl: new URL("..", bundle).pathname, excerptLength: 24, noWorker: true, highlightParam: "highlight",
      });
      await pagefind.init();
      return pagefind;
    })();
    engine.catch(() => { engine = null; });
  }
  return engine;
}

// Pagefind's excerpt is HTML whose only elements are <mark>: rebuilt from
// text and <mark> alone, so nothing else from the index reaches the page.
function excerptNodes(html) {
  const holder = document.createElement("template");
  holder.innerHTML = html;
  const nodes = [];
  for (const node of holder.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "search-result-title";
  link.textContent = (data.meta && data.meta.title) || data.url;
  item.append(link);
  if (data.meta && data.meta.section) {
    const section = document.createElement("p");
    section.className = "search-result-section";
    section.textContent = data.meta.section;
    item.append(section);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(excerpt);
  // The sections that match, each a link to its heading.
  const sections = (data.sub_results || []).filter((sub) => sub.anchor && sub.url !== data.url).slice(0, subResults);
  if (sections.length > 0) {
    const list = document.createElement("ul");
    list.className = "search-sub-results";
    for (const sub of sections) {
      const entry = document.createElement("li");
      const subLink = document.createElement("a");
      subLink.href = sub.url;
      subLink.textContent = sub.title;
      const subExcerpt = document.createElement("p");
      subExcerpt.append(...excerptNodes(sub.excerpt || ""));
      entry.append(subLink, subExcerpt);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

// A search form and its status line and result list: the search page's, or
// the dialog's. texts: the status line's data-* (none, one, many, loading,
// unavailable, more).
class SearchView {
  constructor({ input, status, list, texts, onQuery }) {
    Object.assign(this, { input, status, list, texts, onQuery });
    this.latest = 0;
    this.shown = [];
    let timer = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.run(input.value), 150);
    });
    input.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      this.run(input.value);
    });
    input.form.addEventListener("keydown", (event) => this.onKey(event));
    list.addEventListener("keydown", (event) => this.onKey(event));
  }

  // "N results": the UI strings hold [COUNT] where the number goes. A
  // language with plural forms (Polish 2-4 and 5-21, Arabic 2, 3-10,
  // 11-99...) gives them as data-plural-few and so on, picked by the page
  // language's CLDR rules; the general form stands in for the rest.
  countText(count) {
    const key = count === 0 ? "none" : count === 1 ? "one" : "many";
    let text = this.texts[key];
    if (key === "many") {
      const category = new Intl.PluralRules(document.documentElement.lang).select(count);
      text = this.texts["plural" + category[0].toUpperCase() + category.slice(1)] || text;
    }
    return text.replace("[COUNT]", String(count));
  }

  async run(query) {
    const search = ++this.latest;
    if (this.onQuery) this.onQuery(query);
    if (!query.trim()) {
      this.list.replaceChildren();
      this.list.hidden = true;
      this.status.textContent = "";
      return 0;
    }
    const response = await (await engine).search(query);
    if (search !== this.latest) return -1;
    this.list.replaceChildren();
    this.shown = [];
    await this.showMore(response.results, search);
    if (search !== this.latest) return -1;
    this.list.hidden = response.results.length === 0;
    this.status.textContent = this.countText(response.results.length);
    return response.results.length;
  }

  async showMore(results, search) {
    const next = results.slice(this.shown.length, this.shown.length + pageSize);
    const data = await Promise.all(next.map((result) => result.data()));
    if (search !== this.latest) return;
    for (const entry of data) this.list.append(resultItem(entry));
    this.shown = this.shown.concat(next);
    const old = this.list.querySelector(".search-more");
    if (old) old.remove();
    if (this.shown.length < results.length) {
      const item = document.createElement("li");
      item.className = "search-more";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = this.texts.more;
      button.addEventListener("click", () => {
        const first = this.list.querySelectorAll(":scope > li > a").length;
        this.showMore(results, search).then(() => {
          const links = this.list.querySelectorAll(":scope > li > a");
          if (links[first]) links[first].focus();
        });
      });
      item.append(button);
      this.list.append(item);
    }
  }

  // Arrow keys move between the field and the results; Tab and Enter work as
  // everywhere else.
  onKey(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = Array.from(this.list.querySelectorAll("a, button"));
    if (this.list.hidden || links.length === 0) return;
    const position = links.indexOf(document.activeElement);
    if (position < 0 && document.activeElement !== this.input) return;
    let target = null;
    if (event.key === "ArrowDown") target = position < 0 ? links[0] : links[Math.min(position + 1, links.length - 1)];
    else target = position <= 0 ? this.input : links[position - 1];
    event.preventDefault();
    target.focus();
  }
}

// The search page.
async function startPage(form) {
  const input = document.getElementById("search-query");
  const status = document.getElementById("search-status");
  const fallback = document.getElementById("search-fallback");
  const query = new URL(location.href).searchParams.get("q") || "";
  input.value = query;
  try {
    status.textContent = query ? status.dataset.loading : "";
    await loadEngine(form.dataset.pagefind);
  } catch (error) {
    status.textContent = status.dataset.unavailable;
    return;
  }
  document.getElementById("search-needs-script").hidden = true;
  const view = new SearchView({
    input, status, list: document.getElementById("search-results"), texts: { ...status.dataset, more: form.dataset.more },
    // The query stays in the address and in the language switcher's links,
    // so switching language searches the other language for it.
    onQuery: (value) => {
      for (const link of [location, ...document.querySelectorAll("nav.language-switcher a[href]")]) {
        const url = new URL(link.href);
        if (value) url.searchParams.set("q", value); else url.searchParams.delete("q");
        if (link === location) history.replaceState(null, "", url); else link.href = url.href;
      }
    },
  });
  const run = view.run.bind(view);
  view.run = async (value) => {
    const count = await run(value);
    if (count >= 0) fallback.hidden = count > 0;
    return count;
  };
  if (query) await view.run(query);
}

// The dialog, made once, from the header form's data-* texts.
let dialog = null;
let dialogView = null;

function makeDialog(form) {
  const texts = form.dataset;
  dialog = document.createElement("dialog");
  dialog.className = "search-dialog";
  dialog.setAttribute("aria-labelledby", "search-dialog-label");
  const dialogForm = document.createElement("form");
  dialogForm.setAttribute("role", "search");
  const label = document.createElement("label");
  label.id = "search-dialog-label";
  label.htmlFor = "search-dialog-query";
  label.textContent = texts.label;
  const row = document.createElement("div");
  row.className = "search-row";
  const input = document.createElement("input");
  input.type = "search";
  input.id = "search-dialog-query";
  input.autocomplete = "off";
  input.setAttribute("aria-controls", "search-dialog-results");
  const close = document.createElement("button");
  close.type = "button";
  close.className = "search-close";
  close.textContent = texts.close;
  close.addEventListener("click", () => dialog.close());
  row.append(input, close);
  dialogForm.append(label, row);
  const status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const list = document.createElement("ol");
  list.id = "search-dialog-results";
  list.className = "search-results";
  list.setAttribute("aria-label", texts.results);
  list.hidden = true;
  dialog.append(dialogForm, status, list);
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  document.body.append(dialog);
  dialogView = new SearchView({ input, status, list, texts });
}

// Opens the dialog with what the reader typed in source (the header's
// field; null: nothing); the header form's own submit (to the search page)
// when search cannot run here. A modal dialog keeps the focus in it, Escape
// closes it, and the focus then returns where it was.
export async function openDialog(form, source) {
  try {
    await loadEngine(form.dataset.pagefind);
  } catch (error) {
    form.submit();
    return;
  }
  if (!dialog) makeDialog(form);
  const input = dialog.querySelector("input");
  if (dialog.open) return;
  const query = source ? source.value : "";
  dialog.showModal();
  input.value = query;
  input.focus();
  // The results always answer what the field holds: none for an empty one.
  await dialogView.run(query);
}

const page = document.querySelector(".search-page .search-form");
if (page) startPage(page);
