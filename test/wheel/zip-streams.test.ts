import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { WheelLimits } from "../../src/wheel/index.js";
import { WheelZip } from "../../src/wheel/zip.js";
import { scratchDirectory, zipBytes } from "./zip-builder.js";
import { wheelError } from "./wheel-error.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

let counter = 0;
function archive(bytes: Buffer): string {
  counter += 1;
  return scratch.write(`archive-${counter}.zip`, bytes);
}

async function withZip<T>(
  file: string,
  use: (zip: WheelZip) => Promise<T>,
  limits: Partial<WheelLimits> = {},
): Promise<T> {
  const zip = await WheelZip.open(file, { limits });
  try {
    return await use(zip);
  } finally {
    await zip.close();
  }
}

const sha256 = (data: Buffer | string): string =>
  createHash("sha256").update(data).digest("base64url");

describe("WheelZip.read and WheelZip.digest", () => {
  const small = "print('hello')\n";
  const large = Buffer.from(
    Array.from({ length: 1_000_000 }, (_, i) => `${(i * 7919) % 10007}\n`).join(""),
  );
  const file = (): string =>
    archive(
      zipBytes([
        { name: "small.py", data: small },
        { name: "stored.txt", data: "stored bytes", method: 0 },
        { name: "large.txt", data: large },
        { name: "empty.txt", data: "" },
      ]),
    );

  it("reads and hashes deflated, stored, large and empty members", async () => {
    await withZip(file(), async (zip) => {
      const expected = new Map<string, Buffer>([
        ["small.py", Buffer.from(small)],
        ["stored.txt", Buffer.from("stored bytes")],
        ["large.txt", large],
        ["empty.txt", Buffer.alloc(0)],
      ]);
      expect(large.length).toBeGreaterThan(4 * 1024 * 1024); // the streaming path
      for (const [name, data] of expected) {
        const member = zip.member(name);
        if (member === undefined) throw new Error(`no ${name}`);
        // Buffer.equals: toEqual compares a 5 MB buffer index by index, for seconds.
        expect((await zip.read(member, 64 * 1024 * 1024)).equals(data)).toBe(true);
        expect(await zip.digest(member, "sha256")).toEqual({
          digest: sha256(data),
          size: data.length,
          shebang: data.subarray(0, 2).toString("latin1") === "#!",
          elf: null,
          findings: [],
        });
        const sha512 = createHash("sha512").update(data).digest("base64url");
        expect((await zip.digest(member, "sha512")).digest).toBe(sha512);
      }
    });
  });

  it("refuses to read a member larger than the cap", async () => {
    const path = file();
    const error = await wheelError(() =>
      withZip(path, async (zip) => {
        const member = zip.member("small.py");
        if (member !== undefined) await zip.read(member, 10);
      }),
    );
    expect(error.message).toMatch(/more than the 10 allowed/);
    expect(error.location).toEqual({ file: path, member: "small.py" });
  });

  it.each([
    ["inflates to more than declared (small member)", "x".repeat(5000), 100],
    ["inflates to less than declared (small member)", "x".repeat(5000), 6000],
    ["inflates to more than declared (large member)", large, 4 * 1024 * 1024 + 1],
    ["inflates to less than declared (large member)", large, large.length + 10],
  ])("a zip bomb that %s is refused by read and digest", async (_title, data, declaredSize) => {
    const path = archive(zipBytes([{ name: "liar.bin", data, declaredSize }]));
    for (const action of ["read", "digest"] as const) {
      const error = await wheelError(() =>
        withZip(path, async (zip) => {
          const member = zip.member("liar.bin");
          if (member === undefined) throw new Error("no member");
          await (action === "read"
            ? zip.read(member, 64 * 1024 * 1024)
            : zip.digest(member, "sha256"));
        }),
      );
      expect(error.message).toMatch(/zip bomb or corrupt member/);
      expect(error.location).toEqual({ file: path, member: "liar.bin" });
    }
  });

  it("refuses corrupt deflate data", async () => {
    const path = archive(
      zipBytes([
        { name: "bad.py", data: "x".repeat(100), rawData: Buffer.from("not deflate at all") },
      ]),
    );
    for (const action of ["read", "digest"] as const) {
      const error = await wheelError(() =>
        withZip(path, async (zip) => {
          const member = zip.member("bad.py");
          if (member === undefined) throw new Error("no member");
          await (action === "read" ? zip.read(member, 1024) : zip.digest(member, "sha256"));
        }),
      );
      expect(error.message).toMatch(/corrupt|zip bomb/);
      expect(error.location).toEqual({ file: path, member: "bad.py" });
    }
  });
});
