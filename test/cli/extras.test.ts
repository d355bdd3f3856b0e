import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixtureWheel } from "../helpers/convert.js";

const wheel = fixtureWheel("extras_demo-2.0.0rc1-py3-none-any.whl");

/** The control file of a preview --json for debian-12. */
async function control(...options: string[]): Promise<string> {
  const result = await runCli(["preview", wheel, "--target", "debian-12", "--json", ...options]);
  expect(result.code, result.stderr).toBe(0);
  const document = JSON.parse(result.stdout) as { files: { path: string; content: string }[] };
  return document.files.find((file) => file.path.endsWith("debian/control"))?.content ?? "";
}

/** The field's relations, one per line, as written in the control file. */
function field(text: string, name: string): string[] {
  const match = new RegExp(`^${name}:\\n((?: .*\\n)+)`, "m").exec(text);
  return (match?.[1] ?? "")
    .split("\n")
    .map((line) => line.trim().replace(/,$/, ""))
    .filter(Boolean);
}

describe("extras on Debian targets", () => {
  it("put the extras' dependencies in Suggests by default, not in Depends", async () => {
    const text = await control();
    // [test] is development-only: not packaged by default.
    expect(field(text, "Suggests")).toEqual(["python3-rich (>= 12)"]);
    expect(field(text, "Depends").join(" ")).not.toMatch(/pytest|rich|hypothesis/);
  });

  it("say in preview --json which extras went where", async () => {
    const result = await runCli(["preview", wheel, "--target", "debian-12", "--json"]);
    const document = JSON.parse(result.stdout) as { diagnostics: { code: string }[] };
    const codes = document.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["extras-dev-only", "extras-optional"]));
  });

  it("put them in Recommends, or nowhere, when asked", async () => {
    const recommends = await control("--debian-extras", "recommends");
    expect(field(recommends, "Recommends")).toContain("python3-rich (>= 12)");
    expect(field(recommends, "Suggests")).toEqual([]);
    const ignored = await control("--debian-extras", "ignore");
    expect(ignored).not.toMatch(/^(Suggests|Recommends):/m);
  });

  it("fold the chosen extras into Depends", async () => {
    const text = await control("--with-extras", "test");
    expect(field(text, "Depends")).toEqual(
      expect.arrayContaining(["python3-pytest (>= 7)", "python3-hypothesis"]),
    );
    expect(field(text, "Suggests")).toEqual(["python3-rich (>= 12)"]);
  });

  it("refuse an extra the wheel does not provide", async () => {
    const result = await runCli([
      "preview",
      wheel,
      "--target",
      "debian-12",
      "--with-extras",
      "gui",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--with-extras: the wheel has no extra "gui"; it provides: cli, test/,
    );
  });
});
