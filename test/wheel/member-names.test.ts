/**
 * Member names with control characters are refused as they are listed, and every name from the
 * wheel is shown with its control characters escaped: a name must not repaint the terminal.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readWheel } from "../../src/wheel/index.js";
import { printableName } from "../../src/wheel/printable-name.js";
import { WheelZip } from "../../src/wheel/zip.js";
import { runCli } from "../helpers/cli.js";
import { scratchDirectory, zipBytes } from "./zip-builder.js";
import { wheelError } from "./wheel-error.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** Whether text holds a C0 or C1 control character or DEL. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

describe("printableName", () => {
  it.each([
    ["demo/plain_name.py", "demo/plain_name.py"],
    ["démo/ünïcode.py", "démo/ünïcode.py"],
    ["demo/\x07.py", "demo/\\x07.py"],
    ["\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"],
    ["a\r\nb\u0085c", "a\\x0d\\x0ab\\x85c"],
    ["evil\u202eyp.exe", "evil\\u202eyp.exe"],
    ["line\u2028break", "line\\u2028break"],
    ["back\\slash", "back\\\\slash"],
  ])("shows %j as %j", (text, shown) => {
    expect(printableName(text)).toBe(shown);
  });
});

describe("member names with control characters", () => {
  it.each<[string, string, number, string, string]>([
    ["a bell", "demo/\x07.py", 0x0800, "U+0007", "demo/\\x07.py"],
    [
      "an escape sequence",
      "demo/\x1b]0;owned\x07\x1b[2J.py",
      0x0800,
      "U+001B",
      "demo/\\x1b]0;owned\\x07\\x1b[2J.py",
    ],
    ["a line feed", "demo/a\nb.py", 0x0800, "U+000A", "demo/a\\x0ab.py"],
    ["a carriage return", "demo/a\rb.py", 0x0800, "U+000D", "demo/a\\x0db.py"],
    ["DEL", "demo/a\x7fb.py", 0x0800, "U+007F", "demo/a\\x7fb.py"],
    ["a C1 control (UTF-8 name)", "demo/a\u009bb.py", 0x0800, "U+009B", "demo/a\\x9bb.py"],
    // Without the UTF-8 flag the bytes are CP437, where yauzl reads 0x07 as "•"; Python reads
    // it as the control character it is.
    ["a bell in a CP437 name", "demo/\x07.py", 0, "U+0007", "demo/\\x07.py"],
  ])(
    "refuses %s at listing time, showing the name escaped",
    async (_title, name, flags, code, shown) => {
      const wheel = scratch.wheel({
        files: { [name]: "x = 1\n" },
        entries: (e) => e.map((x) => (x.name === name ? { ...x, flags } : x)),
      });
      for (const open of [() => WheelZip.open(wheel), () => readWheel(wheel, { verify: false })]) {
        const error = await wheelError(open);
        expect(error.message).toBe(`member name holds a control character (${code})`);
        expect(error.location).toEqual({ file: wheel, member: shown });
        expect(hasControl(error.describe())).toBe(false);
      }
    },
  );
});

describe("wheel-supplied names in other messages", () => {
  it("a name yauzl finds unsafe is shown escaped", async () => {
    const file = scratch.write("unsafe.zip", zipBytes([{ name: "../\x1b[2J.py", data: "x" }]));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/unsafe member path/);
    expect(error.location.member).toBe("../\\x1b[2J.py");
  });

  it("a RECORD path that is not in the wheel is shown escaped", async () => {
    const wheel = scratch.wheel({
      record: (rows) => [...rows, ["demo/\x1b[2J.py", "", ""]],
    });
    const error = await wheelError(() => readWheel(wheel));
    expect(error.message).toBe("listed in RECORD but missing from the wheel");
    expect(error.location.member).toBe("demo/\\x1b[2J.py");
  });

  it("RECORD text quoted in a parse error is shown escaped", async () => {
    const wheel = scratch.wheel({
      record: (rows) => [...rows, ["demo/\x07.py", "sha256=\x1b[2J", "1"]],
    });
    const error = await wheelError(() => readWheel(wheel, { verify: false }));
    expect(error.message).toMatch(
      /hash of demo\/\\x07\.py is not an urlsafe-base64 sha256 digest: "\\x1b\[2J"/,
    );
    expect(hasControl(error.describe())).toBe(false);
  });

  it("the command line prints the refusal with nothing raw, and exits 2", async () => {
    const wheel = scratch.wheel({ files: { "demo/\x1b]0;owned\x07.py": "x = 1\n" } });
    for (const args of [
      ["inspect", wheel],
      ["preview", wheel, "--target", "debian-12"],
    ]) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "demo/\\x1b]0;owned\\x07.py: member name holds a control character (U+001B)",
      );
      expect(hasControl(result.stderr.replace(/\n/g, ""))).toBe(false);
    }
  });
});
