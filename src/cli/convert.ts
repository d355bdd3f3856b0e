import type { Builder } from "../config/types.js";
import { printable, ToolError } from "../errors.js";
import { loadConfig } from "../config/index.js";
import type { Config } from "../config/types.js";
import { convertOrRefuse, type ConvertResult, type FailedPackage } from "../apply/index.js";
import { planConversion, type PlanOptions } from "../convert/index.js";
import type { Finding } from "../lint/types.js";
import { printLint } from "./convert-lint.js";
import { UserError } from "../errors.js";
import { getProfile } from "../profiles/index.js";
import type { ConversionArgs } from "./commands/conversion-options.js";
import { archiveDiagnostics, runArchives } from "./archive.js";
import { exitCodes, reportError } from "./exit.js";
import { json, printDiagnostics, type Output } from "./output.js";

/** Parses `Name <email>`. */
function parseMaintainer(text: string | undefined): { name: string; email: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new UserError(`expected "Name <email>", got "${text}"`, { field: "--maintainer" });
  }
  return { name: match[1], email: match[2] };
}

/** The planning options the shared command-line options and the config file give. */
async function sharedOptions(
  args: ConversionArgs,
): Promise<Omit<PlanOptions, "profiles"> & { config: Config }> {
  const config = await loadConfig(args.config);
  return {
    config,
    ...(args.templates === undefined ? {} : { templateDirs: [args.templates] }),
    withExtras: args.withExtras,
    ...(args.debianExtras === undefined ? {} : { debianExtras: args.debianExtras }),
  };
}

/**
 * `wheel2pkg preview`: renders every file and prints it; writes nothing. Returns 1 when a target
 * refused the wheel (the others are shown), else 0.
 */
export async function preview(
  output: Output,
  args: ConversionArgs & { wheel: string },
): Promise<number> {
  const profiles = args.targets.map(getProfile);
  const shared = await sharedOptions(args);
  const archives = await runArchives(profiles, shared.config, args);
  const plan = await planConversion(args.wheel, {
    profiles,
    ...shared,
    archives: archives.indices,
  });
  plan.diagnostics.push(
    ...archives.diagnostics,
    ...archiveDiagnostics(plan.pkg, profiles, shared.config, archives),
  );
  if (args.json) {
    const documents = plan.packages.map((p) => ({
      target: p.plan.target,
      package: {
        sourceName: p.plan.sourceName,
        binaryNames: p.plan.binaryNames,
        version: p.plan.version,
        architecture: p.plan.architecture,
        ...p.plan.context,
      },
      files: p.files.map(({ path, content }) => ({ path, content })),
      diagnostics: [...plan.diagnostics, ...p.plan.diagnostics],
    }));
    const refusals = plan.refused.map((r) => ({
      target: r.profile.id,
      refused: r.error.describe(),
    }));
    const all = [...documents, ...refusals];
    output.out(json(all.length === 1 ? all[0] : all));
    return refusals.length > 0 ? 1 : 0;
  }
  for (const p of plan.packages) {
    for (const file of p.files) {
      output.out(`==> ${p.plan.target}/${p.plan.directory}/${file.path} <==\n${file.content}\n`);
    }
    printDiagnostics(output, p.plan.diagnostics, args.verbose);
  }
  printDiagnostics(output, plan.diagnostics, args.verbose);
  for (const { profile, error } of plan.refused) {
    output.err(`wheel2pkg: error: ${profile.id}: refused: ${printable(error.describe())}\n`);
  }
  return plan.refused.length > 0 ? 1 : 0;
}

/** A package whose write or build failed, as `--json` gives it: the error, and a tool's log. */
function failureJson({ target, step, error }: FailedPackage): {
  target: string;
  step: string;
  error: string;
  log?: string;
} {
  if (!(error instanceof ToolError)) return { target, step, error: error.describe() };
  return { target, step, error: error.message, ...(error.logFile ? { log: error.logFile } : {}) };
}

/**
 * `wheel2pkg convert`: writes the packages of each wheel, builds them with --build. Each wheel
 * stands alone as each target does: one refused (unreadable, bad input, taken by no target) is
 * reported and the others are converted; a package whose write the file system refuses or
 * whose build fails is reported as a lone package's error always was, and the others go on.
 * Returns the most severe outcome: 3 when a build failed, else 2 when a write failed or every
 * wheel was refused, else 1 when a wheel or a target was refused, else 0. Ctrl-C is not caught:
 * it ends the process and the tool it runs, so nothing after it is converted.
 */
