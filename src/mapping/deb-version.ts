/**
 * PEP 440 → Debian versions and relations (docs/version-translation.md, "Debian family").
 * A package built from PEP 440 version W gets the upstream version `debVersion(W)`: the release
 * as upstream writes it (`2.14.0`), as Debian maintainers write it, so that it sorts with the
 * archive's own package of the same release (`2.14.0-2`), not below it.
 *
 * The relations of a requirement admit an archive package `[E:]U[X]-R` exactly when PEP 440
 * admits the version U carries, however the archive spells it: U's release with trailing zeros
 * or without, a repack suffix X (`+dfsg`, `+ds1`, `+repack`), any revision R at or above the
 * empty one (`1`, `1+b1`, `1+deb12u1`, `1~deb12u1`), and E, the epoch the archive gives the
 * package. The bounds (src/mapping/archive-bounds.ts) are written with `>=` and `<<` only, so the
 * revision never changes the answer. The cases dpkg's ordering makes inexact are listed in the
 * document: a pre- or post-release spelled with a different number of trailing zeros than the
 * bound, and `~` repacks at a lower bound.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { specifierToString } from "../model/specifier.js";
import type { Specifier } from "../model/types.js";
import { publicVersion, requireVersion, type Pep440Version } from "../model/version.js";
import {
  clauseBounds,
  spellVersion,
  type Bound,
  type BoundContext,
  type VersionSpelling,
} from "./archive-bounds.js";
import { packageClauseNotes, parseClause } from "./version-clause.js";

/** Relations for one requirement in the Debian family. */
export interface DebRelations {
  /** AND of OR-groups; each alternative is `package (op version)` or the bare package. */
  relations: string[][];
  /** Breaks entries. Empty: every `!=` is kept exactly as alternatives in `relations`. */
  breaks: string[];
  diagnostics: Diagnostic[];
}

/** The upstream part of a package's Debian version, with what was lost on the way. */
export interface DebPackageVersion {
  version: string;
  diagnostics: Diagnostic[];
}

/** Debian's spellings: post-releases `+postN`, local labels `+~label`. */
const debian: VersionSpelling = { post: "+post", local: (label) => `+~${label}` };

function context(archiveEpoch: number): BoundContext {
  return { spelling: debian, archiveEpoch };
}

/**
 * The upstream version (with `N:` epoch) of a package built from a PEP 440 version, the release
 * as upstream writes it: `2.14.0` → `2.14.0`, `1.0rc1` → `1.0~rc1`, `1.0.dev1` → `1.0~~dev1`,
 * `1.0.post1` → `1.0+post1`, `2!1.2` → `2:1.2`, `1.0+cu118` → `1.0+~cu118`. `archiveEpoch` is
 * the epoch the archive gives the package (a PEP 440 epoch adds to it). Throws a UserError for a
 * non-PEP 440 version.
 */
export function debVersion(version: string, archiveEpoch = 0): string {
  const parts = requireVersion(version);
  return spellVersion(parts, parts.release, context(archiveEpoch));
}

/** debVersion() with notes for the package's own version (a local label). */
export function debPackageVersion(version: string, archiveEpoch = 0): DebPackageVersion {
  const parts = requireVersion(version);
  const text = spellVersion(parts, parts.release, context(archiveEpoch));
  const diagnostics: Diagnostic[] = [];
  if (parts.local !== null) {
    const plain = spellVersion(publicVersion(parts), parts.release, context(archiveEpoch));
    diagnostics.push(
      diagnostic(
        "local-version-kept",
        "info",
        `${version}: the local label is kept as ${text}, after ${plain} and before its post-releases; different local labels of one version do not order as PEP 440 says`,
        "Version",
      ),
    );
  }
  return { version: text, diagnostics };
}

/** Debian writes the bounds with `>=` and `<<`: revisions never change their answer. */
const debOperator = { ">=": ">=", "<": "<<" } as const;

/** Turns one clause into bounds and notes; no groups when the clause is left out. */
function translate(
  packageName: string,
  spec: Specifier,
  archiveEpoch: number,
): { groups: Bound[][]; notes: Diagnostic[] } {
  const debString = (parts: Pep440Version) =>
    spellVersion(parts, parts.release, context(archiveEpoch));
  const clause = `${packageName} ${specifierToString(spec)}`;
  const { parts: parsed, error } = parseClause(spec, `${packageName} `);
  if (error !== null) return { groups: [], notes: [error] };
  const notes = packageClauseNotes(clause, spec, parsed, debString);
  // A `!=` on one local build is left out (packageClauseNotes says so).
  if (parsed.local !== null && spec.operator === "!=") return { groups: [], notes };
  if (spec.operator === "!=") {
    notes.push(
      diagnostic(
        "deb-ne-as-alternatives",
        "info",
        `${clause}: kept as two alternatives on the same package, the newer range first`,
      ),
    );
  }
  return { groups: clauseBounds(spec, publicVersion(parsed), context(archiveEpoch)), notes };
}

/**
 * The Depends relations of a requirement on Debian package `packageName` with these specifier
 * clauses, with the epoch the archive gives that package: `>=1.2` → `[["python3-foo (>= 1.2)"]]`,
 * `!=1.3` → `[["python3-foo (>= 1.3.0.1~~)", "python3-foo (<< 1.3)"]]`, `<2` with epoch 1 →
 * `[["python3-foo (<< 1:2~~)"]]`. No clause (or none kept):
 * the bare package.
 */
export function debRelations(
  packageName: string,
  specifiers: readonly Specifier[],
  archiveEpoch = 0,
): DebRelations {
  const relations: string[][] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const spec of specifiers) {
    const { groups, notes } = translate(packageName, spec, archiveEpoch);
    diagnostics.push(...notes);
    for (const group of groups) {
      const alternatives = group.map(
        ({ op, version }) => `${packageName} (${debOperator[op]} ${version})`,
      );
      const key = alternatives.join(" | ");
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push(alternatives);
    }
  }
  if (relations.length === 0) relations.push([packageName]);
  return { relations, breaks: [], diagnostics };
}
