// Content tabs (the markup of TabsHTML), as progressive enhancement: without
// JavaScript every tab is a labelled section, one after another. Here each
// group becomes the WAI-ARIA tabs pattern: a tablist of buttons made from
// the labels (arrow keys, Home and End move between them, one tab stop per
// group), panels with role tabpanel, the others hidden. A label the reader
// chooses ("Python") is chosen in every group that has it, on this page and,
// remembered in localStorage, on the pages after it (like Material's linked
// tabs). No inline script or style: it works under a strict CSP.
(function () {
  "use strict";
  var storageKey = "sitegen.tabs";
  var groups = [];

  function remembered() {
    try {
      var list = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }

  function remember(label) {
    try {
      var list = remembered().filter(function (item) { return item !== label; });
      list.unshift(label);
      window.localStorage.setItem(storageKey, JSON.stringify(list.slice(0, 20)));
    } catch (error) {
      // Storage off or full: the choice holds on this page only.
    }
  }

  function childrenWithClass(element, name) {
    return Array.prototype.filter.call(element.children, function (child) {
      return child.classList.contains(name);
    });
  }

  function enhance(element) {
    var panels = childrenWithClass(element, "tab-panel");
    if (panels.length === 0) { return null; }
    var list = document.createElement("div");
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    // The tab shown first: the author's (`===+`, data-selected), else the first.
    var group = { element: element, panels: panels, tabs: [], labels: [], first: 0 };
    panels.forEach(function (panel, index) {
      if (panel.hasAttribute("data-selected")) { group.first = index; }
      var label = childrenWithClass(panel, "tab-label")[0];
      var tab = document.createElement("button");
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.id = panel.id + "-tab";
      tab.setAttribute("aria-controls", panel.id);
      if (label) {
        Array.prototype.forEach.call(label.childNodes, function (node) { tab.appendChild(node.cloneNode(true)); });
        label.hidden = true;
      }
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      tab.addEventListener("click", function () { choose(group, index, false); });
      tab.addEventListener("keydown", function (event) { onKey(group, index, event); });
      list.appendChild(tab);
      group.tabs.push(tab);
      group.labels.push(tab.textContent.trim());
    });
    element.insertBefore(list, element.firstChild);
    element.classList.add("tabs-enhanced");
    return group;
  }

  function select(group, index) {
    group.tabs.forEach(function (tab, position) {
      var selected = position === index;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.tabIndex = selected ? 0 : -1;
      group.panels[position].hidden = !selected;
    });
  }

  // The reader's choice: this group, then every group with the same label.
  function choose(group, index, focus) {
    var label = group.labels[index];
    select(group, index);
    if (focus) { group.tabs[index].focus(); }
    groups.forEach(function (other) {
      var position = other.labels.indexOf(label);
      if (other !== group && position >= 0) { select(other, position); }
    });
    remember(label);
  }

  function onKey(group, index, event) {
    var count = group.tabs.length;
    var next;
    switch (event.key) {
      case "ArrowRight": next = (index + 1) % count; break;
      case "ArrowLeft": next = (index - 1 + count) % count; break;
      case "Home": next = 0; break;
      case "End": next = count - 1; break;
      default: return;
    }
    event.preventDefault();
    choose(group, next, true);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("main .tabs"), function (element) {
      var group = enhance(element);
      if (group) { groups.push(group); }
    });
    var choices = remembered();
    groups.forEach(function (group) {
      var index = group.first;
      for (var i = 0; i < choices.length; i += 1) {
        var position = group.labels.indexOf(choices[i]);
        if (position >= 0) { index = position; break; }
      }
      select(group, index);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
