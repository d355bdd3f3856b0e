/**
 * The closure of a set of wheels on each target (docs/architecture.md, "Resolving a closure"):
 * every requirement that applies there (its marker true for the target's Python with the
 * extras chosen) is satisfied by the set, by the target's archive, or by a wheel from the
 * sources, which joins the set and whose own requirements are followed in turn. Versions are
 * chosen greedily, newest first; when a later requirer excludes a version already chosen, the
 * target is resolved again with that requirer's constraint known from the start.
 */
import { machine as hostMachine } from "node:os";
import type { Config } from "../config/types.js";
import { readPackage } from "../convert/plan.js";
import { UnsupportedWheelError, UserError } from "../errors.js";
import { epochsOf, targetConfig } from "../families/index.js";
import { markerEnvironment } from "../mapping/environment.js";
import { mapRequirement } from "../mapping/map.js";
import { evaluateMarker } from "../model/markers.js";
import { normalizeExtra } from "../model/name.js";
import type { WheelPackage } from "../model/package.js";
import { satisfiesSpecifiers, specifiersToString } from "../model/specifier.js";
import type { Requirement } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";
import { checkRequiresPython } from "../targets/compatibility.js";
import { loadTargetArchive, type TargetArchive } from "./archive.js";
import { chooseWheel, type Constraint } from "./choose.js";
import { HashMismatchError, type WheelSources } from "./sources.js";
import type {
  ArchiveSatisfied,
  ClosurePlan,
  PulledWheel,
  RequirerChain,
  TargetClosure,
  UnsatisfiedRequirement,
} from "./types.js";
import { compare } from "../targets/common/files.js";

/** A wheel given to the batch: where the closure starts. */
export interface ClosureRoot {
  wheel: string;
  pkg: WheelPackage;
  /** The extras folded into its package, whose requirements apply too. */
  extras: readonly string[];
}

/** Options of {@link resolveClosure}. */
export interface ClosureOptions {
  profiles: readonly TargetProfile[];
  config: Config;
  sources: WheelSources;
  /** The archive each target is asked (default: its archive index, read or taken as saved). */
  archiveOf?: (profile: TargetProfile) => TargetArchive | Promise<TargetArchive>;
  /** Take pre-releases like final releases (`--pre`). */
  prereleases?: boolean;
  /** The machine the packages are for (default: this host's). */
  machine?: string;
}

/** How a project is met on a target while resolving. */
type Node =
  | {
      kind: "set";
      project: string;
      version: string;
      pkg: WheelPackage;
      wheel: string;
      pulled: PulledWheel | null;
      chain: RequirerChain;
      extras: Set<string>;
    }
  | {
      kind: "archive";
      satisfied: ArchiveSatisfied;
      /** A wheel of the project read for the requirements of its extras, which the archive's package lacks. */
      extrasFrom: Extract<Node, { kind: "set" }> | null;
    }
  | { kind: "unsatisfied"; entry: UnsatisfiedRequirement };

/** One requirement waiting to be met, with who asked for it. */
interface Pending {
  requirement: Requirement;
  /** The requirer, `project` or `project[extra]`. */
  by: string;
  /** The extra under which the requirer's marker holds ("" for none). */
  extra: string;
  chain: RequirerChain;
}

const label = (project: string, extra: string): string =>
  extra === "" ? project : `${project}[${extra}]`;

/** The state shared by the targets of one resolution: wheels read once. */
class Reader {
  private readonly reads = new Map<string, Promise<WheelPackage>>();
  read(path: string): Promise<WheelPackage> {
    let found = this.reads.get(path);
    if (found === undefined) {
      found = readPackage(path).then((r) => r.pkg);
      this.reads.set(path, found);
    }
    return found;
  }
}

/** One pass over one target; `carried` are constraints known from an earlier pass. */
class TargetPass {
  readonly nodes = new Map<string, Node>();
  readonly constraints = new Map<string, Constraint[]>();
  /** Projects whose chosen version a later requirer excludes. */
  readonly stale = new Set<string>();
  readonly closure: TargetClosure;
  private readonly queue: Pending[] = [];

