#!/usr/bin/env python3
"""Generate a realistic bilingual sitegen corpus for benchmarks.

usage: generate_corpus.py N OUT_DIR [--shape sections|flat|deep|deep7] [--theme shipped|minimal]
                          [--languages 2..6] [--highlight | --code-heavy | --link-heavy]

Writes OUT_DIR/sitegen.yml, OUT_DIR/content/{nl,en}/index.md and N - 1 more
pages per language (--languages 6: German, French, Arabic, written right to
left, and Japanese, without spaces between words, besides), about 3 KB each
(front matter, headings, lists, links to other pages of the corpus with
anchors, emphasis, code blocks, a table in every tenth page), in one of four
shapes:

  sections  sNN/page-XXXXX.md: folders of 100 pages, each with an index.md
  flat      page-XXXXX.md: every page in the language folder itself
  deep      a tree five folders deep, 5 to 20 children per folder, each
            folder with an index.md
  deep7     a tree seven folders deep, about twelve pages a folder, pages
            in every folder at every level

and the templates: the shipped theme, or a minimal theme (title,
description, language links, table of contents, content: no navigation)
that make_hugo_site.py matches page for page. --highlight gives each page a
console session and one block in a language; --code-heavy gives each page
five blocks of 5 to 30 lines instead, in eight languages (issue 26's
code-heavy shape). --link-heavy writes issue 30's link-heavy pages instead:
front matter of five keys, about 15 links to other pages (some with an
anchor), headings, lists and one code block without a language. Deterministic: the same arguments give the same files.
"""
import argparse
import os
import random
import shutil
import sys

WORDS = {
    "nl": "de het een activering abonnement beheerder licentie e-mail account organisatie "
          "sleutel portaal stap volgende bestelling klant omgeving gegevens aanmelden "
          "controleer nummer handleiding overzicht eerst daarna altijd nooit".split(),
    "en": "the a an activation subscription administrator licence e-mail account organization "
          "key portal step next order customer tenant details sign check number guide "
          "overview first then always never".split(),
    "de": "der die das ein Aktivierung Abonnement Administrator Lizenz E-Mail Konto Organisation "
          "Schlüssel Portal Schritt nächste Bestellung Kunde Umgebung Daten anmelden "
          "prüfen Nummer Anleitung Übersicht zuerst danach immer nie".split(),
    "fr": "le la un une activation abonnement administrateur licence courriel compte organisation "
          "clé portail étape suivante commande client environnement données connexion "
          "vérifier numéro guide aperçu d'abord ensuite toujours jamais".split(),
    "ar": "ال تفعيل اشتراك مسؤول ترخيص بريد حساب مؤسسة مفتاح بوابة خطوة التالية طلب عميل "
          "بيئة بيانات تسجيل تحقق رقم دليل نظرة أولا ثم دائما أبدا".split(),
    "ja": "アクティベーション サブスクリプション 管理者 ライセンス メール アカウント 組織 キー ポータル "
          "手順 次 注文 顧客 環境 詳細 サインイン 確認 番号 ガイド 概要 最初に 次に 常に".split(),
}
HEADINGS = {
    "nl": ["Voordat je begint", "Stap {n}: activeer het abonnement", "Wat gebeurt er daarna", "Valkuilen", "Vervolgbestellingen"],
    "en": ["Before you start", "Step {n}: activate the subscription", "What happens next", "Pitfalls", "Follow-up orders"],
    "de": ["Bevor Sie beginnen", "Schritt {n}: das Abonnement aktivieren", "Was danach geschieht", "Fallstricke", "Folgebestellungen"],
    "fr": ["Avant de commencer", "Étape {n} : activer l'abonnement", "Ce qui se passe ensuite", "Pièges", "Commandes suivantes"],
    "ar": ["قبل أن تبدأ", "الخطوة {n}: فعّل الاشتراك", "ماذا يحدث بعد ذلك", "مزالق", "الطلبات اللاحقة"],
    "ja": ["始める前に", "手順 {n}: サブスクリプションを有効にする", "その後の流れ", "落とし穴", "追加の注文"],
}
# --languages N takes the first N of these (two: the Dutch and English of
# every earlier run, so their files stay the same). Arabic is written right
# to left; Japanese has no spaces between words.
LANGUAGES = [("nl", "Nederlands", "Pagina", "Start", "Deel"), ("en", "English", "Page", "Home", "Part"),
             ("de", "Deutsch", "Seite", "Start", "Teil"), ("fr", "Français", "Page", "Accueil", "Partie"),
             ("ar", "العربية", "صفحة", "الرئيسية", "قسم"), ("ja", "日本語", "ページ", "ホーム", "部")]
