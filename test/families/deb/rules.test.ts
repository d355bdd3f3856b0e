import { afterAll, describe, expect, it } from "vitest";
import { planConversion } from "../../../src/convert/index.js";
import { getProfile } from "../../../src/profiles/index.js";
import { fixedPackaging } from "../../helpers/convert.js";
import { scratchDirectory } from "../../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** The debian/rules planned for a wheel of these members. */
async function rulesFor(files: Record<string, string>): Promise<string> {
  const plan = await planConversion(scratch.wheel({ files }), {
    profiles: [getProfile("debian-12")],
    packaging: fixedPackaging,
  });
  const rules = plan.packages[0]?.files.find((file) => file.path.endsWith("/debian/rules"));
  if (rules === undefined) throw new Error("no debian/rules planned");
  return rules.content;
}

describe("debian/rules", () => {
  it("skips dh_installsystemduser for a wheel without systemd user units", async () => {
    const rules = await rulesFor({ "demo/__init__.py": "VALUE = 1\n" });
    expect(rules).toMatch(/^override_dh_installsystemduser:\n/m);
  });

  it("lets dh_installsystemduser run for a wheel that installs a user unit", async () => {
    const rules = await rulesFor({
      "demo/__init__.py": "VALUE = 1\n",
      "demo-1.0.data/data/lib/systemd/user/demo.service": "[Service]\nExecStart=/usr/bin/demo\n",
    });
    expect(rules).not.toContain("override_dh_installsystemduser");
  });
});
