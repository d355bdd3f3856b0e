/**
 * rpm's version order (rpmvercmp, and EVR comparison as rpmdsCompare does it), as dnf and
 * zypper compare the archive's versions with the relations wheel2pkg writes: alphanumeric
 * segments compared numerically or as text, `~` before everything (even the end), `^` after
 * the end but before anything else.
 */

const alphanumeric = /[A-Za-z0-9]/;

/** rpmvercmp: the sign of a − b for one version or release string. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !alphanumeric.test(a[i] ?? "") && a[i] !== "~" && a[i] !== "^") i += 1;
    while (j < b.length && !alphanumeric.test(b[j] ?? "") && b[j] !== "~" && b[j] !== "^") j += 1;
    if (a[i] === "~" || b[j] === "~") {
      if (a[i] !== "~") return 1;
      if (b[j] !== "~") return -1;
      i += 1;
      j += 1;
      continue;
    }
    if (a[i] === "^" || b[j] === "^") {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== "^") return 1;
      if (b[j] !== "^") return -1;
      i += 1;
      j += 1;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = /[0-9]/.test(a[i] ?? "");
    const run = numeric ? /^[0-9]+/ : /^[A-Za-z]+/;
    const x = run.exec(a.slice(i))?.[0] ?? "";
    const y = run.exec(b.slice(j))?.[0] ?? "";
    i += x.length;
    j += y.length;
    // Segments of different kinds: a number is newer than letters.
    if (y === "") return numeric ? 1 : -1;
    if (numeric) {
      const p = x.replace(/^0+/, "");
      const q = y.replace(/^0+/, "");
      if (p.length !== q.length) return p.length > q.length ? 1 : -1;
      if (p !== q) return p > q ? 1 : -1;
    } else if (x !== y) return x > y ? 1 : -1;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** An EVR split: `2:1.2-3.fc41` → epoch 2, `1.2`, `3.fc41` (release null when absent). */
export function splitEvr(evr: string): { epoch: number; version: string; release: string | null } {
  const colon = evr.indexOf(":");
  const epoch = colon > 0 ? Number(evr.slice(0, colon)) : 0;
  const rest = colon > 0 ? evr.slice(colon + 1) : evr;
  const dash = rest.lastIndexOf("-");
  return dash < 0
    ? { epoch, version: rest, release: null }
    : { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

/**
 * The sign of a − b for two EVRs. As rpm compares a relation with a package, a release is
 * compared only when both sides have one.
 */
export function compareRpmVersions(a: string, b: string): number {
  const x = splitEvr(a);
  const y = splitEvr(b);
  if (x.epoch !== y.epoch) return Math.sign(x.epoch - y.epoch);
  const version = rpmvercmp(x.version, y.version);
  if (version !== 0 || x.release === null || y.release === null) return version;
  return rpmvercmp(x.release, y.release);
}

/** Whether `evr` satisfies `op bound` (`<`, `<=`, `=`, `>=`, `>`). */
export function rpmVersionSatisfies(evr: string, op: string, bound: string): boolean {
  const order = compareRpmVersions(evr, bound);
  switch (op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case "=":
      return order === 0;
    case ">=":
      return order >= 0;
    case ">":
      return order > 0;
    default:
      return false;
  }
}