RIGHT_TO_LEFT = {"ar"}


def anchor_of(lang):
    """The id sitegen gives the first heading (HeadingAnchors.slug: letters
    kept, lowercased, spaces as dashes)."""
    return HEADINGS[lang][0].lower().replace(" ", "-")


def page_word(lang):
    return next(word for code, _, word, _, _ in LANGUAGES if code == lang)


def sentence(rng, lang, words=12):
    text = ("" if lang == "ja" else " ").join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[0].upper() + text[1:] + ("。" if lang == "ja" else ".")


# With --highlight: the command block is a console session and each page has
# a block in one of these languages besides (about 6 lines each).
CODE_SAMPLES = [
    ("yaml", "site:\n  title: \"Docs {n}\"  # shown in the header\n  pages: {n}\n  draft: false\nlanguages: [nl, en]"),
    ("python", "def weight(page: str) -> int:\n    \"\"\"The weight of a page.\"\"\"\n    return len(page) * {n}  # plain\n\nprint(weight(\"index.md\"))"),
    ("json", "{{\n  \"page\": {n},\n  \"title\": \"Page {n}\",\n  \"tags\": [\"docs\", null],\n  \"draft\": false\n}}"),
    ("go", "package main\n\nimport \"fmt\"\n\nfunc main() {{\n\tfmt.Println(\"page\", {n}) // one line\n}}"),
    ("bash", "for page in content/*.md; do\n  echo \"page {n}: $page\"  # each\ndone"),
]


# With --code-heavy: five blocks a page, each 5 to 30 lines of one of these
# eight languages (lines drawn in order, cycling).
HEAVY_LINES = {
    "python": ["def weight(page: str, n: int = {n}) -> int:", "    \"\"\"The weight of a page.\"\"\"",
               "    if page.endswith(\".md\") and n > 0:  # a page", "        return len(page) * n", "    return 0"],
    "bash": ["for page in content/*.md; do", "  if [ -f \"$page\" ]; then", "    echo \"page {n}: $page\"  # each",
             "  fi", "done"],
    "yaml": ["site:", "  title: \"Docs {n}\"  # shown in the header", "  pages: {n}", "  draft: false",
             "languages: [nl, en]"],
    "json": ["{{", "  \"page\": {n},", "  \"title\": \"Page {n}\",", "  \"tags\": [\"docs\", null],", "  \"draft\": false", "}}"],
    "go": ["func weight(page string) int {{", "\tif strings.HasSuffix(page, \".md\") {{ // a page",
           "\t\treturn len(page) * {n}", "\t}}", "\treturn 0", "}}"],
    "javascript": ["export function weight(page) {{", "  // the weight of a page", "  const n = {n};",
                   "  return page.endsWith('.md') ? page.length * n : 0;", "}}"],
    "java": ["public final class Weight {{", "    /** The weight of a page. */", "    static int of(String page) {{",
             "        return page.endsWith(\".md\") ? page.length() * {n} : 0;", "    }}", "}}"],
    "sql": ["SELECT title, weight  -- the pages", "FROM pages", "WHERE weight > {n} AND draft = FALSE",
            "ORDER BY weight DESC;"],
}


def heavy_blocks(rng, index):
    """Five fenced blocks of 5 to 30 lines, each in one of eight languages."""
    lines = []
    for _ in range(5):
        language = rng.choice(sorted(HEAVY_LINES))
        source = HEAVY_LINES[language]
        lines += ["```" + language] + [source[i % len(source)].format(n=index) for i in range(rng.randint(5, 30))] + ["```", ""]
    return lines


