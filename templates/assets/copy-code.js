// A "Copy" button on every code block, as progressive enhancement: without
// JavaScript or the Clipboard API, no button shows. The labels come from the
// page's language (data-copy and data-copied on this script's tag); a status
// region tells screen readers the code was copied. Console blocks copy their
// commands without prompts or output.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.clipboard || !navigator.clipboard.writeText) { return; }
  var label = script.getAttribute("data-copy") || "Copy";
  var copied = script.getAttribute("data-copied") || "Copied";

  function textOf(code) {
    if (code.classList.contains("console")) {
      return Array.prototype.map.call(code.querySelectorAll(".cmd"), function (command) {
        return command.textContent;
      }).join("\n");
    }
    return code.textContent.replace(/\n$/, "");
  }

  function start() {
    var blocks = document.querySelectorAll("main pre > code");
    if (blocks.length === 0) { return; }
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    Array.prototype.forEach.call(blocks, function (code) {
      var pre = code.parentNode;
      var wrap = document.createElement("div");
      wrap.className = "code-copy-wrap";
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "code-copy";
      button.textContent = label;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(textOf(code)).then(function () {
          // Emptied first, so a second copy is announced again.
          status.textContent = "";
          window.setTimeout(function () { status.textContent = copied; }, 50);
          // Seen too: the button says so for two seconds.
          button.textContent = copied;
          button.classList.add("copied");
          window.clearTimeout(button.reset);
          button.reset = window.setTimeout(function () {
            button.textContent = label;
            button.classList.remove("copied");
          }, 2000);
        });
      });
      wrap.appendChild(button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
