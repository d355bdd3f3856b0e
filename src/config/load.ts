/**
 * Reading wheel2pkg.toml: parse (smol-toml), validate against the schema with every problem
 * located by key path, line and column, then build the typed {@link Config}. Nothing in the file
 * is ever evaluated; rename patterns are only compiled, for an engine that runs in linear time.
 */
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { parse, TomlError } from "smol-toml";
import { asFileSystemError } from "../errors.js";
import { configFileName } from "./file-name.js";
import { normalizeExtra } from "../model/name.js";
import type { WheelLimits } from "../wheel/index.js";
import {
  formatKeyPath,
  keyPositions,
  positionOf,
  type KeyPath,
  type Position,
} from "./positions.js";
import { RenamePattern } from "../mapping/rename-pattern.js";
import { configSchema, validate } from "./schema.js";
import {
  ConfigError,
  emptyConfig,
  type Config,
  type ExtrasPolicy,
  type LintSeverity,
  type MappingSection,
} from "./types.js";

export { configFileName };

/** A `[mapping]` or `[mapping.targets.<id>]` table, once the schema has accepted it. */
interface MappingDocument {
  overrides?: Record<string, string>;
  rename?: { pattern: string; replace: string }[];
  ignore?: string[];
  extras?: ExtrasPolicy;
  "with-extras"?: string[];
  "dev-extras"?: string[];
}

/** The document once the schema has accepted it. */
interface ConfigDocument {
  maintainer?: { name?: string; email?: string };
  release?: string;
  builder?: "dpkg" | "direct";
  changelog?: string[];
  templates?: string;
  mapping?: MappingDocument & { targets?: Record<string, MappingDocument> };
  lint?: { severity?: Record<string, LintSeverity> };
  limits?: {
    members?: number;
    "unpacked-size"?: number;
    "unpacked-ratio"?: number;
    "compression-ratio"?: number;
  };
  packages?: Record<
    string,
    {
      name?: string;
      license?: string;
      "command-extras"?: boolean;
      targets?: Record<string, { name: string }>;
    }
  >;
  archive?: { cache?: string; targets?: Record<string, { sources: string[] }> };
}

/** A source of an archive index: a URL as written, a path resolved from the file's directory. */
function archiveSource(location: string, file: string): string {
  return /^https?:\/\//.test(location) ? location : resolve(dirname(file), location);
}

/**
 * Loads the configuration: `path` (relative to `cwd`) when given, which must exist; otherwise
 * `wheel2pkg.toml` in `cwd` if there is one, else {@link emptyConfig}.
 */
export async function loadConfig(path?: string, cwd: string = process.cwd()): Promise<Config> {
  const file = resolve(cwd, path ?? configFileName);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (path === undefined && code === "ENOENT") return emptyConfig;
    throw asFileSystemError(error, "cannot read the configuration", path ?? configFileName);
  }
  return parseConfig(text, file, path ?? relative(cwd, file));
}

/**
 * Parses and validates config text. `file` is its absolute path (relative paths in it are
 * resolved from its directory); `shownAs` names it in errors and rule origins.
 */
export function parseConfig(text: string, file: string, shownAs: string = file): Config {
  let document: unknown;
  try {
    document = parse(text, { unsafeKeyBehaviour: "throw" });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split("\n", 1)[0]?.replace(/^Invalid TOML document: /, "");
    throw new ConfigError(shownAs, [
      { key: "", line: error.line, column: error.column, message: message ?? "invalid TOML" },
    ]);
  }
  const positions = keyPositions(text);
  const problems = validate(document, configSchema).map(({ path, message }) => ({
    key: formatKeyPath(path),
    ...positionOf(positions, path),
    message,
  }));
  if (problems.length > 0) throw new ConfigError(shownAs, problems);
  const origin = (path: KeyPath): string => {
    const { line, column }: Position = positionOf(positions, path);
    return `${shownAs}:${line}:${column}: ${formatKeyPath(path)}`;
  };
  return buildConfig(document as ConfigDocument, file, origin);
}

