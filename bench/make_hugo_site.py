#!/usr/bin/env python3
"""Turn a corpus made by generate_corpus.py into the same site for Hugo.

usage: make_hugo_site.py CORPUS_DIR HUGO_DIR [--theme shipped|minimal] [--highlight]

Same Markdown files (a folder's index.md becomes Hugo's _index.md), the same
two languages paired by path, and an equivalent layout: title, description,
navigation (the sections; not with --theme minimal, whose sitegen theme
shows none), language links, table of contents, content.
Links to .md files go through a render hook (relref), as sitegen rewrites
them. Code highlighting is off (codeFences = false) unless --highlight:
then Hugo's Chroma writes classes (noClasses = false), as sitegen does, not
inline styles.
"""
import os
import shutil
import sys

CONFIG = """baseURL = "/"
defaultContentLanguage = "nl"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.highlight]
  codeFences = false
[languages.nl]
  contentDir = "content/nl"
  languageName = "Nederlands"
  title = "Benchmark"
  weight = 1
[languages.en]
  contentDir = "content/en"
  languageName = "English"
  title = "Benchmark"
  weight = 2
"""

PAGE = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
</head>
<body>
<a href="#main">Skip to content</a>
<nav class="languages"><ul>
{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}</ul></nav>
MENU<main id="main">
<h1>{{ .Title }}</h1>
{{ .TableOfContents }}
{{ .Content }}
</main>
</body>
</html>
"""

RENDER_LINK = """{{- $dest := .Destination -}}
{{- if and (not (strings.HasPrefix $dest "http")) (strings.Contains $dest ".md") -}}
<a href="{{ relref .Page $dest }}">{{ .Text | safeHTML }}</a>
{{- else -}}
<a href="{{ $dest | safeURL }}">{{ .Text | safeHTML }}</a>
{{- end -}}
"""


MENU = """<nav class="menu"><ul>
<li><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Home.Title }}</a></li>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
"""


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    minimal = "minimal" in sys.argv[3:]
    highlight = "--highlight" in sys.argv[3:]
    shutil.rmtree(out, ignore_errors=True)
    for lang in ("nl", "en"):
        source = os.path.join(corpus, "content", lang)
        for folder, _, files in os.walk(source):
            target = os.path.join(out, "content", lang, os.path.relpath(folder, source))
            os.makedirs(target, exist_ok=True)
            for name in files:
                if not name.endswith(".md"):
                    continue
                shutil.copy(os.path.join(folder, name), os.path.join(target, "_index.md" if name == "index.md" else name))
    layouts = os.path.join(out, "layouts", "_default")
    os.makedirs(os.path.join(layouts, "_markup"))
    for name in ("single.html", "list.html"):
        with open(os.path.join(layouts, name), "w", encoding="utf-8") as file:
            file.write(PAGE.replace("MENU", "" if minimal else MENU))
    with open(os.path.join(layouts, "_markup", "render-link.html"), "w", encoding="utf-8") as file:
        file.write(RENDER_LINK)
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as file:
        file.write(CONFIG.replace("codeFences = false", "codeFences = true\n  noClasses = false") if highlight else CONFIG)


if __name__ == "__main__":
    main()
