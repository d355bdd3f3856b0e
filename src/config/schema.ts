/**
 * The schema of wheel2pkg.toml, written as data, and the validator that checks a parsed document
 * against it: unknown keys and wrong types are rejected, and every problem is collected with its
 * key path so that all of them can be reported at once.
 */
import { renamePatternProblem } from "../mapping/rename-pattern.js";
import { isValidExtra, isValidName } from "../model/name.js";
import { isSpdxExpression } from "../model/spdx.js";
import { profiles } from "../profiles/index.js";
import type { KeyPath } from "./positions.js";

/** What a string value must look like. */
export type StringFormat =
  "text" | "python-name" | "extra-name" | "package-name" | "regex" | "email" | "release" | "spdx";

/** What the keys of an open table (a `map`) must look like. */
export type KeyFormat = "python-name" | "target-id" | "rule-id";

/** One node of the schema. Tables are closed (unknown keys are errors); maps are open. */
export type Schema =
  | { type: "string"; format: StringFormat }
  | { type: "enum"; values: readonly string[] }
  | { type: "integer"; minimum: number }
  | { type: "boolean" }
  | { type: "array"; items: Schema }
  | { type: "table"; fields: Readonly<Record<string, Schema>>; required?: readonly string[] }
  | { type: "map"; keys: KeyFormat; values: Schema };

const text: Schema = { type: "string", format: "text" };
const pythonName: Schema = { type: "string", format: "python-name" };
const packageName: Schema = { type: "string", format: "package-name" };
const positiveInteger: Schema = { type: "integer", minimum: 1 };

const mappingFields: Readonly<Record<string, Schema>> = {
  overrides: { type: "map", keys: "python-name", values: packageName },
  rename: {
    type: "array",
    items: {
      type: "table",
      fields: { pattern: { type: "string", format: "regex" }, replace: text },
      required: ["pattern", "replace"],
    },
  },
  ignore: { type: "array", items: pythonName },
  extras: { type: "enum", values: ["recommends", "suggests", "ignore"] },
  "with-extras": { type: "array", items: { type: "string", format: "extra-name" } },
  "dev-extras": { type: "array", items: { type: "string", format: "extra-name" } },
};

/** The whole file. README.md "Configuration" documents every key. */
export const configSchema: Schema = {
  type: "table",
  fields: {
    maintainer: {
      type: "table",
      fields: { name: text, email: { type: "string", format: "email" } },
    },
    release: { type: "string", format: "release" },
    builder: { type: "enum", values: ["dpkg", "direct"] },
    changelog: { type: "array", items: text },
    templates: text,
    mapping: {
      type: "table",
      fields: {
        ...mappingFields,
        targets: {
          type: "map",
          keys: "target-id",
          values: { type: "table", fields: mappingFields },
        },
      },
    },
    lint: {
      type: "table",
      fields: {
        severity: {
          type: "map",
          keys: "rule-id",
          values: { type: "enum", values: ["error", "warning", "info", "off"] },
        },
      },
    },
    limits: {
      type: "table",
      fields: {
        members: positiveInteger,
        "unpacked-size": positiveInteger,
        "unpacked-ratio": positiveInteger,
        "compression-ratio": positiveInteger,
      },
    },
    archive: {
      type: "table",
      fields: {
        cache: text,
        targets: {
          type: "map",
          keys: "target-id",
          values: {
            type: "table",
            fields: { sources: { type: "array", items: text } },
            required: ["sources"],
          },
        },
      },
    },
    packages: {
      type: "map",
      keys: "python-name",
      values: {
        type: "table",
        fields: {
          name: packageName,
          license: { type: "string", format: "spdx" },
          "command-extras": { type: "boolean" },
          targets: {
            type: "map",
            keys: "target-id",
            values: { type: "table", fields: { name: packageName }, required: ["name"] },
          },
        },
      },
    },
  },
};

/** A value that does not fit the schema. */
export interface SchemaProblem {
  path: KeyPath;
  message: string;
}

