#!/usr/bin/env python3
"""Writes Tests/Fixtures/sites/docs/: a documentation site in English, Dutch
and Arabic (right to left), three levels deep, for the navigation tests
(section tree, breadcrumbs, previous/next, pagination). Run once; the files
are committed. It has no templates/: it is built with the built-in theme
(this repository's templates/, embedded in sitegen).

- en is the default language; nl builds missing pages from English
  (missingPages: fallback), ar leaves them out (omit).
- guides/writing/ has no index.md (a generated section page).
- reference/options/ has 250 pages (pagination 100: three list pages in en
  and in nl, where they are fallbacks; ar translates 120 of them: two).
- weights, titles that sort by collation, drafts, and links between sections.
"""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sites", "docs")


def page(path, title, body="", **front):
    lines = ["---", f"title: {quote(title)}"]
    for key, value in front.items():
        lines.append(f"{key}: {quote(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else value}")
    lines.append("---")
    text = "\n".join(lines) + "\n\n" + (body.strip() + "\n" if body.strip() else "")
    full = os.path.join(ROOT, "content", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def quote(value):
    return '"' + value.replace('"', '\\"') + '"'


def main():
    # Pages only: the _strings.yml files are written by hand.
    for folder, _, files in os.walk(os.path.join(ROOT, "content")):
        for name in files:
            if name.endswith(".md"):
                os.remove(os.path.join(folder, name))
    os.makedirs(ROOT, exist_ok=True)
    with open(os.path.join(ROOT, "sitegen.yml"), "w", encoding="utf-8") as f:
        f.write("""# A documentation site for the navigation tests, written by
# Tests/Fixtures/make_docs_fixture.py. Built with the built-in theme (no
# templates/ of its own).
title:
  en: Docs fixture
  nl: Documentatie-fixture
  ar: موقع التوثيق
defaultLanguage: en
languages:
  - code: en
    name: English
  - code: nl
    name: Nederlands
  - code: ar
    name: العربية
    direction: rtl
    missingPages: omit
missingPages: fallback
pagination: 100
navigationLimit: 100
""")

    # English, the default language.
    page("en/index.md", "Docs fixture", "Welcome. Start with [installing](getting-started/install.md) or read the [reference](reference/index.md).",
         description="A documentation site with sections.")
    page("en/getting-started/index.md", "Getting started", "What to do first.", weight=1, description="Install, configure, build.")
    page("en/getting-started/install.md", "Install", "## Download\n\nGet it.\n\nThen [configure](configure.md#options). See the [command line](../reference/cli.md).",
         weight=1, description="Put it on your machine.")
    page("en/getting-started/configure.md", "Configure", "## Options {#options}\n\nSet them. Every one is in [the options](../reference/options/index.md).",
         weight=2, description="Settings for your site.")
    page("en/getting-started/first-site.md", "Your first site", "Build it. Then read the [guides](../guides/index.md).",
         weight=3, linkTitle="First site", description="From folder to site.")
    page("en/guides/index.md", "Guides", "How to do things.", weight=2, description="Longer explanations.")
    page("en/guides/writing/links.md", "Links", "Link to [tables](tables.md) and to [hosting](../publishing/hosting.md).",
         description="Links between pages.")
    page("en/guides/writing/tables.md", "Tables", "| A | B |\n|---|---|\n| 1 | 2 |", description="Pipe tables.")
    page("en/guides/writing/images.md", "Images", "Pictures.", description="Images beside pages.")
    page("en/guides/writing/unfinished.md", "Unfinished", "Not yet.", draft=True)
    page("en/guides/publishing/index.md", "Publishing", "Put it online.", description="Hosting the output.")
    page("en/guides/publishing/hosting.md", "Hosting", "Any web server.", weight=1, description="Where to put it.")
    page("en/guides/publishing/advanced/index.md", "Advanced publishing", "For experts.", linkTitle="Advanced",
         description="Three levels deep.")
    page("en/guides/publishing/advanced/cdn.md", "Content delivery networks", "Caching. Back to [installing](../../../getting-started/install.md).",
         linkTitle="CDN", description="A page three levels deep.")
    page("en/guides/publishing/advanced/sub-folder.md", "Sub-folders", "Hosting under /docs/.", description="Hosting in a sub-folder.")
    page("en/reference/index.md", "Reference", "Everything, listed.", weight=3, description="Every option and command.")
    page("en/reference/cli.md", "Command line", "Run `sitegen build`.", weight=1, description="The commands.")
    page("en/reference/options/index.md", "Options", "All 250 options, 100 per page.", description="Every setting.")
    for n in range(1, 251):
        page(f"en/reference/options/option-{n:03}.md", f"Setting {n}", f"What setting {n} does.", description=f"Setting number {n}.")
    # Titles that sort by collation (case, accents, numbers), not by bytes.
    page("en/reference/glossary/index.md", "Glossary", "Terms, in alphabetical order.", description="Words and their meaning.")
    for name, title in [("zebra", "Zebra"), ("eclair", "eclair"), ("eclair-accent", "Éclair"), ("apple", "apple"),
                        ("banana", "Banana"), ("item-10", "Item 10"), ("item-9", "Item 9")]:
        page(f"en/reference/glossary/{name}.md", title, f"The term {title}.")
    page("en/about.md", "About", "Who wrote this.", description="About this site.")

    # Dutch: fallback for what is missing (about.md, the options, most guides).
    page("nl/index.md", "Documentatie-fixture", "Welkom. Begin met [installeren](getting-started/install.md).",
         description="Een documentatiesite met onderdelen.")
    page("nl/getting-started/index.md", "Aan de slag", "Wat eerst.", weight=1, description="Installeren, instellen, bouwen.")
    page("nl/getting-started/install.md", "Installeren", "## Downloaden\n\nHaal het op. Daarna [instellen](configure.md#options).",
         weight=1, description="Zet het op uw computer.")
    page("nl/getting-started/configure.md", "Instellen", "## Opties {#options}\n\nStel ze in.", weight=2, description="Instellingen.")
    page("nl/getting-started/first-site.md", "Uw eerste site", "Bouw hem.", weight=3, linkTitle="Eerste site", description="Van map tot site.",
         draft=True)
    page("nl/guides/index.md", "Handleidingen", "Hoe u dingen doet.", weight=2, description="Langere uitleg.")
    page("nl/reference/index.md", "Naslag", "Alles op een rij.", weight=3, description="Elke optie en elk commando.")
    page("nl/reference/options/index.md", "Opties", "Alle 250 opties, 100 per pagina.", description="Elke instelling.")
    # Dutch collation: ij is i + j, accents after the plain letter.
    page("nl/reference/glossary/index.md", "Woordenlijst", "Begrippen op alfabet.", description="Woorden en hun betekenis.")
    for name, title in [("ijssel", "IJssel"), ("ivoor", "Ivoor"), ("jas", "Jas"), ("ezel", "ezel"), ("eclair-nl", "Éclair")]:
        page(f"nl/reference/glossary/{name}.md", title, f"Het begrip {title}.", translationKey=f"glossary-nl-{name}")

    # Arabic: missing pages are left out.
    page("ar/index.md", "موقع التوثيق", "مرحبا. ابدأ [بالتثبيت](getting-started/install.md).", description="موقع توثيق بأقسام.")
    page("ar/getting-started/index.md", "البداية", "ماذا تفعل أولا.", weight=1, description="التثبيت والإعداد.")
    page("ar/getting-started/install.md", "التثبيت", "## التنزيل\n\nنزّله.", weight=1, description="ضعه على جهازك.")
    page("ar/reference/index.md", "المرجع", "كل شيء.", weight=3, description="كل خيار وأمر.")
    page("ar/reference/options/index.md", "الخيارات", "الخيارات المترجمة.", description="كل إعداد.")
    for n in range(1, 121):
        page(f"ar/reference/options/option-{n:03}.md", f"الإعداد {n}", f"ما يفعله الإعداد {n}.", description=f"الإعداد رقم {n}.")


if __name__ == "__main__":
    main()
