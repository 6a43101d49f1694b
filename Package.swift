// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenKit", targets: ["SitegenKit"]),
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
        // One system call Swift's Glibc module does not offer: an atomic swap
        // of two folders, used to put a new build in place of the old one.
        .target(name: "CAtomicRename"),
        .target(
            name: "SitegenKit",
            dependencies: [
                "CCmark",
                "CAtomicRename",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SitegenKitTests",
            dependencies: ["SitegenKit", "CCmark"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
