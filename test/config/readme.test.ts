import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, parseConfig, type Schema } from "../../src/config/index.js";
import { targetConfig } from "../../src/families/index.js";
import { getProfile } from "../../src/profiles/index.js";

const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Library"));

/** Every key name the schema declares (table fields, at any depth). */
function schemaKeys(schema: Schema): string[] {
  switch (schema.type) {
    case "table":
      return Object.entries(schema.fields).flatMap(([key, field]) => [key, ...schemaKeys(field)]);
    case "map":
      return schemaKeys(schema.values);
    case "array":
      return schemaKeys(schema.items);
    default:
      return [];
  }
}

describe("README Configuration", () => {
  it("has an example that the schema accepts and every target can use", () => {
    const example = /```toml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const config = parseConfig(example ?? "", "/p/wheel2pkg.toml");
    expect(targetConfig(config, getProfile("debian-12")).names.overrides).toHaveLength(1);
    expect(targetConfig(config, getProfile("fedora")).names.packageOverrides).toHaveLength(1);
  });

  it.each([...new Set(schemaKeys(configSchema))])("documents the key %s", (key) => {
    expect(section).toMatch(new RegExp(`\`[^\`]*\\b${key.replace(/-/g, "\\-")}\\b[^\`]*\``));
  });
});