export async function convert(
  output: Output,
  args: ConversionArgs & {
    wheels: string[];
    outDir: string;
    build: boolean;
    installBuildDeps: boolean;
    lint: boolean;
    nativeLint: boolean;
    release: string | undefined;
    maintainer: string | undefined;
    builder: Builder | undefined;
  },
): Promise<number> {
  const profiles = args.targets.map(getProfile);
  const maintainer = parseMaintainer(args.maintainer);
  const shared = await sharedOptions(args);
  const archives = await runArchives(profiles, shared.config, args);
  const results: (Omit<ConvertResult, "pkg" | "packages" | "failed"> & {
    packages: Omit<ConvertResult["packages"][number], "planned" | "lint">[];
    failed: ReturnType<typeof failureJson>[];
    lint: Record<string, Finding[]>;
  })[] = [];
  let converted = 0;
  let code: number = exitCodes.ok;
  // An error that is the command's rather than a wheel's (a bad --release, a target directory
  // that cannot be made) is said once.
  const said = new Set<string>();
  for (const wheel of args.wheels) {
    const result = await convertOrRefuse(wheel, {
      profiles,
      outDir: args.outDir,
      build: args.build,
      installBuildDeps: args.installBuildDeps,
      ...(args.lint
        ? { lint: { severity: shared.config.lintSeverity, native: args.nativeLint } }
        : {}),
      ...shared,
      archives: archives.indices,
      ...(args.builder === undefined ? {} : { builder: args.builder }),
      packaging: {
        ...(args.release === undefined ? {} : { release: args.release }),
        ...(maintainer ? { maintainer } : {}),
      },
    });
    if ("refusal" in result) {
      // Nothing of the wheel was written; on stderr as a lone wheel's error always was.
      const error = result.refusal.describe();
      if (!said.has(error)) output.err(`wheel2pkg: error: ${error}\n`);
      said.add(error);
      const refused = profiles.map((profile) => ({ target: profile.id, error }));
      results.push({ wheel, packages: [], refused, failed: [], diagnostics: [], lint: {} });
      continue;
    }
    // What loading the indices said goes with the first wheel; each wheel's own checks with it.
    if (converted === 0) result.diagnostics.push(...archives.diagnostics);
    converted += 1;
    result.diagnostics.push(...archiveDiagnostics(result.pkg, profiles, shared.config, archives));
    const lint: Record<string, Finding[]> = {};
    for (const p of result.packages) {
      if (!args.json) {
        output.out(
          `${p.target}: ${p.sourceName} ${p.version} (${p.architecture}) → ${p.directory}\n`,
        );
        for (const artifact of [
          ...(p.build?.sourcePackages ?? []),
          ...(p.build?.binaryPackages ?? []),
        ]) {
          output.out(`  ${artifact}\n`);
        }
        for (const note of p.build?.notes ?? []) output.out(`  note: ${note}\n`);
      }
      if (p.lint !== null) {
        lint[p.target] = p.lint;
        if (!args.json) printLint(output, p);
      }
    }
    const { pkg: _pkg, ...rest } = result;
    const packages = result.packages.map(({ planned: _planned, lint: _lint, ...kept }) => kept);
    results.push({ ...rest, packages, failed: result.failed.map(failureJson), lint });
    for (const { error } of result.failed) {
      // On stderr as a lone package's error always was (a tool's with the tail of its log).
      const repeated = error instanceof UserError && said.has(error.describe());
      code = Math.max(code, repeated ? exitCodes.usage : reportError(output, error));
      if (error instanceof UserError) said.add(error.describe());
    }
    if (!args.json) {
      for (const { target, error } of result.refused) {
        output.err(`wheel2pkg: error: ${target}: refused: ${printable(error)}\n`);
      }
      printDiagnostics(output, result.diagnostics, args.verbose);
    }
  }
  if (args.json) output.out(json(results));
  // Exit codes of the CLI contract (README, "Commands"): all input bad is a usage error.
  if (converted === 0) code = Math.max(code, exitCodes.usage);
  if (results.some((result) => result.refused.length > 0))
    code = Math.max(code, exitCodes.findings);
  return code;
}
