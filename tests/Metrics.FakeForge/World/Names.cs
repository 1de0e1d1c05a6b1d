namespace Metrics.FakeForge.World;

/// <summary>Word lists for synthetic names: obviously fake, stable across runs.</summary>
internal static class Names
{
    public static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "tao", "shu", "yan", "zhi", "bo", "qin", "lu", "wei", "an", "xi", "po", "dar"];

    public static readonly string[] Words = ["engine", "kit", "flow", "lens", "forge", "mesh", "pilot", "vault", "spark", "atlas", "relay", "prism", "harbor", "quill", "orbit"];

    public static readonly string[] Languages = ["C++", "Go", "Rust", "Python", "TypeScript", "Java", "C", "Kotlin"];

    public static readonly string[] Licenses = ["MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0", "MulanPSL-2.0"];

    public static readonly string[] Pipelines = ["text-generation", "feature-extraction", "image-text-to-text", "automatic-speech-recognition", "text-to-image"];

    public static readonly string[] Libraries = ["transformers", "diffusers", "sentence-transformers", "gguf"];

    public static string Person(Core.DetRandom rng) =>
        rng.Pick(Syllables) + rng.Pick(Syllables) + "-" + rng.Next(1, 999);

    public static string LicenseName(string spdx) => spdx switch
    {
        "MIT" => "MIT License",
        "Apache-2.0" => "Apache License 2.0",
        "BSD-3-Clause" => "BSD 3-Clause \"New\" or \"Revised\" License",
        "GPL-3.0" => "GNU General Public License v3.0",
        "MulanPSL-2.0" => "Mulan Permissive Software License, Version 2",
        _ => "Other",
    };
}
