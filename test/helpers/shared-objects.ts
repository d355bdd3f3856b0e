/**
 * Shared objects compiled here with the host's cc, standing in for what platform wheels ship: a
 * library with a soname, or an extension module that links one (its DT_NEEDED is the soname).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** One shared object to compile from C source. */
export interface SharedObject {
  /** The file written in the directory, and the name others link it by: `libfoo.so.1`, `mod.so`. */
  file: string;
  /** Its C source. */
  source: string;
  /** The soname it records (`-Wl,-soname`), for a library. */
  soname?: string;
  /** Shared objects of the same directory that it links. */
  links?: readonly string[];
  /** Further cc arguments: an include directory, a RUNPATH. */
  flags?: readonly string[];
}

/** Compiles `object` in `dir` with `cc -shared -fPIC` and returns its bytes. */
export function compileSharedObject(dir: string, object: SharedObject): Buffer {
  const source = `${object.file}.c`;
  fs.writeFileSync(path.join(dir, source), object.source);
  execFileSync(
    "cc",
    [
      "-shared",
      "-fPIC",
      ...(object.soname === undefined ? [] : [`-Wl,-soname,${object.soname}`]),
      ...(object.flags ?? []),
      "-o",
      object.file,
      source,
      ...(object.links ?? []),
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  return fs.readFileSync(path.join(dir, object.file));
}
