// The search page: asks Pagefind's index of the page's language (the
// index's JavaScript API, loaded from pagefind/ relative to this page, so a
// site in a sub-folder works) and shows the results. Without JavaScript, or
// from file:// (where browsers refuse to load the index), the page keeps its
// A–Z list of pages. No inline script or style: it runs under a strict
// Content-Security-Policy that allows 'wasm-unsafe-eval' (Pagefind's
// WebAssembly).

const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const fallback = document.getElementById("search-fallback");
const pageSize = 20;

let pagefind = null;
let latest = 0;
let shown = [];

// "N results": the UI strings hold [COUNT] where the number goes.
function countText(count) {
  const key = count === 0 ? "none" : count === 1 ? "one" : "many";
  return status.dataset[key].replace("[COUNT]", String(count));
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
  return item;
}

async function showMore(results, search) {
  const next = results.slice(shown.length, shown.length + pageSize);
  const data = await Promise.all(next.map((result) => result.data()));
  if (search !== latest) return;
  for (const entry of data) list.append(resultItem(entry));
  shown = shown.concat(next);
  const more = document.getElementById("search-more");
  if (more) more.remove();
  if (shown.length < results.length) {
    const item = document.createElement("li");
    item.className = "search-more";
    const button = document.createElement("button");
    button.type = "button";
    button.id = "search-more";
    button.textContent = form.dataset.more;
    button.addEventListener("click", () => {
      const first = shown.length;
      showMore(results, search).then(() => {
        const links = list.querySelectorAll("a");
        if (links[first]) links[first].focus();
      });
    });
    item.append(button);
    list.append(item);
  }
}

async function run(query) {
  const search = ++latest;
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query.trim()) {
    list.replaceChildren();
    list.hidden = true;
    fallback.hidden = false;
    status.textContent = "";
    return;
  }
  const response = await pagefind.search(query);
  if (search !== latest) return;
  list.replaceChildren();
  shown = [];
  await showMore(response.results, search);
  if (search !== latest) return;
  list.hidden = response.results.length === 0;
  fallback.hidden = response.results.length > 0;
  status.textContent = countText(response.results.length);
}

// Arrow keys move between the field and the results; Tab and Enter work as
// everywhere else.
function onKey(event) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = Array.from(list.querySelectorAll("a, button"));
  if (list.hidden || links.length === 0) return;
  const position = links.indexOf(document.activeElement);
  let target = null;
  if (event.key === "ArrowDown") target = position < 0 ? links[0] : links[Math.min(position + 1, links.length - 1)];
  else target = position <= 0 ? input : links[position - 1];
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

async function start() {
  const query = new URL(location.href).searchParams.get("q") || "";
  input.value = query;
  const bundle = new URL(form.dataset.pagefind, document.baseURI);
  try {
    status.textContent = query ? status.dataset.loading : "";
    // A Content-Security-Policy without 'wasm-unsafe-eval' refuses
    // WebAssembly, and Pagefind would then wait forever: an empty module
    // tells at once.
    await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    pagefind = await import(bundle.href);
    // Result URLs are from the site's root: the folder holding pagefind/.
    // No web worker: it would cost a first query 40 KB more (its script)
    // to keep a search of a few milliseconds off the main thread.
    await pagefind.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24, noWorker: true });
    await pagefind.init();
  } catch (error) {
    status.textContent = status.dataset.unavailable;
    return;
  }
  document.getElementById("search-needs-script").hidden = true;
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  document.addEventListener("keydown", onKey);
  if (query) await run(query);
}

start();
