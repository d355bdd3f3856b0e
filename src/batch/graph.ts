/**
 * The dependency graph of a batch's own wheels: which wheel of the set requires which other,
 * the order that builds follow (dependencies first) and the Graphviz picture of it.
 */
import { basename } from "node:path";
import type { BatchEntry } from "./types.js";
import { compare } from "../targets/common/files.js";

/** One wheel of the set as the graph sees it: its project and the set's projects it requires. */
export interface GraphNode {
  /** PEP 503 name of the project. */
  project: string;
  /** PEP 503 names of other projects of the set that this one requires. */
  requires: readonly string[];
}

/** The build order of a set, and the cycles that had to be broken to get it. */
export interface BuildOrder {
  /** Every project, each after the projects it requires (except across a broken cycle). */
  order: string[];
  /** Each cycle as its projects, sorted; within a cycle the order is alphabetical. */
  cycles: string[][];
}

/**
 * Orders the set so that every project comes after those it requires. Strongly connected
 * components (Tarjan) are the cycles; each is broken deterministically by placing its projects
 * in alphabetical order, so the result never depends on the order the wheels were found in.
 */
export function buildOrder(nodes: readonly GraphNode[]): BuildOrder {
  const names = [...new Set(nodes.map((n) => n.project))].sort();
  const edges = new Map<string, string[]>();
  for (const name of names) edges.set(name, []);
  for (const node of nodes) {
    const list = edges.get(node.project) ?? [];
    for (const dep of node.requires) if (edges.has(dep) && !list.includes(dep)) list.push(dep);
    list.sort();
  }
  const components = stronglyConnected(names, edges);
  const cycles = components
    .filter((c) => c.length > 1 || (edges.get(c[0] ?? "") ?? []).includes(c[0] ?? ""))
    .map((c) => [...c].sort());
  // Tarjan emits a component after every component it reaches: dependencies come first.
  return { order: components.flatMap((c) => [...c].sort()), cycles };
}

/** Tarjan's algorithm; components in reverse topological order of the condensed graph. */
function stronglyConnected(names: readonly string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  // Iterative, so that a long chain of 1,000 wheels does not exhaust the call stack.
  for (const root of names) {
    if (index.has(root)) continue;
    const work: { name: string; next: number }[] = [{ name: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { name: string; next: number };
      const targets = edges.get(frame.name) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ name: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.name, Math.min(low.get(frame.name) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.name, Math.min(low.get(parent.name) ?? 0, low.get(frame.name) ?? 0));
      }
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.name);
        components.push(component);
      }
    }
  }
  return components;
}

/** How a wheel of the picture ended, for its colour. */
export type GraphNodeState = "ok" | "refused" | "failed";

/** What an extra of a wheel adds to the picture: the set's projects and unresolved names. */
export interface GraphExtra {
  extra: string;
  requires: readonly string[];
  unresolved: readonly string[];
}

/** A wheel of the picture. */
export type GraphPictureNode = GraphNode & {
  label: string;
  state: GraphNodeState;
  /** Its extras that require something of the set or something unresolved. */
  extras?: readonly GraphExtra[];
  /** For a wheel `--resolve` pulled in, its requirers. */
  pulledBy?: readonly string[];
};

/** What `--graph` draws: the set's wheels, their edges, and requirements nothing satisfies. */
export interface GraphPicture {
  nodes: readonly GraphPictureNode[];
  /** Project → the requirement names of it that are unresolved on some target. */
  unresolved: ReadonlyMap<string, readonly string[]>;
}

