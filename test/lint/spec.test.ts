import { describe, expect, it } from "vitest";
import { parseSpec, specTag, targetPath } from "../../src/lint/inputs/spec.js";
import { getProfile } from "../../src/profiles/index.js";

const spec = `%global srcname demo
Name:           python-%{srcname}
Version:        1.0
Summary:        Demo things
# wheel2pkg-lint: disable=rpm-source-name,summary-too-long

%description
Text.

%package -n python3-%{srcname}
Summary:        %{summary}
Requires:       python3dist(a), python3dist(b)

%package doc
Summary:        Docs

%files -n python3-%{srcname}
%license %{python3_sitelib}/demo-1.0.dist-info/licenses/LICENSE
%dir %{python3_sitelib}/demo-1.0.dist-info
%attr(0755,root,root) %{_bindir}/demo
%ghost %{python3_sitelib}/ghost

%files doc
%doc README.md

%changelog
- Name: not a tag here
`;

describe("parseSpec", () => {
  const parsed = parseSpec(spec);

  it("expands %global and preamble macros in names and values", () => {
    expect(parsed.name).toBe("python-demo");
    expect(parsed.packages.map((p) => p.name)).toEqual([
      "python-demo",
      "python3-demo",
      "python-demo-doc",
    ]);
    const sub = parsed.packages[1];
    expect(sub === undefined ? undefined : specTag(sub, "summary")).toEqual({
      tag: "summary",
      value: "Demo things",
      line: 11,
    });
  });

  it("reads %files entries with their directives and lines", () => {
    expect(parsed.files.map((f) => f.name)).toEqual(["python3-demo", "python-demo-doc"]);
    const plain = { dir: false, ghost: false, license: false, doc: false, pycached: false };
    expect(parsed.files[0]?.entries).toEqual([
      {
        ...plain,
        path: "%{python3_sitelib}/demo-1.0.dist-info/licenses/LICENSE",
        license: true,
        line: 18,
      },
      { ...plain, path: "%{python3_sitelib}/demo-1.0.dist-info", dir: true, line: 19 },
      { ...plain, path: "%{_bindir}/demo", line: 20 },
      { ...plain, path: "%{python3_sitelib}/ghost", ghost: true, line: 21 },
    ]);
    expect(parsed.files[1]?.entries).toEqual([
      { ...plain, path: "README.md", doc: true, line: 24 },
    ]);
  });

  it("reads %pycached and openSUSE's path-taking %files macros, and keeps the lines", () => {
    const files = parseSpec(
      "Name: x\n%files\n%pycached %{python3_sitelib}/a.py\n%pycache_only %{python_sitelib}/__pycache__/a.*.pyc\n%python_alternative %{_bindir}/a\n",
    );
    expect(files.files[0]?.entries.map((e) => [e.path, e.pycached])).toEqual([
      ["%{python3_sitelib}/a.py", true],
      ["%{python_sitelib}/__pycache__/a.*.pyc", false],
      ["%{_bindir}/a", false],
    ]);
    expect(files.lines[2]).toBe("%pycached %{python3_sitelib}/a.py");
  });

  it("keeps a definition's reference to itself, which would grow with each definition", () => {
    const exclude = "%global __requires_exclude %{?__requires_exclude:%{__requires_exclude}|}";
    const chained = Array.from({ length: 40 }, (_, i) => `${exclude}^p${String(i)}`).join("\n");
    const started = Date.now();
    const parsed = parseSpec(`${chained}\nName: python-%{__requires_exclude}\n`);
    // The last definition, its own reference expanded only as deep as any other macro.
    expect(parsed.name).toMatch(/^python-%\{\?__requires_exclude:.*\|\}\^p39$/);
    expect(parsed.name).not.toContain("^p38");
    expect(parsed.name.length).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("collects inline disables", () => {
    expect([...parsed.disabled].sort()).toEqual(["rpm-source-name", "summary-too-long"]);
  });

  it("ignores tag-like lines outside preambles", () => {
    expect(parsed.packages.flatMap((p) => p.tags.map((t) => t.tag))).not.toContain("name:");
    expect(parsed.packages[0]?.tags.filter((t) => t.tag === "name")).toHaveLength(1);
  });
});

describe("targetPath", () => {
  it.each([
    ["fedora", "%{python3_sitelib}/x", "/usr/lib/python3.15/site-packages/x"],
    ["fedora", "%{python3_sitearch}/x", "/usr/lib64/python3.15/site-packages/x"],
    ["fedora", "%{_bindir}/x", "/usr/bin/x"],
    ["epel-9", "%{python3_sitelib}", "/usr/lib/python3.9/site-packages"],
    ["fedora", "%{unknown_macro}/x", "%{unknown_macro}/x"],
  ])("%s: %s → %s", (target, path, expected) => {
    expect(targetPath(path, getProfile(target))).toBe(expected);
  });
});
