import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { getProfile, profiles } from "../../src/profiles/index.js";
import { root } from "../helpers/convert.js";

/** Each profile's data, as looked up (sources in the profile modules' doc comments). */
const table = [
  [
    "fedora",
    "rpm",
    "3.15",
    "3.15.2",
    "2.44",
    "/usr/lib/python3.15/site-packages",
    "/usr/lib64/python3.15/site-packages",
    "python3-",
  ],
  [
    "fedora-rawhide",
    "rpm",
    "3.15",
    "3.15.2",
    "2.44",
    "/usr/lib/python3.15/site-packages",
    "/usr/lib64/python3.15/site-packages",
    "python3-",
  ],
  [
    "epel-9",
    "rpm",
    "3.9",
    "3.9.25",
    "2.34",
    "/usr/lib/python3.9/site-packages",
    "/usr/lib64/python3.9/site-packages",
    "python3-",
  ],
  [
    "opensuse",
    "rpm",
    "3.13",
    "3.13.15",
    "2.43",
    "/usr/lib/python3.13/site-packages",
    "/usr/lib64/python3.13/site-packages",
    "python313-",
  ],
  [
    "debian-12",
    "deb",
    "3.11",
    "3.11.2",
    "2.36",
    "/usr/lib/python3/dist-packages",
    "/usr/lib/python3/dist-packages",
    "python3-",
  ],
  [
    "debian-13",
    "deb",
    "3.13",
    "3.13.5",
    "2.41",
    "/usr/lib/python3/dist-packages",
    "/usr/lib/python3/dist-packages",
    "python3-",
  ],
  [
    "ubuntu-24.04",
    "deb",
    "3.12",
    "3.12.3",
    "2.39",
    "/usr/lib/python3/dist-packages",
    "/usr/lib/python3/dist-packages",
    "python3-",
  ],
] as const;

describe("target profiles", () => {
  it("registers exactly the profiles README lists", () => {
    expect([...profiles.keys()].sort()).toEqual(table.map(([id]) => id).sort());
  });

  it.each(table)(
    "%s: %s, Python %s (%s), glibc %s, %s, %s, %s<name>",
    (id, family, python, fullVersion, glibc, purelib, platlib, binary) => {
      const profile = getProfile(id);
      expect(profile.id).toBe(id);
      expect(profile.family).toBe(family);
      expect(profile.python).toEqual({ version: python, fullVersion });
      expect(profile.glibc).toBe(glibc);
      expect(profile.paths.purelib).toBe(purelib);
      expect(profile.paths.platlib).toBe(platlib);
      expect(profile.paths.headers).toBe(`/usr/include/python${python}`);
      expect(profile.naming).toEqual({ source: "python-", binary });
      expect(profile.noarch).toBe(family === "rpm" ? "noarch" : "all");
    },
  );

  it.each([
    ["fedora", "fedora", "python3dist", true, ".fc45"],
    ["fedora-rawhide", "fedora", "python3dist", true, ".fc46"],
    ["epel-9", "fedora", "python3dist", true, ".el9"],
    ["opensuse", "opensuse", "singlespec", false, "%{nil}"],
  ] as const)("%s writes %s specs with %s relations", (id, specStyle, style, extras, distTag) => {
    const rpm = getProfile(id).rpm;
    expect(rpm?.specStyle).toBe(specStyle);
    expect(rpm?.dependencyStyle).toBe(style);
    expect(rpm?.extrasSubpackages).toBe(extras);
    expect(rpm?.distTag).toBe(distTag);
  });

  it.each([
    ["debian-12", "bookworm", 13, "4.6.2"],
    ["debian-13", "trixie", 13, "4.7.2"],
    ["ubuntu-24.04", "noble", 13, "4.6.2"],
  ] as const)(
    "%s: suite %s, debhelper compat %s, Standards-Version %s",
    (id, suite, compat, sv) => {
      expect(getProfile(id).deb).toEqual({ suite, debhelperCompat: compat, standardsVersion: sv });
    },
  );

  it.each([
    ["fedora", { x86_64: "x86_64", aarch64: "aarch64", i686: "i686" }, ["armv7l"]],
    ["epel-9", { x86_64: "x86_64", s390x: "s390x", ppc64le: "ppc64le" }, ["i686", "riscv64"]],
    ["opensuse", { aarch64: "aarch64", armv7l: "armv7hl" }, ["i686"]],
    ["debian-12", { x86_64: "amd64", ppc64le: "ppc64el", armv7l: "armhf" }, ["riscv64"]],
    ["debian-13", { aarch64: "arm64", riscv64: "riscv64", i686: "i386" }, []],
    ["ubuntu-24.04", { x86_64: "amd64", riscv64: "riscv64" }, ["i686"]],
  ] as const)("%s names architectures as the distro does", (id, names, absent) => {
    const { architectures } = getProfile(id);
    expect(architectures).toMatchObject(names);
    for (const machine of absent) expect(architectures).not.toHaveProperty(machine);
  });

  it("refuses an unknown target, listing the known ones", () => {
    expect(() => getProfile("fedora-44")).toThrow(UserError);
    expect(() => getProfile("fedora-44")).toThrow(/debian-13.*epel-9.*opensuse.*ubuntu-24\.04/);
  });
});

describe("foreign-host macros", () => {
  it.each(["fedora", "fedora-rawhide", "epel-9"])("%s defines its own paths", (id) => {
    const profile = getProfile(id);
    const macros = profile.rpm?.hostMacros ?? {};
    expect(macros.python3_sitelib).toBe(profile.paths.purelib);
    expect(macros.python3_sitearch).toBe(profile.paths.platlib);
    expect(macros.python3_version).toBe(profile.python.version);
  });

  it("openSUSE's primary flavor is the profile's Python and its stand-ins use its paths", () => {
    const profile = getProfile("opensuse");
    const [primary, ...others] = profile.rpm?.flavors ?? [];
    expect(primary).toEqual({ name: "python313", ...profile.python });
    expect(others.map((flavor) => flavor.name)).toEqual(["python314"]);
    const macros = profile.rpm?.hostMacros ?? {};
    expect(macros.python_sitelib).toBe(profile.paths.purelib);
    expect(macros.python313_sitearch).toBe(profile.paths.platlib);
    expect(macros["pyproject_install()"]).toContain('interpreter="/usr/bin/python3.13"');
  });

  it("openSUSE's stand-ins cover every openSUSE macro its specs call", () => {
    const cases = join(root, "fixtures", "cases");
    const specs = [
      readFileSync(join(root, "templates", "rpm", "opensuse.spec.njk"), "utf8"),
      ...readdirSync(cases).flatMap((wheel) =>
        existsSync(join(cases, wheel, "opensuse"))
          ? readdirSync(join(cases, wheel, "opensuse"))
              .filter((file) => file.endsWith(".spec"))
              .map((file) => readFileSync(join(cases, wheel, "opensuse", file), "utf8"))
          : [],
      ),
    ];
    const called = new Set(
      specs.flatMap((text) =>
        [...text.matchAll(/%\{?(python_\w+|pyproject_\w+|fdupes|pycache_only)/g)].map((m) => m[1]),
      ),
    );
    expect(called).toContain("python_subpackages");
    expect(called).toContain("python_expand");
    const defined = Object.keys(getProfile("opensuse").rpm?.hostMacros ?? {}).map((name) =>
      name.replace(/\(.*$/, ""),
    );
    for (const name of called) expect(defined, name).toContain(name);
  });
});
