#!/usr/bin/env python3
"""Generate a realistic bilingual sitegen corpus for benchmarks.

usage: generate_corpus.py N OUT_DIR

Writes OUT_DIR/sitegen.yml, OUT_DIR/content/{nl,en}/index.md, and
sNN/page-XXXXX.md in sections of 100 pages, each with an index.md (N pages per language, about 3 KB each: front matter, headings, lists, links to other pages
of the corpus with anchors, emphasis, code blocks, a table in every tenth
page) and copies the shipped templates. Deterministic: the same N gives the
same files.
"""
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
}
HEADINGS = {
    "nl": ["Voordat je begint", "Stap {n}: activeer het abonnement", "Wat gebeurt er daarna", "Valkuilen", "Vervolgbestellingen"],
    "en": ["Before you start", "Step {n}: activate the subscription", "What happens next", "Pitfalls", "Follow-up orders"],
}


def sentence(rng, lang, words=12):
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def page(rng, lang, index, count):
    target = rng.randrange(count) + 1
    anchor = "before-you-start" if lang == "en" else "voordat-je-begint"
    def ref(number):
        return f"../s{number // 100:02d}/page-{number:05d}.md"

    lines = [
        "---",
        f"title: {'Pagina' if lang == 'nl' else 'Page'} {index}",
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
        if number == 2:
            lines += ["```", f"activate --key {rng.randrange(10**8):08d}", "```", ""]
        other = rng.randrange(count) + 1
        lines += [sentence(rng, lang, 16) + f" [More]({ref(other)}).", ""]
    if index % 10 == 0:
        lines += ["| Aspect | Old | New |", "|---|---|---|"]
        lines += [f"| {rng.choice(WORDS[lang])} | {sentence(rng, lang, 3)} | {sentence(rng, lang, 3)} |" for _ in range(4)]
        lines += [""]
    return "\n".join(lines)


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.rmtree(out, ignore_errors=True)
    for lang in ("nl", "en"):
        rng = random.Random(f"{lang}-{count}")
        folder = os.path.join(out, "content", lang)
        os.makedirs(folder)
        with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as file:
            file.write(f"---\ntitle: {'Start' if lang == 'nl' else 'Home'}\n---\n\n{sentence(rng, lang)}\n")
        for index in range(1, count):
            section = os.path.join(folder, f"s{index // 100:02d}")
            if not os.path.isdir(section):
                os.makedirs(section)
                with open(os.path.join(section, "index.md"), "w", encoding="utf-8") as file:
                    file.write(f"---\ntitle: {'Deel' if lang == 'nl' else 'Part'} {index // 100}\nweight: {index // 100}\n---\n\n{sentence(rng, lang)}\n")
            with open(os.path.join(section, f"page-{index:05d}.md"), "w", encoding="utf-8") as file:
                file.write(page(rng, lang, index, count - 1))
        shutil.copy(os.path.join(repository, "content", lang, "_strings.yml"), folder)
    shutil.copytree(os.path.join(repository, "templates"), os.path.join(out, "templates"))
    with open(os.path.join(out, "sitegen.yml"), "w", encoding="utf-8") as file:
        file.write("title:\n  nl: Benchmark\n  en: Benchmark\ndefaultLanguage: nl\n"
                   "languages:\n  - code: nl\n    name: Nederlands\n  - code: en\n    name: English\n")


if __name__ == "__main__":
    main()
