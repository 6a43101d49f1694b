/// The names sitegen gives folders and files of a site and its output.
package enum SiteLayout {
    /// The file in an output folder that says sitegen made it (and may replace it).
    package static let outputMarker = ".sitegen-output"
}
