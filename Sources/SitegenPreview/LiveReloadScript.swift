/// The one small script `sitegen serve` adds to every HTML page it serves
/// (never to a built site). It long-polls the server for the next build and
/// reloads the page when that build changed it; while a build has errors, it
/// shows them in an overlay, which the next good build clears.
enum LiveReloadScript {
    static let waitPath = "/__sitegen/wait"

    static let javascript = """
        (function () {
          "use strict";
          var version = null;
          function overlay(message) {
            var box = document.getElementById("sitegen-error");
            if (message === null) { if (box) { box.remove(); } return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "sitegen-error";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
                "background:#1b1f24;color:#ffd7d5;font:14px/1.5 ui-monospace,monospace;" +
                "padding:1rem 1.25rem;border-top:4px solid #ff6b5f;z-index:2147483647;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "sitegen: the last build failed; this page shows the last good build.\\n\\n" + message;
          }
          function poll() {
            var url = "\(waitPath)?page=" + encodeURIComponent(location.pathname) +
              (version === null ? "" : "&since=" + version);
            fetch(url, { cache: "no-store" }).then(function (response) {
              return response.json();
            }).then(function (event) {
              if (version !== null && event.reload) { location.reload(); return; }
              overlay(event.error);
              version = event.version;
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();

        """
}
