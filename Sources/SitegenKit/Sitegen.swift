/// Facts about sitegen itself.
public enum Sitegen {
    public static let version = "0.1.0"
}