/** Checks a parsed TOML value against a schema; returns every problem (none: valid). */
export function validate(value: unknown, schema: Schema, path: KeyPath = []): SchemaProblem[] {
  const problem = (message: string, at: KeyPath = path): SchemaProblem[] => [{ path: at, message }];
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") return problem(`expected a string, found ${tomlType(value)}`);
      return stringProblems(value, schema.format).flatMap((message) => problem(message));
    case "enum":
      return typeof value === "string" && schema.values.includes(value)
        ? []
        : problem(
            `expected one of ${schema.values.map((v) => `"${v}"`).join(", ")}, found ${typeof value === "string" ? `"${value}"` : tomlType(value)}`,
          );
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value))
        return problem(`expected an integer, found ${tomlType(value)}`);
      if (!Number.isSafeInteger(value)) return problem(`${value} is too large`);
      return value >= schema.minimum
        ? []
        : problem(`expected an integer of at least ${schema.minimum}, found ${value}`);
    case "boolean":
      return typeof value === "boolean"
        ? []
        : problem(`expected true or false, found ${tomlType(value)}`);
    case "array":
      if (!Array.isArray(value)) return problem(`expected an array, found ${tomlType(value)}`);
      return value.flatMap((item, i) => validate(item, schema.items, [...path, i]));
    case "table": {
      if (!isTable(value)) return problem(`expected a table, found ${tomlType(value)}`);
      const known = Object.keys(schema.fields);
      const missing = (schema.required ?? []).filter((key) => !Object.hasOwn(value, key));
      return [
        ...missing.flatMap((key) => problem(`missing key "${key}"`)),
        ...Object.entries(value).flatMap(([key, item]) => {
          const field = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
          return field === undefined
            ? problem(`unknown key "${key}"; expected one of: ${known.join(", ")}`, [...path, key])
            : validate(item, field, [...path, key]);
        }),
      ];
    }
    case "map":
      if (!isTable(value)) return problem(`expected a table, found ${tomlType(value)}`);
      return Object.entries(value).flatMap(([key, item]) => {
        const keyProblem = keyFormatProblem(key, schema.keys);
        return keyProblem !== null
          ? problem(keyProblem, [...path, key])
          : validate(item, schema.values, [...path, key]);
      });
  }
}

/** A plain TOML table (smol-toml gives null-prototype objects; dates are objects too). */
export function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function tomlType(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date-time";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a float";
  if (typeof value === "bigint") return "an integer";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "string") return "a string";
  return "a table";
}

function stringProblems(value: string, format: StringFormat): string[] {
  switch (format) {
    case "text":
      return [];
    case "python-name":
      return isValidName(value) ? [] : [`"${value}" is not a Python project name (PEP 508)`];
    case "extra-name":
      return isValidExtra(value) ? [] : [`"${value}" is not an extra name (PEP 685)`];
    case "package-name":
      return /^[A-Za-z0-9][A-Za-z0-9+._-]*$/.test(value)
        ? []
        : [`"${value}" is not a package name`];
    case "regex": {
      const problem = renamePatternProblem(value);
      return problem === null ? [] : [`invalid regular expression: ${problem}`];
    }
    case "email":
      return /^[^\s<>@]+@[^\s<>@]+$/.test(value) ? [] : [`"${value}" is not an e-mail address`];
    case "release":
      // Characters both an RPM Release and a Debian revision accept.
      return /^[A-Za-z0-9.+~]+$/.test(value)
        ? []
        : [`"${value}" is not a release (letters, digits, ".", "+", "~")`];
    case "spdx":
      return isSpdxExpression(value) ? [] : [`"${value}" is not an SPDX license expression`];
  }
}

function keyFormatProblem(key: string, format: KeyFormat): string | null {
  switch (format) {
    case "python-name":
      return isValidName(key) ? null : `"${key}" is not a Python project name (PEP 508)`;
    case "target-id":
      return profiles.has(key)
        ? null
        : `unknown target "${key}"; known targets: ${[...profiles.keys()].sort().join(", ")}`;
    case "rule-id":
      return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)
        ? null
        : `"${key}" is not a rule id (kebab-case)`;
  }
}
