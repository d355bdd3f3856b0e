import { afterAll, describe, expect, it } from "vitest";
import { planConversion } from "../../../src/convert/index.js";
import { getProfile } from "../../../src/profiles/index.js";
import { fixedPackaging } from "../../helpers/convert.js";
import { scratchDirectory } from "../../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** Plans `spec`'s wheel for openSUSE and returns the plan and the rendered spec. */
async function opensuseSpec(
  metadata: string,
  tag: string,
  files: Record<string, string>,
  version = "1.0",
) {
  const filename = `demo-${version}-${tag}.whl`;
  const wheel = scratch.wheel(
    {
      version,
      metadata: `Metadata-Version: 2.1\nName: demo\nVersion: ${version}\nSummary: Demo\nLicense-Expression: MIT\n${metadata}`,
      wheel: `Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: ${tag.endsWith("any") ? "true" : "false"}\nTag: ${tag}\n`,
      files,
    },
    filename,
  );
  const plan = await planConversion(wheel, {
    profiles: [getProfile("opensuse")],
    packaging: fixedPackaging,
  });
  const planned = plan.packages[0];
  const spec = planned?.files.find((file) => file.path.endsWith(".spec"))?.content ?? "";
  return { plan: planned?.plan, spec };
}

describe("openSUSE specs", () => {
  it("builds a platform wheel for its own flavor only, from the flavor's sitearch", async () => {
    const { plan, spec } = await opensuseSpec("", "cp313-cp313-manylinux_2_17_x86_64", {
      "demo.cpython-313-x86_64-linux-gnu.so": "ELF",
    });
    expect(plan?.binaryNames).toEqual(["python313-demo"]);
    expect(plan?.architecture).toBe("x86_64");
    expect(spec).toContain("%define pythons python313\n");
    expect(spec).not.toContain("sle15_python_module_pythons");
    expect(spec).toContain("%global debug_package %{nil}\n");
    expect(spec).toContain("ExclusiveArch:  x86_64\n");
    expect(spec).toContain("%python_expand %fdupes %{buildroot}%{$python_sitearch}\n");
    expect(spec).toContain("%{python_sitearch}/demo.cpython-313-x86_64-linux-gnu.so\n");
    expect(spec).not.toContain("BuildArch:");
  });

  it("builds a pure wheel for every flavor its Requires-Python admits", async () => {
    const { plan, spec } = await opensuseSpec("Requires-Python: <3.14\n", "py3-none-any", {
      "demo/__init__.py": "",
    });
    expect(plan?.binaryNames).toEqual(["python313-demo"]);
    expect(spec).toContain("%{?sle15_python_module_pythons}\n%define skip_python314 1\nName:");
    expect(plan?.diagnostics.map((d) => d.code)).toContain("opensuse-flavor-skipped");
  });

  it("suggests the extras' relations", async () => {
    const { plan, spec } = await opensuseSpec(
      "Provides-Extra: fast\nRequires-Dist: ujson>=5; extra == 'fast'\nRequires-Dist: click\n",
      "py3-none-any",
      { "demo/__init__.py": "" },
    );
    expect(plan?.binaryNames).toEqual(["python313-demo", "python314-demo"]);
    expect(spec).toContain("Requires:       python-click\n");
    expect(spec).toContain("Suggests:       python-ujson >= 5\n");
    expect(spec).not.toMatch(/^Epoch:/m);
  });

  it("keeps a PEP 440 epoch as Epoch:, so that upgrades order as upstream's versions", async () => {
    const { spec } = await opensuseSpec("", "py3-none-any", { "demo/__init__.py": "" }, "2!1.0");
    expect(spec).toContain("Epoch:          2\nVersion:        1.0\n");
  });
});
