/// The package's identity, recorded with every report.
public enum PackageInfo {
    /// The package version (`aicarbon --version`).
    public static let version = "0.1.0"
}