  constructor(
    private readonly profile: TargetProfile,
    private readonly options: ClosureOptions & { machine: string },
    private readonly archive: TargetArchive,
    private readonly reader: Reader,
    private readonly carried: ReadonlyMap<string, readonly Constraint[]>,
  ) {
    this.closure = {
      target: profile.id,
      archive: { checked: true, source: "" },
      pulled: [],
      satisfiedByArchive: [],
      unsatisfied: [],
    };
  }

  async run(roots: readonly ClosureRoot[]): Promise<void> {
    for (const root of roots) {
      const { normalizedName: project, version } = root.pkg.metadata;
      const node = {
        kind: "set" as const,
        project,
        version,
        pkg: root.pkg,
        wheel: root.wheel,
        pulled: null,
        chain: [],
        extras: new Set<string>(),
      };
      this.nodes.set(project, node);
    }
    for (const root of roots) {
      const node = this.nodes.get(root.pkg.metadata.normalizedName);
      if (node?.kind === "set") this.expand(node, ["", ...root.extras.map(normalizeExtra)]);
    }
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      await this.meet(next);
    }
  }

  /** Queues the requirements a wheel adds with these extras (a self-requirement adds extras). */
  private expand(node: Extract<Node, { kind: "set" }>, extras: readonly string[]): void {
    const fresh = extras.filter((e) => !node.extras.has(e));
    if (fresh.length === 0) return;
    for (const e of fresh) node.extras.add(e);
    const machine = node.pkg.tags.machine ?? this.options.machine;
    for (const requirement of node.pkg.metadata.requiresDist) {
      for (const extra of fresh) {
        const env = markerEnvironment(this.profile, machine, extra);
        if (requirement.marker !== null && evaluateMarker(requirement.marker, env).value === false)
          continue;
        // Extras' requirements hold without the extra too when their marker does not name it.
        if (
          extra !== "" &&
          (requirement.marker === null ||
            evaluateMarker(requirement.marker, markerEnvironment(this.profile, machine, ""))
              .value !== false)
        )
          continue;
        if (requirement.normalizedName === node.project) {
          this.expand(node, requirement.extras.map(normalizeExtra));
          continue;
        }
        const by = label(node.project, extra);
        this.queue.push({ requirement, by, extra, chain: [...node.chain, by] });
      }
    }
  }

  private constrain(project: string, constraint: Constraint): Constraint[] {
    const list = this.constraints.get(project) ?? [];
    list.push(constraint);
    this.constraints.set(project, list);
    return list;
  }

  private unsatisfied(
    item: Pending,
    reason: UnsatisfiedRequirement["reason"],
    detail: string,
  ): void {
    const { requirement } = item;
    const entry: UnsatisfiedRequirement = {
      requirement: requirement.raw,
      project: requirement.normalizedName,
      chain: [...item.chain, requirement.raw],
      reason,
      detail,
    };
    this.closure.unsatisfied.push(entry);
    this.nodes.set(requirement.normalizedName, { kind: "unsatisfied", entry });
  }

  /** Meets one requirement: by the set, the archive or a wheel from the sources. */
  private async meet(item: Pending): Promise<void> {
    const { requirement, by } = item;
    const project = requirement.normalizedName;
    const constraint = { by, specifiers: requirement.specifiers };
    const constraints = this.constrain(project, constraint);
    const node = this.nodes.get(project);
    if (node?.kind === "unsatisfied") return;
    if (node?.kind === "archive") {
      if (!node.satisfied.requiredBy.includes(by)) node.satisfied.requiredBy.push(by);
      await this.archiveExtras(node, item, constraints);
      return;
    }
    if (node?.kind === "set") {
      node.pulled?.requiredBy.push(by);
      if (!satisfiesSpecifiers(node.version, requirement.specifiers, { prereleases: true })) {
        if (node.pulled === null) {
          this.unsatisfied(
            item,
            "version-conflict",
            `the set's own ${node.project} is ${node.version}; ${by} wants ${specifiersToString(requirement.specifiers)}`,
          );
        } else this.stale.add(project);
        return;
      }
      this.expand(node, requirement.extras.map(normalizeExtra));
      return;
    }
    // Nothing in the set yet: the archive first, then the sources.
    // Mapped as planning maps it: the archive's spellings and epochs are the package's.
    const { index } = this.archive;
    const rules = targetConfig(this.options.config, this.profile, index).names;
    const mapped = mapRequirement(requirement, this.profile, {
      machine: this.options.machine,
      rules,
      extra: item.extra,
      ...(index === undefined ? {} : { epochOf: epochsOf(index) }),
    });
    if (mapped.dependencies.length === 0) return; // a rule drops it: nothing is needed
    const verdicts = await Promise.all(mapped.dependencies.map((r) => this.archive.satisfies(r)));
    const unchecked = verdicts.find((v) => v.kind === "unchecked");
    if (unchecked !== undefined)
      this.closure.archive = { checked: false, source: unchecked.detail };
    else if (this.closure.archive.source === "" && verdicts[0] !== undefined)
      this.closure.archive.source = this.archive.index?.describe() ?? "the target's archive";
    if (
      verdicts.length > 0 &&
      verdicts.every((v) => v.kind === "satisfied") &&
      requirement.extras.length === 0
    ) {
      const satisfied: ArchiveSatisfied = {
        requirement: requirement.raw,
        project,
        relations: mapped.dependencies,
        requiredBy: [by],
        detail: verdicts.map((v) => v.detail).join("; "),
      };
      this.closure.satisfiedByArchive.push(satisfied);
      const archived: Node = { kind: "archive", satisfied, extrasFrom: null };
      this.nodes.set(project, archived);
      await this.archiveExtras(archived, item, constraints);
      return;
    }
    await this.pull(item, [...(this.carried.get(project) ?? []), ...constraints]);
  }

  /**
   * The extras a requirement asks of a project the archive provides: the archive's package
   * has only the project itself, so what the extras add is read from the project's wheel and
   * met like any requirement; the wheel itself does not join the set.
   */
  private async archiveExtras(
    node: Extract<Node, { kind: "archive" }>,
    item: Pending,
    constraints: readonly Constraint[],
  ): Promise<void> {
    const extras = item.requirement.extras.map(normalizeExtra);
    if (extras.length === 0) return;
    if (node.extrasFrom === null) {
      const found = await this.fetchChosen(item, constraints);
      if (found === null) return;
      const { project, version } = {
        project: found.pkg.metadata.normalizedName,
        version: found.pkg.metadata.version,
      };
      node.extrasFrom = {
        kind: "set",
        project,
        version,
        pkg: found.pkg,
        wheel: found.wheel,
        pulled: null,
        chain: item.chain,
        extras: new Set([""]),
      };
    }
    this.expand(node.extrasFrom, extras);
  }

  /**
   * The wheel the target takes for a requirement, fetched and read, or null when none can be
   * (then the requirement is listed as unsatisfied).
   */
  private async fetchChosen(
    item: Pending,
    constraints: readonly Constraint[],
  ): Promise<{ pkg: WheelPackage; wheel: string; source: string } | null> {
    const project = item.requirement.normalizedName;
    const { sources } = this.options;
    const candidates = await sources.candidates(project);
    const excluded = new Set<string>();
    for (;;) {
      const choice = chooseWheel(candidates, constraints, this.profile, {
        prereleases: this.options.prereleases === true,
        machine: this.options.machine,
        excluded,
      });
      if ("reason" in choice) {
        this.unsatisfied(item, choice.reason, choice.detail);
        return null;
      }
      const { chosen } = choice;
      try {
        const wheel = await sources.localFile(chosen);
        const pkg = await this.reader.read(wheel);
        checkRequiresPython(wheel, pkg.metadata.requiresPython, this.profile);
        const source = chosen.location.kind === "url" ? chosen.location.url : chosen.source;
        return { pkg, wheel, source };
      } catch (error) {
        if (error instanceof HashMismatchError) {
          this.unsatisfied(item, "hash-mismatch", error.describe());
          return null;
        }
        if (error instanceof UnsupportedWheelError) {
          excluded.add(chosen.filename);
          continue;
        }
        if (!(error instanceof UserError)) throw error;
        this.unsatisfied(item, "unreadable", error.describe());
        return null;
      }
    }
  }

  /** Chooses, fetches and reads a wheel for the requirement, and follows its requirements. */
  private async pull(item: Pending, constraints: readonly Constraint[]): Promise<void> {
    const { requirement } = item;
    const project = requirement.normalizedName;
    const found = await this.fetchChosen(item, constraints);
    if (found === null) return;
    const { pkg, wheel } = found;
    const pulled: PulledWheel = {
      project,
      version: pkg.metadata.version,
      wheel,
      source: found.source,
      extras: [],
      requiredBy: [item.by],
      chain: item.chain,
    };
    this.closure.pulled.push(pulled);
    const node = {
      kind: "set" as const,
      project,
      version: pkg.metadata.version,
      pkg,
      wheel,
      pulled,
      chain: item.chain,
      extras: new Set<string>(),
    };
    this.nodes.set(project, node);
    this.expand(node, ["", ...requirement.extras.map(normalizeExtra)]);
  }

  /** The closure as the plan shows it: requirers and extras sorted, pulled wheels by project. */
  finish(): TargetClosure {
    for (const node of this.nodes.values()) {
      if (node.kind !== "set" || node.pulled === null) continue;
      node.pulled.extras = [...node.extras].filter((e) => e !== "").sort();
      node.pulled.requiredBy = [...new Set(node.pulled.requiredBy)].sort();
    }
    this.closure.pulled.sort((a, b) => compare(a.project, b.project));
    for (const s of this.closure.satisfiedByArchive) s.requiredBy.sort();
    return this.closure;
  }
}

