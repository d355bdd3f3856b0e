/**
 * fast-check arbitraries for PEP 440 versions and specifier clauses, drawn from a small space
 * (release numbers 0–3, suffix numbers 0–2) so that candidates often sit right at a clause's
 * edges: equal to its version, a pre-, post- or dev-release of it, zero-padded, one step away.
 */
import fc from "fast-check";
import {
  parseVersion,
  type Pep440Version,
  type PreReleaseLabel,
  type Specifier,
  type SpecifierOperator,
} from "../../src/model/index.js";

const small = fc.nat({ max: 2 });
const preLabel = fc.constantFrom<PreReleaseLabel>("a", "b", "rc");

/** A value one time in three, else null (so that most versions are plain). */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** Parts of a version; `local` only when asked. */
export function versionParts(options: { local?: boolean } = {}): fc.Arbitrary<Pep440Version> {
  return fc.record({
    epoch: fc.oneof(
      { weight: 6, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constant(1) },
    ),
    release: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }),
    pre: sometimes(fc.record({ label: preLabel, number: small })),
    post: sometimes(small),
    dev: sometimes(small),
    local:
      options.local === true
        ? sometimes(fc.constantFrom("abc", "1", "abc.5", "ubuntu.1", "zz"))
        : fc.constant(null),
  });
}

/** Writes parts as a PEP 440 string; `spelling` picks one of the other spellings PEP 440 allows. */
export function formatParts(parts: Pep440Version, spelling = 0): string {
  const epoch = parts.epoch !== 0 ? `${parts.epoch}!` : "";
  let pre = "";
  if (parts.pre !== null) {
    const long = { a: "alpha", b: "beta", rc: "c" }[parts.pre.label];
    pre = spelling === 1 ? `.${long}${parts.pre.number}` : `${parts.pre.label}${parts.pre.number}`;
  }
  let post = "";
  if (parts.post !== null) post = spelling === 2 ? `-${parts.post}` : `.post${parts.post}`;
  const dev = parts.dev === null ? "" : spelling === 3 ? `dev${parts.dev}` : `.dev${parts.dev}`;
  const local = parts.local === null ? "" : `+${parts.local}`;
  const text = `${epoch}${parts.release.join(".")}${pre}${post}${dev}${local}`;
  return spelling === 4 ? text.toUpperCase() : text;
}

/** A PEP 440 version string, sometimes in another spelling. */
export function version(options: { local?: boolean } = {}): fc.Arbitrary<string> {
  return fc
    .tuple(
      versionParts(options),
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.nat({ max: 4 }) },
      ),
    )
    .map(([parts, spelling]) => formatParts(parts, spelling));
}

const operators: SpecifierOperator[] = ["~=", "==", "!=", "<=", ">=", "<", ">", "==="];

/** A valid specifier clause (what packaging accepts). */
export const specifier: fc.Arbitrary<Specifier> = fc
  .tuple(
    fc.constantFrom(...operators),
    versionParts({ local: true }),
    fc.boolean(),
    fc.nat({ max: 4 }),
  )
  .map(([operator, parts, wildcard, spelling]): Specifier => {
    const equality = operator === "==" || operator === "!=";
    if (equality && wildcard) {
      const bare = { ...parts, pre: null, post: null, dev: null, local: null };
      return { operator, version: formatParts(bare), wildcard: true };
    }
    const local = equality || operator === "===" ? parts.local : null;
    const release =
      operator === "~=" && parts.release.length < 2 ? [...parts.release, 0] : parts.release;
    return {
      operator,
      version: formatParts({ ...parts, release, local }, spelling % 4),
      wildcard: false,
    };
  });

/** One-step changes of a version: the neighbours PEP 440's edge rules are about. */
const tweaks: ((p: Pep440Version) => Pep440Version)[] = [
  (p) => p,
  (p) => ({ ...p, post: (p.post ?? -1) + 1 }),
  (p) => ({ ...p, post: (p.post ?? -1) + 1, dev: 0 }),
  (p) => ({ ...p, dev: 0 }),
  (p) => ({ ...p, dev: (p.dev ?? 0) + 1 }),
  (p) => ({ ...p, dev: null }),
  (p) => ({ ...p, post: null, dev: null }),
  (p) => ({ ...p, pre: null, post: null, dev: null }),
  (p) => ({ ...p, pre: { label: "rc", number: 0 }, post: null, dev: null }),
  (p) => ({ ...p, pre: p.pre === null ? null : { ...p.pre, number: p.pre.number + 1 } }),
  (p) => ({ ...p, local: "abc" }),
  (p) => ({ ...p, post: (p.post ?? -1) + 1, local: "1" }),
  (p) => ({ ...p, release: [...p.release, 0] }),
  (p) => ({ ...p, release: [...p.release, 0, 1] }),
  (p) => ({ ...p, release: [...p.release.slice(0, -1), (p.release.at(-1) ?? 0) + 1] }),
  (p) => ({ ...p, release: [...p.release.slice(0, -1), Math.max(0, (p.release.at(-1) ?? 0) - 1)] }),
  (p) => ({ ...p, epoch: p.epoch === 0 ? 1 : 0 }),
];

/** A candidate derived from a clause's version: at it, next to it, or a variant of it. */
function near(parts: Pep440Version): fc.Arbitrary<Pep440Version> {
  return fc.oneof<fc.Arbitrary<Pep440Version>[]>(
    fc.constantFrom(...tweaks).map((tweak) => tweak(parts)),
    fc
      .tuple(fc.constantFrom(...tweaks), fc.constantFrom(...tweaks))
      .map(([t1, t2]) => t2(t1(parts))),
    versionParts({ local: true }).map((other) => ({
      ...other,
      epoch: parts.epoch,
      release: parts.release,
    })),
  );
}

/** A specifier set of one to three clauses and a candidate version, often near the first clause. */
export const specifierCase: fc.Arbitrary<{ specifiers: Specifier[]; candidate: string }> = fc
  .tuple(specifier, fc.array(specifier, { maxLength: 2 }))
  .chain(([first, rest]) => {
    const specifiers = [first, ...rest];
    const base = first.operator === "===" ? null : first.version;
    const candidates: fc.Arbitrary<string>[] = [version({ local: true })];
    if (base !== null) {
      const parts = parseVersion(base);
      if (parts === null) throw new Error(`arbitrary made an invalid version: ${base}`);
      candidates.push(near(parts).map((p) => formatParts(p)));
    } else {
      candidates.push(fc.constant(first.version));
    }
    return fc.oneof(...candidates).map((candidate) => ({ specifiers, candidate }));
  });
