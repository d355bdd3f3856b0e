import { describe, expect, it } from "vitest";
import { json } from "../../src/cli/output.js";

describe("json output", () => {
  it("escapes every character that could act on a terminal, and stays the same JSON", () => {
    const value = { name: "a\u001b[31mb\u0007c\u007fd\u009be\u202ef" };
    const text = json(value);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
