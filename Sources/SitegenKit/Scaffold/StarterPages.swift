/// The pages `sitegen init` writes: a home page and one example page (a
/// callout, a table and a link) in English or Dutch; other languages get
/// the English text to translate.
enum StarterPages {
    struct Texts {
        var siteTitle: String
        var homeTitle: String
        var homeBody: String
        var exampleTitle: String
        var exampleBody: String
    }

    static let exampleFile = "example.md"

    static func texts(for language: String) -> Texts {
        language == "nl" ? dutch : english
    }

    static let english = Texts(
        siteTitle: "Documentation",
        homeTitle: "Home",
        homeBody: """
            This site was made with `sitegen init`. Edit this page in `content/{{language}}/index.md`, \
            or read the [example page](example.md) to see what a page can hold.

            Run `sitegen serve` to see every change in your browser as you save, and \
            `sitegen build` to write the site into `_site/`.

            """,
        exampleTitle: "Example page",
        exampleBody: """
            A page is a Markdown file with a title in its front matter.

            > [!TIP]
            > Make a new page with `sitegen new content/{{language}}/my-page.md`.

            ## A table

            | Command | What it does |
            |---|---|
            | `sitegen serve` | Shows the site while you edit it |
            | `sitegen build` | Writes the site into `_site/` |
            | `sitegen translations` | Lists which translations are missing or out of date |

            ## Links

            Link to another page by its file name, like the [home page](index.md); \
            sitegen checks that it exists.

            """
    )

    static let dutch = Texts(
        siteTitle: "Documentatie",
        homeTitle: "Start",
        homeBody: """
            Deze site is gemaakt met `sitegen init`. Bewerk deze pagina in `content/{{language}}/index.md`, \
            of lees de [voorbeeldpagina](example.md) om te zien wat een pagina kan bevatten.

            Met `sitegen serve` ziet u elke wijziging in uw browser zodra u bewaart; \
            `sitegen build` schrijft de site naar `_site/`.

            """,
        exampleTitle: "Voorbeeldpagina",
        exampleBody: """
            Een pagina is een Markdown-bestand met een titel in de front matter.

            > [!TIP]
            > Maak een nieuwe pagina met `sitegen new content/{{language}}/mijn-pagina.md`.

            ## Een tabel

            | Opdracht | Wat die doet |
            |---|---|
            | `sitegen serve` | Toont de site terwijl u die bewerkt |
            | `sitegen build` | Schrijft de site naar `_site/` |
            | `sitegen translations` | Toont welke vertalingen ontbreken of verouderd zijn |

            ## Links

            Verwijs naar een andere pagina met de bestandsnaam, zoals de [startpagina](index.md); \
            sitegen controleert of die bestaat.

            """
    )
}
