import { execFileSync } from "node:child_process";

/** True when the tests run under CI, where every native tool must be present. */
export const inCI = process.env.CI === "true";

/** Whether a command is on the system PATH. */
export function hasTool(tool: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], {
      stdio: "ignore",
      env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether tests that need these tools should be skipped: only outside CI. Under CI=true a missing
 * tool is not a reason to skip: the test runs and fails, so a green CI means the real tools ran.
 */
export function skipWithout(...tools: string[]): boolean {
  if (inCI) return false;
  return !tools.every(hasTool);
}

/** A clean PATH for running the system's python3 and tools (not a user's Python shims). */
export const systemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
