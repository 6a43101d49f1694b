/// Facts about sitegen itself.
public enum Sitegen {
    /// sitegen's version, as `sitegen --version` prints it.
    public static let version = "0.1.0"
}
