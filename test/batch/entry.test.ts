import { describe, expect, it } from "vitest";
import { errorMessage } from "../../src/batch/entry.js";
import { WheelError } from "../../src/errors.js";

describe("errorMessage", () => {
  it.each([
    ["a UserError, with its location", new WheelError("bad", { file: "a.whl" }), "a.whl: bad"],
    [
      "an errno error of the environment, in words",
      Object.assign(new Error("EACCES: permission denied, scandir '/o/x'"), {
        code: "EACCES",
        syscall: "scandir",
        path: "/o/x",
      }),
      "/o/x: cannot read directory: permission denied (EACCES)",
    ],
    ["any other error, printable", new Error("odd \x1b[1m"), "odd \\x1b[1m"],
  ])("%s", (_title, error, message) => {
    expect(errorMessage(error)).toBe(message);
  });
});