def page(rng, lang, index, count, paths, highlight=False, heavy=False):
    target = rng.randrange(count) + 1
    anchor = anchor_of(lang)
    here = os.path.dirname(paths[index])
    def ref(number):
        return os.path.relpath(paths[number], here)

    lines = [
        "---",
        f"title: {page_word(lang)} {index}",
        f"description: {sentence(rng, lang, 8)}",
        f"weight: {index}",
        "---",
        "",
        sentence(rng, lang, 20) + f" See [page {target}]({ref(target)}#{anchor}) and *this* **now**.",
        "",
    ]
    for number, heading in enumerate(HEADINGS[lang], start=1):
        lines += [f"## {heading.format(n=number)}", ""]
        lines += [sentence(rng, lang, 18) + " " + sentence(rng, lang, 14) + f" Use `code-{number}`.", ""]
        lines += [f"- {sentence(rng, lang, 6)}" for _ in range(3)] + [""]
        if number == 2 and heavy:
            lines += heavy_blocks(rng, index)
        elif number == 2 and highlight:
            language, code = CODE_SAMPLES[index % len(CODE_SAMPLES)]
            lines += ["```console", f"$ activate --key {rng.randrange(10**8):08d}", "activated", "```", ""]
            lines += ["```" + language, code.format(n=index), "```", ""]
        elif number == 2:
            lines += ["```", f"activate --key {rng.randrange(10**8):08d}", "```", ""]
        other = rng.randrange(count) + 1
        lines += [sentence(rng, lang, 16) + f" [More]({ref(other)}).", ""]
    if index % 10 == 0:
        lines += ["| Aspect | Old | New |", "|---|---|---|"]
        lines += [f"| {rng.choice(WORDS[lang])} | {sentence(rng, lang, 3)} | {sentence(rng, lang, 3)} |" for _ in range(4)]
        lines += [""]
    return "\n".join(lines)


def link_heavy_page(rng, lang, index, count, paths):
    """Issue 30's link-heavy page: 5 front matter keys, 15 links to other
    pages (a third with the anchor every page has), headings, lists, one
    code block."""
    here = os.path.dirname(paths[index])
    anchor = anchor_of(lang)
    def link(number):
        target = os.path.relpath(paths[rng.randrange(count) + 1], here)
        return f"[{rng.choice(WORDS[lang])} {number}]({target}{'#' + anchor if number % 3 == 0 else ''})"

    lines = ["---", f"title: {page_word(lang)} {index}", f"linkTitle: \"{index}\"",
             f"description: {sentence(rng, lang, 8)}", f"weight: {index}", "draft: false", "---", "",
             sentence(rng, lang, 16) + f" {link(1)} *{rng.choice(WORDS[lang])}* **{rng.choice(WORDS[lang])}**.", ""]
    number = 2
    for heading_number, heading in enumerate(HEADINGS[lang][:4], start=1):
        lines += [f"## {heading.format(n=heading_number)}", ""]
        lines += [sentence(rng, lang, 14) + f" {link(number)} " + sentence(rng, lang, 10) + f" {link(number + 1)}", ""]
        lines += [f"- {sentence(rng, lang, 5)} {link(number + 2)}" for _ in range(1)] + [f"- {sentence(rng, lang, 6)}", ""]
        number += 3
        if heading_number == 2:
            lines += ["```", f"activate --key {rng.randrange(10**8):08d} --page {index}", "```", ""]
    lines += [sentence(rng, lang, 12) + f" {link(14)} {link(15)}", ""]
    return "\n".join(lines)


def page_paths(count, shape):
    """Path of page 1 ... count - 1 in its language folder, and the folders
    (besides the language folder) that get an index.md: a list indexed by
    page number (index 0 unused), and a sorted list of folders."""
    paths = [""]
    if shape == "flat":
        return paths + [f"page-{index:05d}.md" for index in range(1, count)], []
    if shape == "sections":
        paths += [f"s{index // 100:02d}/page-{index:05d}.md" for index in range(1, count)]
        return paths, sorted({os.path.dirname(path) for path in paths[1:]})
    if shape == "deep7":
        return deep7_paths(count)
    # deep: folders five levels deep, as many per folder as this size needs
    # (about ten pages a folder), then 5 to 20 children per folder, pages
    # given out folder by folder in depth-first order.
    rng = random.Random(f"deep-{count}")
    branching = max(2, round((max(count, 12) / 12) ** 0.2))
    tree = tree_folders(branching, 5)
    while len(paths) < count:
        for folder in tree:
            for _ in range(max(1, rng.randint(5, 20) - (branching if folder.count("/") < 4 else 0))):
                if len(paths) == count:
                    break
                paths.append(f"{folder}/page-{len(paths):05d}.md" if folder else f"page-{len(paths):05d}.md")
    return paths, [folder for folder in tree if folder]


def tree_folders(branching, depth, prefix="", level=0):
    """Every folder of a tree `depth` levels deep with `branching` children
    a folder, depth first, the root ("") first: d1-0, d1-0/d2-0, ..."""
    found = [prefix]
    if level < depth:
        for child in range(branching):
            found += tree_folders(branching, depth, f"{prefix}/d{level + 1}-{child}" if prefix else f"d1-{child}", level + 1)
    return found