function extrasOf(node: GraphPictureNode): GraphExtra[] {
  return [...(node.extras ?? [])].sort((a, b) => compare(a.extra, b.extra));
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The graph as Graphviz DOT: one box per wheel (refused ones orange, failed ones red), an edge
 * from each wheel to the set's wheels it requires, and each unresolved requirement as a red
 * dashed ellipse with a dashed edge. A wheel `--resolve` pulled in is dashed, with its requirers. An extra is an unfilled dashed box `name[extra]` hanging
 * from its wheel by a dashed line, with dashed edges to what it requires. Sorted, so the same
 * set always gives the same text.
 */
export function graphToDot(picture: GraphPicture): string {
  const lines = [
    "digraph wheel2pkg_batch {",
    "  rankdir=LR;",
    '  node [shape=box, style=filled, fillcolor="#e8f0fe"];',
  ];
  const nodes = [...picture.nodes].sort((a, b) => compare(a.project, b.project));
  const known = new Set(nodes.map((n) => n.project));
  for (const node of nodes) {
    const colour =
      node.state === "failed"
        ? ', fillcolor="#f28b82", penwidth=2'
        : node.state === "refused"
          ? ', fillcolor="#fbbc04", penwidth=2'
          : "";
    const state = node.state === "ok" ? "" : `\\n(${node.state})`;
    const pulled = node.pulledBy === undefined ? "" : `\\npulled in by ${node.pulledBy.join(", ")}`;
    const dashed = node.pulledBy === undefined ? "" : ', style="dashed,filled"';
    lines.push(
      `  ${quoted(node.project)} [label=${quoted(`${node.label}${state}${pulled}`)}${colour}${dashed}];`,
    );
    for (const { extra } of extrasOf(node)) {
      const id = `${node.project}[${extra}]`;
      lines.push(`  ${quoted(id)} [label=${quoted(id)}, style=dashed];`);
    }
  }
  const missing = new Set<string>();
  for (const node of nodes) {
    for (const dep of [...node.requires].sort()) {
      if (known.has(dep)) lines.push(`  ${quoted(node.project)} -> ${quoted(dep)};`);
    }
    for (const name of [...(picture.unresolved.get(node.project) ?? [])].sort()) {
      missing.add(name);
      lines.push(
        `  ${quoted(node.project)} -> ${quoted(`unresolved:${name}`)} [style=dashed, color=red];`,
      );
    }
    for (const extra of extrasOf(node)) {
      const id = quoted(`${node.project}[${extra.extra}]`);
      lines.push(`  ${quoted(node.project)} -> ${id} [style=dashed, arrowhead=none];`);
      for (const dep of [...extra.requires].sort()) {
        if (known.has(dep)) lines.push(`  ${id} -> ${quoted(dep)} [style=dashed];`);
      }
      for (const name of [...extra.unresolved].sort()) {
        missing.add(name);
        lines.push(`  ${id} -> ${quoted(`unresolved:${name}`)} [style=dashed, color=red];`);
      }
    }
  }
  for (const name of [...missing].sort()) {
    lines.push(
      `  ${quoted(`unresolved:${name}`)} [label=${quoted(name)}, shape=ellipse, style="dashed,filled", fillcolor="#fce8e6", color=red];`,
    );
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** An extra over all targets. */
interface MergedExtra {
  requires: Set<string>;
  unresolved: Set<string>;
}

/** The picture of a finished batch: its entries merged over the targets. */
export function batchPicture(entries: readonly BatchEntry[]): GraphPicture {
  const nodes = new Map<string, GraphPictureNode>();
  const unresolved = new Map<string, Set<string>>();
  const extras = new Map<string, Map<string, MergedExtra>>();
  for (const entry of entries) {
    const project = entry.project ?? basename(entry.wheel);
    const node = nodes.get(project) ?? {
      project,
      label: entry.project === null ? project : `${project} ${entry.version ?? ""}`.trim(),
      requires: [],
      state: "ok" as GraphNodeState,
    };
    const state: GraphNodeState =
      entry.status === "failed" ? "failed" : entry.status === "refused" ? "refused" : "ok";
    if (node.state === "ok" || state === "failed") node.state = state === "ok" ? node.state : state;
    node.requires = [...new Set([...node.requires, ...entry.requires])];
    if (entry.pulledBy !== null) {
      node.pulledBy = [...new Set([...(node.pulledBy ?? []), ...entry.pulledBy])].sort();
    }
    nodes.set(project, node);
    const names = unresolved.get(project) ?? new Set();
    for (const u of entry.unresolved) names.add(u.project);
    unresolved.set(project, names);
    const byExtra = extras.get(project) ?? new Map<string, MergedExtra>();
    for (const e of entry.extras) {
      const merged: MergedExtra = byExtra.get(e.extra) ?? {
        requires: new Set(),
        unresolved: new Set(),
      };
      for (const dep of e.requires) merged.requires.add(dep);
      for (const u of e.unresolved) merged.unresolved.add(u.project);
      byExtra.set(e.extra, merged);
    }
    extras.set(project, byExtra);
  }
  return {
    nodes: [...nodes.values()].map((node) => ({
      ...node,
      extras: [...(extras.get(node.project) ?? [])].map(([extra, e]) => ({
        extra,
        requires: [...e.requires],
        unresolved: [...e.unresolved],
      })),
    })),
    unresolved: new Map([...unresolved].map(([k, v]) => [k, [...v]])),
  };
}
