// The colour scheme the reader chose: automatic (the system's, as without
// JavaScript), light or dark, remembered in localStorage. Loaded without
// defer in <head>, before the stylesheet, so the scheme is set on <html>
// (data-scheme) before the first paint: no flash of the other scheme. The
// chooser, a labelled <select> in the header, is added once the page is read;
// its texts come from the page's language (data-* on this script's tag).
// The same goes for the site's banner: one the reader dismissed (its text
// is remembered) is hidden before the first paint (data-banner-hidden).
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;
  var key = "sitegen-scheme";
  var schemes = ["auto", "light", "dark"];

  function stored() {
    try { return localStorage.getItem(key) || "auto"; } catch (error) { return "auto"; }
  }
  function apply(scheme) {
    if (scheme === "light" || scheme === "dark") {
      root.setAttribute("data-scheme", scheme);
    } else {
      root.removeAttribute("data-scheme");
    }
  }
  apply(stored());
  var bannerKey = "sitegen-banner";
  var banner = script && script.getAttribute("data-banner");
  function dismissed() {
    try { return localStorage.getItem(bannerKey) === banner; } catch (error) { return false; }
  }
  if (banner && dismissed()) { root.setAttribute("data-banner-hidden", ""); }

  // A button to dismiss the banner, and remember that.
  function dismissButton() {
    var aside = document.querySelector("aside.banner");
    if (!aside || !banner) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "banner-dismiss";
    button.textContent = aside.getAttribute("data-dismiss") || "Dismiss";
    button.addEventListener("click", function () {
      try { localStorage.setItem(bannerKey, banner); } catch (error) { /* for this page only */ }
      root.setAttribute("data-banner-hidden", "");
      var main = document.getElementById("main");
      if (main) { main.focus(); }
    });
    aside.appendChild(button);
  }

  function start() {
    dismissButton();
    var header = document.querySelector(".site-header-inner");
    if (!header || !script) { return; }
    var wrap = document.createElement("div");
    wrap.className = "scheme-switch";
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = "scheme-select";
    label.textContent = script.getAttribute("data-label") || "Colour scheme";
    var select = document.createElement("select");
    select.id = "scheme-select";
    schemes.forEach(function (scheme) {
      var option = document.createElement("option");
      option.value = scheme;
      option.textContent = script.getAttribute("data-" + scheme) || scheme;
      select.appendChild(option);
    });
    select.value = stored();
    select.addEventListener("change", function () {
      try {
        if (select.value === "auto") { localStorage.removeItem(key); } else { localStorage.setItem(key, select.value); }
      } catch (error) { /* private mode: the choice lasts for this page */ }
      apply(select.value);
    });
    // Chosen in another tab of the site.
    window.addEventListener("storage", function (event) {
      if (event.key === key || event.key === null) { select.value = stored(); apply(select.value); }
    });
    wrap.appendChild(label);
    wrap.appendChild(select);
    header.appendChild(wrap);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
