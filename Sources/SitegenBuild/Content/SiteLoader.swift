import SitegenKit
import Foundation
import SitegenSupport

/// Reads a site folder into a `SiteSource`: `sitegen.yml`, `content/`,
/// `templates/`. The only stage of a build that reads files.
///
/// Names starting with `.` or `_` are not published (`_strings.yml` holds a
/// language's UI strings), except Hugo's `_index.md`, a folder's page (see
/// `FolderPageName`). A symbolic link may point anywhere inside its own
/// top folder (`content/` or `templates/`), never out of it.
package enum SiteLoader {
    /// The site folder is not one: no `sitegen.yml` (a usage error, exit 2).
    package struct NotASiteFolder: Error, CustomStringConvertible {
        package var path: String
        package init(path: String) { self.path = path }
        package var description: String {
            "no \(SiteLayout.configFile) in '\(path)'; run sitegen in a site folder or pass --source DIR"
        }
    }

    package static func load(_ root: String) throws -> (SiteSource, [Diagnostic]) {
        load(try list(root))
    }

    /// Reads the listed files.
    package static func load(_ listing: Listing) -> (SiteSource, [Diagnostic]) {
        load(listing, known: nil)
    }

    /// The site folder's files as listed, before any is read: their
    /// versions tell an unchanged site without reading it (`BuildInputs`).
    package struct Listing: Sendable {
        /// The site folder (absolute, real).
        package var root: String
        var contentFiles: [ListedFile]
        var flowFiles: [ListedFile]
        var rootFiles: [ListedFile]
        var templateFiles: [ListedFile]
        /// The folders directly under `content/`.
        var languageFolders: [String]
        /// `sitegen.yml`'s version; nil when it cannot be looked at.
        var configVersion: FileVersion?
        var diagnostics: [Diagnostic]
        /// When the listing started (`FileVersion.now`).
        package var started: Int64

        /// Every listed file, with its folder (`content`, `static`...).
        var files: [(folder: String, file: ListedFile)] {
            [(SiteLayout.contentFolder, contentFiles), (SiteLayout.decisionsFolder, flowFiles),
             (SiteLayout.staticFolder, rootFiles), (SiteLayout.templatesFolder, templateFiles)]
                .flatMap { folder, files in files.map { (folder, $0) } }
        }
    }

    /// Lists the site folder (a stat per file, nothing read).
    package static func list(_ root: String) throws -> Listing {
        let started = FileVersion.now()
        let root = try SiteFolder.open(root).path
        var diagnostics: [Diagnostic] = []
        // Every folder is listed before a file is read: a file with more
        // than one name (hard links) is read only when all are found here.
        let contentFiles = listFiles(in: root, folder: SiteLayout.contentFolder, diagnostics: &diagnostics)
        let flowFiles = listFiles(in: root + "/" + SiteLayout.contentFolder, folder: SiteLayout.decisionsFolder, diagnostics: &diagnostics)
        let rootFiles = listFiles(in: root, folder: SiteLayout.staticFolder, diagnostics: &diagnostics, everyName: true)
        let templateFiles = listFiles(in: root, folder: SiteLayout.templatesFolder, diagnostics: &diagnostics)
        return Listing(root: root, contentFiles: contentFiles, flowFiles: flowFiles, rootFiles: rootFiles, templateFiles: templateFiles,
                       languageFolders: listFolders(in: root + "/" + SiteLayout.contentFolder),
                       configVersion: FileVersion.of(root + "/" + SiteLayout.configFile), diagnostics: diagnostics, started: started)
    }

    /// Reads the listed files; of the pages in `known`, only those whose
    /// file changed since.
    static func load(_ listing: Listing, known: KnownPages?) -> (SiteSource, [Diagnostic]) {
        let root = listing.root
        let configPath = root + "/" + SiteLayout.configFile
        var diagnostics = listing.diagnostics
        let reader = Reader(root: root, files: listing.contentFiles + listing.flowFiles + listing.rootFiles + listing.templateFiles)

        let config = reader.text(configPath, display: SiteLayout.configFile, into: &diagnostics)
            ?? SourceText("", path: SiteLayout.configFile)
        var source = SiteSource(root: root, config: config)
        loadContent(listing.contentFiles, reader: reader, known: known.map { ($0, listing.started) }, into: &source, diagnostics: &diagnostics)
        source.languageFolders = listing.languageFolders
        for file in listing.flowFiles where file.relativePath.hasSuffix(".yml") {
            let display = SiteLayout.content(SiteLayout.decisionsFolder + "/" + file.relativePath)
            if let text = reader.text(file.absolutePath, display: display, into: &diagnostics) {
                source.decisionFlows[String(file.relativePath.dropLast(".yml".count))] = text
            }
        }
        for file in listing.rootFiles {
            if let bytes = reader.bytes(file.absolutePath, display: "\(SiteLayout.staticFolder)/\(file.relativePath)", into: &diagnostics) {
                source.rootFiles.append(SiteSource.StaticFile(relativePath: file.relativePath, bytes: bytes))
            }
        }
        loadTemplates(listing.templateFiles, reader: reader, into: &source, diagnostics: &diagnostics)
        return (source, diagnostics)
    }

    /// The language folders: UI strings, other files, and the pages, which
    /// are read and decoded on every core after the listing.
    private static func loadContent(_ files: [ListedFile], reader: Reader, known: (pages: KnownPages, started: Int64)?,
                                    into source: inout SiteSource, diagnostics: inout [Diagnostic]) {
        var pageFiles: [(language: String, path: String, file: ListedFile)] = []
        for file in files {
            let parts = file.relativePath.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                diagnostics.append(Diagnostic(.error, file: SiteLayout.content(file.relativePath),
                    "file is outside a language folder; move it into content/<language>/, or into static/ to publish it at the site's root"))
                continue
            }
            let (language, path) = (parts[0], parts[1])
            let display = SiteLayout.content(file.relativePath)
            if path == SiteLayout.stringsFile {
                if let text = reader.text(file.absolutePath, display: display, into: &diagnostics) {
                    source.strings[language] = text
                } else {
                    source.unreadableStrings.insert(language)
                }
            } else if path.hasSuffix(".md") {
                pageFiles.append((language, path, file))
            } else if let bytes = reader.bytes(file.absolutePath, display: display, into: &diagnostics) {
                source.contentFiles.append(SiteSource.StaticFile(relativePath: file.relativePath, bytes: bytes))
            }
        }
        var readAs: [String: [String: String]] = [:]
        for (language, files) in Dictionary(grouping: pageFiles, by: \.language) {
            readAs[language] = FolderPageName.readAs(files.map(\.path))
        }
        let knownPages = pageFiles.map { language, written, file -> KnownPage? in
            guard let (pages, started) = known else { return nil }
            return pages.page(file, display: SiteLayout.content(file.relativePath), relativePath: readAs[language]?[written] ?? written,
                              reader: reader, started: started)
        }
        let texts = Cores.map(Array(zip(pageFiles.map(\.file), knownPages))) { file, known in
            var problems: [Diagnostic] = []
            let display = SiteLayout.content(file.relativePath)
            let text = known != nil ? SourceText("", path: display) : reader.text(file.absolutePath, display: display, into: &problems)
            return (text, problems)
        }
        for (((language, written, _), (text, problems)), known) in zip(zip(pageFiles, texts), knownPages) {
            diagnostics += problems
            let path = readAs[language]?[written] ?? written
            if let known {
                source.pages.append(SiteSource.PageFile(language: language, relativePath: path, source: text!, known: known))
            } else if let text {
                source.pages.append(SiteSource.PageFile(language: language, relativePath: path, source: text))
            } else {
                source.unreadablePages.insert(PageID(language: language, path: path))
            }
        }
    }

    /// The theme: the site's `templates/` file by file over the built-in
    /// theme. Mustache templates, files under `assets/`, and the UI strings
    /// under `strings/` (`<language>.yml`, a site's `_strings.yml` goes over
    /// them key by key); other files are not read.
    private static func loadTemplates(_ files: [ListedFile], reader: Reader, into source: inout SiteSource, diagnostics: inout [Diagnostic]) {
        let siteFiles = files.filter { ThemeFile.Kind($0.relativePath) != nil }
        let sitePaths = Set(siteFiles.map(\.relativePath))
        var theme = siteFiles.map { file in
            (file: ThemeFile(path: file.relativePath, isBuiltIn: false),
             bytes: reader.bytes(file.absolutePath, display: SiteLayout.templatesFolder + "/" + file.relativePath, into: &diagnostics))
        }
        for file in BuiltInTheme.files where !sitePaths.contains(file.path) && ThemeFile.Kind(file.path) != nil {
            theme.append((ThemeFile(path: file.path, isBuiltIn: true), file.bytes))
        }
        theme.sort { $0.file.path < $1.file.path }
        source.themeFiles = theme.map(\.file)
        for (file, bytes) in theme {
            guard let bytes, let kind = ThemeFile.Kind(file.path) else { continue }
            if case .asset(let name) = kind {
                source.assets.append(SiteSource.StaticFile(relativePath: name, bytes: bytes))
                continue
            }
            let text: SourceText
            do {
                text = try SourceText(decoding: bytes, path: file.displayPath)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                continue
            }
            switch kind {
            case .template(let name): source.templates.append(SiteSource.TemplateFile(name: name, source: text, isBuiltIn: file.isBuiltIn))
            case .strings(let language): source.themeStrings[language] = text
            case .asset: break
            }
        }
    }

    /// `previous` with the Markdown pages in `changes` (site-relative paths
    /// under `content/<language>/`) read again, added or removed; nil when a
    /// change is of another kind, which needs a full `load`.
    package static func reload(_ previous: SiteSource, changes: Set<String>) -> (SiteSource, [Diagnostic])? {
        var source = previous
        var diagnostics: [Diagnostic] = []
        for path in changes.sorted() {
            let parts = path.split(separator: "/", maxSplits: 2).map(String.init)
            guard parts.count == 3, parts[0] == SiteLayout.contentFolder, path.hasSuffix(".md"),
                  !parts[1].hasPrefix("_"), !parts[1].hasPrefix("."),
                  !parts[2].split(separator: "/").contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }),
                  // A folder's page by another name: which file it is depends on its neighbours.
                  !FolderPageName.names.contains(where: { parts[2] == $0 || parts[2].hasSuffix("/" + $0) }),
                  source.languageFolders.contains(parts[1])
            else { return nil }
            let (language, relative) = (parts[1], parts[2])
            source.pages.removeAll { $0.language == language && $0.relativePath == relative }
            source.unreadablePages.remove(PageID(language: language, path: relative))
            let absolute = previous.root + "/" + path
            guard FileManager.default.fileExists(atPath: absolute) else { continue }
            // A page with other names (hard links): only a full listing tells where they are.
            var info = stat()
            if lstat(absolute, &info) == 0 && info.st_nlink > 1 { return nil }
            if let text = Reader(root: previous.root, files: []).text(absolute, display: path, into: &diagnostics) {
                source.pages.append(SiteSource.PageFile(language: language, relativePath: relative, source: text))
            } else {
                source.unreadablePages.insert(PageID(language: language, path: relative))
            }
        }
        source.pages.sort { ($0.language, $0.relativePath) < ($1.language, $1.relativePath) }
        return (source, diagnostics)
    }

    // MARK: Reading

    /// Reads files of the site folder `root` (checked by `SiteFileReader`),
    /// knowing how many names each file with hard links has in the listing.
    struct Reader: Sendable {
        let root: String
        let namesInside: [FileIdentity: Int]

        init(root: String, files: [ListedFile]) {
            self.root = root
            var names: [FileIdentity: Int] = [:]
            for case let identity? in files.map(\.sharedIdentity) { names[identity, default: 0] += 1 }
            namesInside = names
        }

        func bytes(_ path: String, display: String, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
            do {
                return try SiteFileReader.read(path, inside: root, namesInside: namesInside)
            } catch {
                diagnostics.append(Diagnostic(.error, file: display, "cannot read file: \(error.reason.escapingControlCharacters)"))
                return nil
            }
        }

        func text(_ path: String, display: String, into diagnostics: inout [Diagnostic]) -> SourceText? {
            guard let bytes = bytes(path, display: display, into: &diagnostics) else { return nil }
            do {
                return try SourceText(decoding: bytes, path: display)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                return nil
            }
        }
    }

    // MARK: Listing

    struct ListedFile: Sendable {
        var relativePath: String
        var absolutePath: String
        /// The file's identity when it has more than one name (hard links).
        var sharedIdentity: FileIdentity? = nil
        /// The file's version when listed (of the file a link leads to).
        var version: FileVersion? = nil
    }

    /// Every published file below `root/folder`, sorted, following symbolic
    /// links that stay inside `root/folder`. With `everyName`, also names
    /// starting with `.` or `_` (for `static/`).
    static func listFiles(in root: String, folder: String, diagnostics: inout [Diagnostic], everyName: Bool = false) -> [ListedFile] {
        let top = root + "/" + folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: top, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        // A top folder that is a link out (`static -> ~/.ssh`) is never listed.
        let realTop = FilePaths.realPath(top)
        guard FilePaths.isInside(realTop, root), realTop != root else {
            diagnostics.append(Diagnostic(.error, file: folder + "/",
                "the folder leads out of the site folder (to '\(realTop.escapingControlCharacters)'); sitegen reads only files inside the site folder: make \(folder)/ a real folder"))
            return []
        }
        if let data = FilePaths.repositoryData(realTop, inside: root) {
            diagnostics.append(Diagnostic(.error, file: folder + "/",
                "the folder leads into \(data)/ (to '\(realTop.escapingControlCharacters)'), version control's own data, which may hold credentials; sitegen never reads it: make \(folder)/ a real folder"))
            return []
        }
        var walk = FolderWalk(top: top, folder: folder, everyName: everyName)
        while let relativeFolder = walk.nextFolder() {
            walk.list(relativeFolder)
        }
        diagnostics += walk.diagnostics
        return walk.files.sorted { $0.relativePath < $1.relativePath }
    }

    /// A walk through one top folder: folders still to list, files found.
    private struct FolderWalk {
        let top: String
        /// The top folder's name in messages (`content`, `static`).
        let folder: String
        let everyName: Bool
        var files: [ListedFile] = []
        var diagnostics: [Diagnostic] = []
        private var pending: [String] = [""]
        private var visited: Set<String>
        // Links to folders are followed after every real folder is listed, so
        // a link never takes the place of the folder it points to.
        private var linkedFolders: [(relative: String, resolved: String)] = []

        init(top: String, folder: String, everyName: Bool) {
            self.top = top
            self.folder = folder
            self.everyName = everyName
            visited = [top]
        }

        mutating func nextFolder() -> String? {
            if let next = pending.popLast() { return next }
            while !linkedFolders.isEmpty {
                let link = linkedFolders.removeFirst()
                // A link to a folder already listed would list it again, or loop.
                if visited.insert(link.resolved).inserted { return link.relative }
            }
            return nil
        }

        mutating func list(_ relativeFolder: String) {
            let folderPath = relativeFolder.isEmpty ? top : top + "/" + relativeFolder
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folderPath)
            } catch {
                diagnostics.append(Diagnostic(.error, file: "\(folder)/\(relativeFolder)", "cannot read folder: \(error.localizedDescription)"))
                return
            }
            for name in names.sorted() where everyName || !name.hasPrefix(".") && (!name.hasPrefix("_") || name == SiteLayout.stringsFile || name == "_index.md") {
                add(relativeFolder.isEmpty ? name : relativeFolder + "/" + name, name: name)
            }
        }

        /// One entry: a file is listed, a folder queued, a bad name or a link out refused.
        private mutating func add(_ relative: String, name: String) {
            let absolute = top + "/" + relative
            let display = "\(folder)/\(relative)"
            if name.containsControlCharacter {
                diagnostics.append(Diagnostic(.error, file: display.escapingControlCharacters,
                    "the name holds a control character (a line break, tab or similar), which no URL can carry; rename it"))
                return
            }
            // Only symbolic links need resolving (their folder was checked
            // when it was listed): one lstat for every other entry.
            var info = stat()
            let isLink = lstat(absolute, &info) != 0 || (info.st_mode & S_IFMT) == S_IFLNK
            let resolved = isLink ? FilePaths.resolveLinks(absolute) : absolute
            if resolved != absolute && !resolved.hasPrefix(top + "/") {
                let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: absolute)) ?? resolved
                diagnostics.append(Diagnostic(.error, file: display,
                    "symbolic link leads out of \(folder)/ (to '\(written)'); copy the file into \(folder)/ instead"))
                return
            }
            var childIsDirectory: ObjCBool = false
            if !isLink && (info.st_mode & S_IFMT) == S_IFDIR {
                visited.insert(resolved)
                pending.append(relative)
            } else if isLink && FileManager.default.fileExists(atPath: resolved, isDirectory: &childIsDirectory) && childIsDirectory.boolValue {
                linkedFolders.append((relative, resolved))
            } else {
                let shared = !isLink && info.st_nlink > 1 ? FileIdentity(info) : nil
                let version = isLink ? FileVersion.of(resolved) : FileVersion(info)
                files.append(ListedFile(relativePath: relative, absolutePath: absolute, sharedIdentity: shared, version: version))
            }
        }
    }

    static func listFolders(in path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && !name.hasPrefix("_")
                && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }
}