function buildConfig(doc: ConfigDocument, file: string, origin: (path: KeyPath) => string): Config {
  const { targets = {}, ...all } = doc.mapping ?? {};
  return {
    file,
    maintainer: { ...doc.maintainer },
    ...(doc.release === undefined ? {} : { release: doc.release }),
    ...(doc.builder === undefined ? {} : { builder: doc.builder }),
    changelog: doc.changelog ?? [],
    ...(doc.templates === undefined ? {} : { templates: resolve(dirname(file), doc.templates) }),
    mapping: mappingSection(all, ["mapping"], origin),
    mappingTargets: new Map(
      Object.entries(targets).map(([id, section]) => [
        id,
        mappingSection(section, ["mapping", "targets", id], origin),
      ]),
    ),
    lintSeverity: new Map(Object.entries(doc.lint?.severity ?? {})),
    limits: wheelLimits(doc.limits ?? {}),
    archive: {
      ...(doc.archive?.cache === undefined
        ? {}
        : { cache: resolve(dirname(file), doc.archive.cache) }),
      sources: new Map(
        Object.entries(doc.archive?.targets ?? {}).map(([id, { sources }]) => [
          id,
          sources.map((location) => archiveSource(location, file)),
        ]),
      ),
    },
    packages: Object.entries(doc.packages ?? {}).map(([project, table]) => {
      const base = ["packages", project];
      return {
        project,
        ...(table.name === undefined
          ? {}
          : { name: { project, name: table.name, origin: origin([...base, "name"]) } }),
        ...(table.license === undefined
          ? {}
          : { license: { spdx: table.license, origin: origin([...base, "license"]) } }),
        ...(table["command-extras"] === undefined
          ? {}
          : {
              commandExtras: {
                fold: table["command-extras"],
                origin: origin([...base, "command-extras"]),
              },
            }),
        targets: new Map(
          Object.entries(table.targets ?? {}).map(([id, { name }]) => [
            id,
            { project, name, origin: origin([...base, "targets", id, "name"]) },
          ]),
        ),
      };
    }),
  };
}

/** `[limits]` as the wheel reader takes it: only the keys the file sets. */
function wheelLimits(doc: NonNullable<ConfigDocument["limits"]>): Partial<WheelLimits> {
  return {
    ...(doc.members === undefined ? {} : { members: doc.members }),
    ...(doc["unpacked-size"] === undefined ? {} : { unpackedSize: doc["unpacked-size"] }),
    ...(doc["unpacked-ratio"] === undefined ? {} : { unpackedRatio: doc["unpacked-ratio"] }),
    ...(doc["compression-ratio"] === undefined
      ? {}
      : { compressionRatio: doc["compression-ratio"] }),
  };
}

function mappingSection(
  doc: MappingDocument,
  base: KeyPath,
  origin: (path: KeyPath) => string,
): MappingSection {
  return {
    overrides: Object.entries(doc.overrides ?? {}).map(([project, name]) => ({
      project,
      name,
      origin: origin([...base, "overrides", project]),
    })),
    renames: (doc.rename ?? []).map(({ pattern, replace }, i) => ({
      pattern: RenamePattern.compile(pattern),
      replace,
      origin: origin([...base, "rename", i]),
    })),
    ignores: (doc.ignore ?? []).map((project, i) => ({
      project,
      origin: origin([...base, "ignore", i]),
    })),
    ...(doc.extras === undefined ? {} : { extras: doc.extras }),
    ...(doc["with-extras"] === undefined
      ? {}
      : { withExtras: [...new Set(doc["with-extras"].map(normalizeExtra))] }),
    ...(doc["dev-extras"] === undefined
      ? {}
      : { devExtras: [...new Set(doc["dev-extras"].map(normalizeExtra))] }),
  };
}
