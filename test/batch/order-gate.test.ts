import { describe, expect, it } from "vitest";
import { OrderGate } from "../../src/batch/order-gate.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("OrderGate", () => {
  it("lets a package through only once the earlier packages it requires are done, per target", async () => {
    const gate = new OrderGate(["base", "lib", "app"], ["fedora", "debian-12"]);
    const passed: string[] = [];
    void gate.after("app", "fedora", ["lib", "base", "outside"]).then(() => passed.push("app"));
    void gate.after("lib", "fedora", ["base"]).then(() => passed.push("lib"));
    void gate.after("base", "fedora", []).then(() => passed.push("base"));
    await tick();
    expect(passed).toEqual(["base"]);
    gate.settle("base", "debian-12"); // another target's package does not count
    await tick();
    expect(passed).toEqual(["base"]);
    gate.settle("base", "fedora");
    await tick();
    expect(passed).toEqual(["base", "lib"]);
    gate.settle("lib", "fedora");
    await tick();
    expect(passed).toEqual(["base", "lib", "app"]);
  });

  it("does not wait across a broken cycle (the later package of the order waits, not the earlier)", async () => {
    // Build order a, b for the cycle a ⇄ b.
    const gate = new OrderGate(["a", "b"], ["fedora"]);
    const passed: string[] = [];
    void gate.after("a", "fedora", ["b"]).then(() => passed.push("a"));
    void gate.after("b", "fedora", ["a"]).then(() => passed.push("b"));
    await tick();
    expect(passed).toEqual(["a"]);
    gate.settle("a", "fedora");
    await tick();
    expect(passed).toEqual(["a", "b"]);
  });
});
