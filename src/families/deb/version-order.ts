/**
 * dpkg's version order (deb-version(7)), as apt compares the archive's versions with the
 * relations wheel2pkg writes: epoch, then upstream version and revision, each compared in
 * alternating runs of non-digits (letters before other characters, `~` before everything,
 * even the end) and digits (numerically).
 */

/** The weight of one character in a non-digit run; 0 is the end of the run. */
function weight(char: string | undefined): number {
  if (char === undefined || /[0-9]/.test(char)) return 0;
  if (char === "~") return -1;
  if (/[A-Za-z]/.test(char)) return char.charCodeAt(0);
  return char.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp: compares an upstream version or a revision. */
function compareRuns(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (
      (i < a.length && !/[0-9]/.test(a[i] ?? "")) ||
      (j < b.length && !/[0-9]/.test(b[j] ?? ""))
    ) {
      const difference = weight(a[i]) - weight(b[j]);
      if (difference !== 0) return difference;
      i += 1;
      j += 1;
    }
    while (a[i] === "0") i += 1;
    while (b[j] === "0") j += 1;
    let first = 0;
    while (/[0-9]/.test(a[i] ?? "") && /[0-9]/.test(b[j] ?? "")) {
      if (first === 0) first = a.charCodeAt(i) - b.charCodeAt(j);
      i += 1;
      j += 1;
    }
    if (/[0-9]/.test(a[i] ?? "")) return 1;
    if (/[0-9]/.test(b[j] ?? "")) return -1;
    if (first !== 0) return first;
  }
  return 0;
}

/** A Debian version split: `1:2.14.0+dfsg-1` → epoch 1, `2.14.0+dfsg`, `1`. */
export function splitDebianVersion(version: string): {
  epoch: number;
  upstream: string;
  revision: string;
} {
  const colon = version.indexOf(":");
  const epoch = colon > 0 ? Number(version.slice(0, colon)) : 0;
  const rest = colon > 0 ? version.slice(colon + 1) : version;
  const dash = rest.lastIndexOf("-");
  return dash < 0
    ? { epoch, upstream: rest, revision: "" }
    : { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}

/** The sign of a − b in dpkg's order. */
export function compareDebianVersions(a: string, b: string): number {
  const x = splitDebianVersion(a);
  const y = splitDebianVersion(b);
  if (x.epoch !== y.epoch) return Math.sign(x.epoch - y.epoch);
  return Math.sign(compareRuns(x.upstream, y.upstream) || compareRuns(x.revision, y.revision));
}

/** Whether `version` satisfies `op bound` (`<<`, `<=`, `=`, `>=`, `>>`). */
export function debianVersionSatisfies(version: string, op: string, bound: string): boolean {
  const order = compareDebianVersions(version, bound);
  switch (op) {
    case "<<":
      return order < 0;
    case "<=":
    case "<":
      return order <= 0;
    case "=":
      return order === 0;
    case ">=":
    case ">":
      return order >= 0;
    case ">>":
      return order > 0;
    default:
      return false;
  }
}
