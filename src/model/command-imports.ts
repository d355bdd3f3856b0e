/**
 * What a package's own commands import: from the module of each console or GUI script, the
 * modules of the wheel it reaches through its imports, and the top-level names those modules
 * import. Mapping reads it to fold the extras a command needs (`placeExtras`).
 */
import type { EntryPoint, WheelMember } from "../wheel/index.js";

/** The imports of one command, read from the wheel's source text. */
export interface CommandImports {
  /** The command (the entry point's name). */
  command: string;
  /** The wheel's modules its module reaches, sorted (`httpx`, `httpx._main`, …). */
  modules: string[];
  /**
   * The top-level names those modules import without a fallback (not in a `try:` that catches
   * ImportError, not under `if TYPE_CHECKING:`), sorted; the wheel's own modules left out.
   */
  required: string[];
}

/**
 * The imports of each command of a wheel whose modules' imports were read
 * (`WheelMember.imports`); empty when none were. Reach is followed statically: a module runs its
 * packages' `__init__` first, and an import of `a.b` (or `from a import b`, where `b` may be a
 * submodule) reaches each of those that the wheel has, optional imports included (a command
 * behind `try: from ._main import main` still runs `_main`).
 */
export function commandImports(
  members: readonly WheelMember[],
  scripts: readonly EntryPoint[],
): CommandImports[] {
  const modules = new Map<string, WheelMember>();
  for (const member of members) {
    if (member.imports === undefined) continue;
    const parts = member.installPath.replace(/\.py$/, "").split("/");
    if (parts.at(-1) === "__init__") parts.pop();
    modules.set(parts.join("."), member);
  }
  if (modules.size === 0) return [];
  const own = new Set([...modules.keys()].map((m) => m.split(".")[0] ?? m));
  return scripts.map((script) => {
    const reached = new Set<string>();
    const visit = (name: string) => {
      // Importing a.b.c runs a, a.b and a.b.c.
      const parts = name.split(".");
      for (let i = 1; i <= parts.length; i++) {
        const module = parts.slice(0, i).join(".");
        const member = modules.get(module);
        if (member === undefined || reached.has(module)) continue;
        reached.add(module);
        for (const stated of member.imports ?? []) {
          visit(stated.module);
          for (const taken of stated.names) {
            if (modules.has(`${stated.module}.${taken}`)) visit(`${stated.module}.${taken}`);
          }
        }
      }
    };
    visit(script.module);
    const required = new Set<string>();
    for (const module of reached) {
      for (const stated of modules.get(module)?.imports ?? []) {
        const top = stated.module.split(".")[0] ?? stated.module;
        if (!stated.optional && !own.has(top)) required.add(top);
      }
    }
    return { command: script.name, modules: [...reached].sort(), required: [...required].sort() };
  });
}
