/**
 * Debian relation fields as dpkg-gencontrol writes them into a binary package: parsed, each
 * relation implied by an earlier one (or by one of a stronger field) dropped, and written back in
 * dpkg's spelling. Versions compare in dpkg's order. A faithful subset of dpkg's Dpkg::Deps for
 * the relations wheel2pkg writes (plain names, an optional architecture qualifier, a version).
 */
import { UserError } from "../../../errors.js";

/** One relation: `name[:arch] [(op version)]`. */
interface Relation {
  name: string;
  arch: string | null;
  op: "<<" | "<=" | "=" | ">=" | ">>" | null;
  version: string | null;
}

/** Alternatives (`a | b`); one relation is a group of one. */
type Group = Relation[];

const relationPattern =
  /^([a-z0-9][a-z0-9+.-]*)(?::([a-z0-9-]+))?\s*(?:\(\s*(<<|<=|=|>=|>>|<|>)\s*([^)\s]+)\s*\))?$/;

/** Parses a relation field (substitution variables already replaced); empty items are skipped. */
export function parseRelations(field: string, where: string): Group[] {
  const groups: Group[] = [];
  for (const item of field.split(",")) {
    if (item.trim() === "") continue;
    groups.push(
      item.split("|").map((text) => {
        const match = relationPattern.exec(text.trim());
        if (match === null)
          throw new UserError(`not a Debian relation: "${text.trim()}"`, { field: where });
        const [, name = "", arch, rawOp, version] = match;
        // dpkg reads the obsolete `<` and `>` as `<=` and `>=`.
        const op =
          rawOp === "<" ? "<=" : rawOp === ">" ? ">=" : (rawOp as Relation["op"] | undefined);
        return { name, arch: arch ?? null, op: op ?? null, version: version ?? null };
      }),
    );
  }
  return groups;
}

/** A field's relations written as dpkg writes them. */
export function formatRelations(groups: readonly Group[]): string {
  return groups
    .map((group) =>
      group
        .map(
          (r) =>
            `${r.name}${r.arch === null ? "" : `:${r.arch}`}${r.op === null ? "" : ` (${r.op} ${r.version ?? ""})`}`,
        )
        .join(" | "),
    )
    .join(", ");
}

/**
 * Drops what dpkg-gencontrol's simplification drops from a dependency field: a relation implied
 * by one already kept or by one of `stronger` (Depends for Recommends and Suggests), and an
 * earlier relation that a later one implies (the later one takes its place).
 */
export function simplifyRelations(
  groups: readonly Group[],
  stronger: readonly Group[] = [],
): Group[] {
  const pending = [...groups];
  const kept: Group[] = [];
  next: while (pending.length > 0) {
    const group = pending.shift() as Group;
    for (const other of [...stronger, ...kept]) if (groupImplies(other, group)) continue next;
    for (const [index, other] of pending.entries()) {
      if (groupImplies(other, group)) {
        pending.splice(index, 1);
        pending.unshift(other);
        continue next;
      }
    }
    kept.push(group);
  }
  return kept;
}

/** Union fields (Breaks, Conflicts): duplicates dropped and sorted as dpkg sorts them. */
export function sortUnionRelations(groups: readonly Group[]): Group[] {
  const seen = new Set<string>();
  const unique = groups.filter((group) => {
    const key = formatRelations([group]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const opOrder = { null: 0, "<<": 1, "<=": 2, "=": 3, ">=": 4, ">>": 5 };
  const order = (a: Relation, b: Relation): number =>
    a.name !== b.name
      ? a.name < b.name
        ? -1
        : 1
      : opOrder[`${a.op}`] !== opOrder[`${b.op}`]
        ? opOrder[`${a.op}`] - opOrder[`${b.op}`]
        : compareDebianVersions(a.version ?? "", b.version ?? "");
  return unique.sort((a, b) => order(a[0] as Relation, b[0] as Relation));
}

/**
 * Whether `p` implies `q`: a relation implies alternatives when it implies one of them, and
 * alternatives imply only alternatives, each of theirs implying one of the others (dpkg never
 * lets `a (>= 2) | a (<< 1)` imply `a`).
 */
function groupImplies(p: Group, q: Group): boolean {
  if (p.length > 1 && q.length === 1) return false;
  return p.every((a) => q.some((b) => implies(a, b)));
}

/** Whether a package satisfying `p` always satisfies `q`. */
function implies(p: Relation, q: Relation): boolean {
  if (p.name !== q.name || p.arch !== q.arch) return false;
  if (q.op === null) return true;
  if (p.op === null) return false;
  const [pLow, pHigh] = bounds(p);
  const [qLow, qHigh] = bounds(q);
  return within(pLow, qLow, 1) && within(pHigh, qHigh, -1);
}

type Bound = { version: string; inclusive: boolean } | null;

/** The lower and upper bounds of the versions a relation admits (null: unbounded). */
function bounds(r: Relation): [Bound, Bound] {
  const version = r.version ?? "";
  switch (r.op) {
    case ">=":
      return [{ version, inclusive: true }, null];
    case ">>":
      return [{ version, inclusive: false }, null];
    case "<=":
      return [null, { version, inclusive: true }];
    case "<<":
      return [null, { version, inclusive: false }];
    default:
      return [
        { version, inclusive: true },
        { version, inclusive: true },
      ];
  }
}

/** Whether bound `p` is at least as tight as `q` (`side` 1 for lower bounds, -1 for upper). */
function within(p: Bound, q: Bound, side: 1 | -1): boolean {
  if (q === null) return true;
  if (p === null) return false;
  const c = compareDebianVersions(p.version, q.version) * side;
  return c > 0 || (c === 0 && (q.inclusive || !p.inclusive));
}

/** dpkg's order of two versions (`epoch:upstream-revision`): negative, zero or positive. */
export function compareDebianVersions(a: string, b: string): number {
  const pa = splitVersion(a);
  const pb = splitVersion(b);
  return (
    pa.epoch - pb.epoch ||
    compareParts(pa.upstream, pb.upstream) ||
    compareParts(pa.revision, pb.revision)
  );
}

function splitVersion(version: string): { epoch: number; upstream: string; revision: string } {
  const colon = version.indexOf(":");
  const epoch = colon === -1 ? 0 : Number(version.slice(0, colon));
  const rest = colon === -1 ? version : version.slice(colon + 1);
  const dash = rest.lastIndexOf("-");
  return dash === -1
    ? { epoch, upstream: rest, revision: "" }
    : { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}

/** The weight of a character in a non-digit run: `~` before the end, letters before the rest. */
function weight(c: string | undefined): number {
  if (c === undefined || /\d/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === "~") return -1;
  return c.charCodeAt(0) + 256;
}

/** dpkg's comparison of two upstream versions or revisions: non-digit runs, then numbers. */
function compareParts(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i] ?? "")) || (j < b.length && !/\d/.test(b[j] ?? ""))) {
      const d = weight(a[i]) - weight(b[j]);
      if (d !== 0) return d;
      i++;
      j++;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    let first = 0;
    while (/\d/.test(a[i] ?? "") && /\d/.test(b[j] ?? "")) {
      if (first === 0) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (/\d/.test(a[i] ?? "")) return 1;
    if (/\d/.test(b[j] ?? "")) return -1;
    if (first !== 0) return first;
  }
  return 0;
}
