import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemPath } from "./tools.js";

/** Runs a command with the system PATH and returns its stdout. */
export function run(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  cwd?: string,
): string {
  return execFileSync(command, args, {
    encoding: "utf8",
    env: { PATH: systemPath, LC_ALL: "C.UTF-8", HOME: process.env.HOME ?? "/root", ...env },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Unpacks .deb files into a new temporary root (as dpkg would place them). */
export function installDebs(debs: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "wheel2pkg-debroot-"));
  for (const deb of debs) run("dpkg-deb", ["-x", deb, root]);
  return root;
}

/** Installs .rpm files into a new temporary root with rpm itself (dependencies not checked). */
export function installRpms(rpms: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "wheel2pkg-rpmroot-"));
  run("rpm", ["--root", root, "--nodeps", "--noscripts", "-i", ...rpms]);
  return root;
}

/** Imports modules with the system python3 from an installed root's site directory. */
export function importFrom(sitePackages: string, modules: readonly string[]): string {
  const code = `import importlib\nfor m in ${JSON.stringify(modules)}:\n    mod = importlib.import_module(m)\n    print(m, mod.__file__)\n`;
  return run(
    "/usr/bin/python3",
    [
      "-I",
      "-c",
      `import sys; sys.path.insert(0, ${JSON.stringify(sitePackages)}); exec(${JSON.stringify(code)})`,
    ],
    {},
    tmpdir(),
  );
}

/** The built package file of the binary package `name` (`<name>-<version>-<release>.<arch>.rpm`). */
export function binaryNamed(files: readonly string[], name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(^|/)${escaped}-[^-/]+-[^-/]+\\.[^./]+\\.rpm$`);
  const found = files.find((file) => pattern.test(file));
  if (found === undefined) throw new Error(`no package ${name} among ${files.join(", ")}`);
  return found;
}

/** What an .rpm file requires, one relation a line (`rpm -qp --requires`). */
export function rpmRequires(file: string): string {
  return run("rpm", ["-qp", "--requires", file]);
}