def deep7_paths(count):
    """A tree seven folders deep: as many children per folder as puts about
    twelve pages in each (at least two), every folder at every level
    holding pages, given out evenly in depth-first order."""
    tree = tree_folders(max(2, round((max(count, 12) / 12) ** (1 / 7))), 7)
    paths = [""]
    for index in range(1, count):
        folder = tree[(index - 1) * len(tree) // (count - 1)]
        paths.append(f"{folder}/page-{index:05d}.md" if folder else f"page-{index:05d}.md")
    return paths, [folder for folder in tree if folder]


MINIMAL_PAGE = """<!DOCTYPE html>
<html lang="{{language.code}}" dir="{{language.dir}}">
<head>
<meta charset="utf-8">
<title>{{page.title}} | {{site.title}}</title>
<meta name="description" content="{{page.description}}">
</head>
<body>
<a href="#main">{{strings.skipToContent}}</a>
<nav class="languages"><ul>
{{#translations}}<li><a href="{{url}}" hreflang="{{code}}">{{name}}</a></li>
{{/translations}}</ul></nav>
<main id="main">
<h1>{{page.title}}</h1>
{{#page.hasTOC}}<nav><ul>{{#page.toc}}<li><a href="#{{id}}">{{text}}</a></li>{{/page.toc}}</ul></nav>{{/page.hasTOC}}
{{{page.content}}}
</main>
</body>
</html>
"""

MINIMAL_OTHER = """<!DOCTYPE html>
<html lang="{{language.code}}">
<head><meta charset="utf-8"><title>{{site.title}}</title></head>
<body><ul>{{#choices}}<li><a href="{{url}}">{{name}}</a></li>{{/choices}}</ul></body>
</html>
"""


def write_templates(repository, out, theme):
    if theme == "shipped":
        shutil.copytree(os.path.join(repository, "templates"), os.path.join(out, "templates"))
        return
    folder = os.path.join(out, "templates")
    os.makedirs(folder)
    for name, text in (("page", MINIMAL_PAGE), ("languages", MINIMAL_OTHER), ("404", MINIMAL_OTHER)):
        with open(os.path.join(folder, name + ".mustache"), "w", encoding="utf-8") as file:
            file.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--shape", choices=["sections", "flat", "deep", "deep7"], default="sections")
    parser.add_argument("--languages", type=int, choices=range(2, len(LANGUAGES) + 1), default=2,
                        help="how many languages (2: nl, en; up to 6: de, fr, ar written right to left, ja)")
    parser.add_argument("--theme", choices=["shipped", "minimal"], default="shipped")
    parser.add_argument("--highlight", action="store_true", help="code blocks with languages (for run_bench.py --highlight)")
    parser.add_argument("--code-heavy", action="store_true", help="five blocks of 5 to 30 lines a page, eight languages")
    parser.add_argument("--link-heavy", action="store_true", help="issue 30's pages: 15 links each, five front matter keys")
    args = parser.parse_args()
    count, out = args.count, args.out
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.rmtree(out, ignore_errors=True)
    paths, folders = page_paths(count, args.shape)
    languages = LANGUAGES[:args.languages]
    for lang, _, _, home, part in languages:
        rng = random.Random(f"{lang}-{count}")
        root = os.path.join(out, "content", lang)
        os.makedirs(root)
        with open(os.path.join(root, "index.md"), "w", encoding="utf-8") as file:
            file.write(f"---\ntitle: {home}\n---\n\n{sentence(rng, lang)}\n")
        for number, folder in enumerate(folders):
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            with open(os.path.join(root, folder, "index.md"), "w", encoding="utf-8") as file:
                name = os.path.basename(folder)
                file.write(f"---\ntitle: {part} {name}\nweight: {number}\n---\n\n{sentence(rng, lang)}\n")
        for index in range(1, count):
            path = os.path.join(root, paths[index])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as file:
                if args.link_heavy:
                    file.write(link_heavy_page(rng, lang, index, count - 1, paths))
                else:
                    file.write(page(rng, lang, index, count - 1, paths, args.highlight, args.code_heavy))
        # The shipped site's own strings (its footer) where it has them;
        # every other text comes from the theme's strings.
        strings = os.path.join(repository, "content", lang, "_strings.yml")
        if os.path.exists(strings):
            shutil.copy(strings, root)
    write_templates(repository, out, args.theme)
    with open(os.path.join(out, "sitegen.yml"), "w", encoding="utf-8") as file:
        file.write("title:\n" + "".join(f"  {lang}: Benchmark\n" for lang, *_ in languages) + "defaultLanguage: nl\nlanguages:\n"
                   + "".join(f"  - code: {lang}\n    name: {name}\n" + ("    direction: rtl\n" if lang in RIGHT_TO_LEFT else "")
                             for lang, name, *_ in languages))


if __name__ == "__main__":
    main()
