// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenKit", targets: ["SitegenBuild", "SitegenKit"]),
    ],
    dependencies: [
        // Exact versions, so every clone builds the same code. (Package.resolved
        // would pin commits too, but the package copies on the machines this
        // project is built on have commit ids of their own, so a resolved
        // file made here would not resolve anywhere else.)
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // libcmark 0.30 from the system (Debian: libcmark-dev). Only libcmark is
        // linked: libcmark-gfm exports the same symbols with another ABI.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The C calls Swift's Glibc module does not offer: an atomic swap of
        // two folders (to put a new build in place of the old one), opening
        // below a folder, spawning, signals, and memmem (ByteSearch).
        .target(name: "CAtomicRename"),
        // Shared helpers below everything: diagnostics, source text and lines,
        // reading files, HTML escaping, hashing, work on every core.
        .target(name: "SitegenSupport", dependencies: ["CAtomicRename"]),
        // GNU Source-highlight 3.1.9 (Debian: libsource-highlight-dev), the
        // syntax highlighting engine, behind a C API of three calls.
        .target(
            name: "CSourceHighlight",
            linkerSettings: [.linkedLibrary("source-highlight"), .linkedLibrary("boost_regex")]
        ),
        // Highlighting code blocks: the languages by name and the engine.
        // Its language definitions (Debian's /usr/share/source-highlight)
        // are embedded at build time, so the binary needs no data files.
        .target(name: "SitegenHighlight", dependencies: ["CSourceHighlight", "SitegenSupport"],
                plugins: ["EmbedLanguageDefinitions"]),
        // The libcmark wrapper and sitegen's Markdown extensions; the only
        // module that imports CCmark.
        .target(name: "SitegenMarkdown", dependencies: ["CCmark", "SitegenSupport", "SitegenHighlight"]),
        // sitegen's Mustache engine: parser, renderer, template data. Knows
        // nothing of sites.
        .target(name: "SitegenMustache", dependencies: ["SitegenSupport"]),
        // The site core, pure: settings parsed from bytes, the page list,
        // navigation, translations, decision helpers, template values,
        // rendering to bytes. Values in, values out: no file system, no
        // processes, no network (ArchitectureTests checks).
        .target(
            name: "SitegenKit",
            dependencies: [
                "SitegenSupport", "SitegenMarkdown", "SitegenMustache",
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // Checking links: the external links of the pages asked over HTTP
        // (a plain-socket probe), as Zola's link_checker. Internal links and
        // anchors are checked by the core as it renders.
        .target(name: "SitegenLinkCheck", dependencies: ["SitegenKit", "SitegenSupport", "SitegenMarkdown"]),
        // The shell around the core: loading the site folder, the build
        // pipeline, the output folder (lock, staging, atomic swap, manifest),
        // the incremental build cache, Pagefind, `git log` dates.
        .target(
            name: "SitegenBuild",
            dependencies: ["SitegenKit", "SitegenLinkCheck", "SitegenSupport", "SitegenMarkdown", "SitegenMustache", "CAtomicRename"]
        ),
        // The built-in theme: templates/ embedded in SitegenKit at build time
        // (the plugin runs ThemeEmbedder, which writes one Swift source).
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .plugin(name: "EmbedLanguageDefinitions", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        // `sitegen serve`: its HTTP server, the watcher, incremental builds.
        .target(name: "SitegenPreview", dependencies: ["SitegenBuild", "SitegenKit", "SitegenSupport", "CAtomicRename"]),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenBuild", "SitegenLinkCheck", "SitegenKit", "SitegenPreview", "SitegenMarkdown", "SitegenSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests, one target per module (`swift test --filter SitegenMarkdownTests`),
        // and what they share: fixture paths, fixture sites, spec files.
        .target(
            name: "SitegenTestSupport",
            dependencies: ["SitegenBuild", "SitegenKit", "SitegenMarkdown", "SitegenMustache", "SitegenSupport"],
            path: "Tests/SitegenTestSupport"
        ),
        .testTarget(name: "SitegenMustacheTests", dependencies: ["SitegenMustache", "SitegenKit", "SitegenSupport", "SitegenTestSupport"]),
        .testTarget(
            name: "SitegenMarkdownTests",
            dependencies: ["SitegenMarkdown", "SitegenHighlight", "SitegenSupport", "CCmark", "SitegenTestSupport"]
        ),
        .testTarget(
            name: "SitegenKitTests",
            dependencies: ["SitegenBuild", "SitegenKit", "SitegenMarkdown", "SitegenMustache", "SitegenSupport", "SitegenHighlight", "SitegenTestSupport",
                           // YAMLTagTests checks sitegen's scalar types against Yams' own rules.
                           .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "SitegenLinkCheckTests",
            dependencies: ["SitegenLinkCheck", "SitegenBuild", "SitegenKit", "SitegenSupport", "SitegenTestSupport"]
        ),
        .testTarget(
            name: "SitegenBuildTests",
            dependencies: ["SitegenBuild", "SitegenKit", "SitegenMarkdown", "SitegenMustache", "SitegenSupport", "SitegenTestSupport"]
        ),
        .testTarget(name: "SitegenPreviewTests", dependencies: ["SitegenPreview", "SitegenBuild", "SitegenKit", "SitegenSupport", "SitegenTestSupport"]),
        // The sitegen binary as a user runs it (built by `swift build --build-tests`):
        // commands, exit statuses, and the trust and hosting tests that run it.
        .testTarget(
            name: "sitegenTests",
            dependencies: ["SitegenBuild", "SitegenLinkCheck", "SitegenKit", "SitegenPreview", "SitegenMarkdown", "SitegenMustache", "SitegenSupport", "SitegenTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