const maxPasses = 5;

/** Resolves one target: passes until no chosen version is excluded by a later requirer. */
async function resolveTarget(
  roots: readonly ClosureRoot[],
  profile: TargetProfile,
  options: ClosureOptions & { machine: string },
  reader: Reader,
): Promise<TargetClosure> {
  const archive = await (options.archiveOf ?? ((p) => loadTargetArchive(p, options.config)))(
    profile,
  );
  const carried = new Map<string, Constraint[]>();
  for (let passNumber = 1; ; passNumber += 1) {
    const pass = new TargetPass(profile, options, archive, reader, carried);
    await pass.run(roots);
    if (pass.stale.size === 0) return pass.finish();
    if (passNumber === maxPasses) {
      const closure = pass.finish();
      for (const project of pass.stale) {
        const asked = pass.constraints.get(project) ?? [];
        const pulled = closure.pulled.find((p) => p.project === project);
        closure.unsatisfied.push({
          requirement: project,
          project,
          chain: [...(pulled?.chain ?? []), project],
          reason: "version-conflict",
          detail: asked
            .map((c) => `${c.by} wants ${specifiersToString(c.specifiers) || "any"}`)
            .join("; "),
        });
      }
      return closure;
    }
    for (const project of pass.stale) carried.set(project, pass.constraints.get(project) ?? []);
  }
}

/**
 * Resolves the closure of `roots` on every target. Throws a UserError for a source that cannot
 * be asked (a directory that cannot be read, an index that answers an error or garbage); what
 * cannot be satisfied is listed per target, never thrown.
 */
export async function resolveClosure(
  roots: readonly ClosureRoot[],
  options: ClosureOptions,
): Promise<ClosurePlan> {
  const full = { ...options, machine: options.machine ?? hostMachine() };
  const reader = new Reader();
  const targets: TargetClosure[] = [];
  for (const profile of options.profiles)
    targets.push(await resolveTarget(roots, profile, full, reader));
  const notes: string[] = [];
  const files = new Map<string, { wheel: string; target: string }>();
  for (const target of targets) {
    for (const p of target.pulled) {
      const first = files.get(p.project);
      if (first === undefined) files.set(p.project, { wheel: p.wheel, target: target.target });
      else if (first.wheel !== p.wheel) {
        notes.push(
          `${p.project}: ${first.target} takes ${first.wheel}, ${target.target} takes ${p.wheel}; one batch holds one wheel per project, so resolve these targets in separate runs`,
        );
      }
    }
  }
  return { targets, notes };
}
