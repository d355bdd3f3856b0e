import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { mapPackage, noNameRules } from "../../src/mapping/index.js";
import { buildPackage } from "../../src/model/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { families } from "../../src/families/index.js";
import { readWheel } from "../../src/wheel/index.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** A wheel shaped like httpx: a command behind a guarded import, its CLI in a private module. */
const cliWheel = (extras = "Provides-Extra: cli\nProvides-Extra: brotli\n") =>
  scratch.wheel({
    files: {
      "demo/__init__.py": `from ._client import Client
try:
    from ._main import main
except ImportError:
    def main():
        print("pip install 'demo[cli]'")
`,
      "demo/_client.py": `import json
try:
    import brotli
except ImportError:
    brotli = None
`,
      "demo/_main.py": `import click
import rich.console
from . import _client
`,
      "other/__init__.py": "import unrelated\n",
    },
    metadata: `Metadata-Version: 2.1
Name: demo
Version: 1.0
Requires-Dist: certifi
${extras}Requires-Dist: click; extra == "cli"
Requires-Dist: rich; extra == "cli"
Requires-Dist: brotli; extra == "brotli"
`,
    distInfo: { "entry_points.txt": "[console_scripts]\ndemo = demo:main\n" },
  });

describe("commandImports", () => {
  it("follows a command's module through the wheel and keeps the imports without fallback", async () => {
    const { pkg } = buildPackage(await readWheel(cliWheel()));
    expect(pkg.commandImports).toEqual([
      {
        command: "demo",
        modules: ["demo", "demo._client", "demo._main"],
        required: ["click", "json", "rich"],
      },
    ]);
  });

  it("reads no imports of a wheel without extras", async () => {
    const { pkg } = buildPackage(await readWheel(cliWheel("")));
    expect(pkg.commandImports).toEqual([]);
    expect(pkg.members.some((m) => m.imports !== undefined)).toBe(false);
  });

  it("folds the extra the command imports into the main package", async () => {
    const { pkg } = buildPackage(await readWheel(cliWheel()));
    const debian = getProfile("debian-12");
    const rules = noNameRules(families.deb.mapping);
    const mapped = mapPackage(pkg, debian, rules);
    expect(mapped.main.flatMap((r) => r.dependencies)).toEqual([
      "python3-certifi",
      "python3-click",
      "python3-rich",
    ]);
    expect([...mapped.extras.keys()]).toEqual(["brotli"]);
    expect(mapped.diagnostics.find((d) => d.code === "extras-folded")?.message).toContain(
      "[cli] (the command demo imports click, rich)",
    );
  });
});

const httpx = "/opt/pypi/files/httpx-0.28.1-py3-none-any.whl";

describe.runIf(fs.existsSync(httpx))("the real httpx wheel", () => {
  it("folds [cli], whose click, pygments and rich its command imports", async () => {
    const { pkg } = buildPackage(await readWheel(httpx));
    expect(pkg.commandImports[0]?.modules).toContain("httpx._main");
    const mapped = mapPackage(pkg, getProfile("debian-12"), noNameRules(families.deb.mapping));
    expect([...(mapped.placement?.folded ?? [].keys())]).toEqual([
      ["cli", "the command httpx imports click, pygments, rich"],
    ]);
    expect(mapped.placement?.optional).toEqual(["brotli", "http2", "socks", "zstd"]);
  });
});
