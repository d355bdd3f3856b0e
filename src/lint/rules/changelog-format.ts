import { guidelines } from "../guidelines.js";
import { field } from "../inputs/deb822.js";
import type { Rule, RuleFinding } from "../types.js";

/** `package (version) distribution(s); urgency=…`, as dpkg-parsechangelog reads it. */
const headingRe = /^([a-z0-9][a-z0-9+.-]*) \(([^() \t]+)\)((?:\s+[a-z0-9][a-z0-9+.-]*)+);(.*)$/;
/** A Debian version: optional epoch, upstream starting with a digit, optional revision. */
const versionRe = /^(\d+:)?[0-9][A-Za-z0-9.+~:-]*$/;
const urgencyRe = /^(low|medium|high|emergency|critical)(\s+\(.*\))?$/i;
/** ` -- Name <email>  Day, DD Mon YYYY HH:MM:SS +ZZZZ` (two spaces before the date). */
const trailerRe = /^ -- (.+ <[^<>\s]+@[^<>\s]+>) {2}(\S.*)$/;
const dateRe =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) [+-](\d{4})$/;
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Why an RFC 5322 changelog date is wrong, or null. */
function dateProblem(text: string): string | null {
  const m = dateRe.exec(text);
  if (m === null) return `the date "${text}" is not like "Tue, 14 Nov 2023 22:13:20 +0000"`;
  const [, weekday = "", day = "", month = "", year = ""] = m;
  const date = new Date(Date.UTC(Number(year), months.indexOf(month), Number(day)));
  if (date.getUTCDate() !== Number(day)) return `the date "${text}" does not exist`;
  const actual = days[date.getUTCDay()] ?? "";
  return actual === weekday ? null : `${day} ${month} ${year} is a ${actual}, not a ${weekday}`;
}

/** Checks the heading line's fields; the findings' messages. */
function headingProblems(line: string): string[] {
  const m = headingRe.exec(line);
  if (m === null) return [`the first line is not "package (version) distribution; urgency=…"`];
  const [, , version = "", , rest = ""] = m;
  const problems: string[] = [];
  if (!versionRe.test(version) || version.endsWith("-")) {
    problems.push(`"${version}" is not a valid Debian version`);
  }
  const pairs = new Map(
    rest
      .split(",")
      .map((pair) => pair.trim().split("="))
      .map(([key = "", value = ""]) => [key.trim().toLowerCase(), value.trim()] as const),
  );
  const urgency = pairs.get("urgency");
  if (urgency === undefined) problems.push("the first line has no urgency=");
  else if (!urgencyRe.test(urgency)) problems.push(`urgency "${urgency}" is not a known urgency`);
  return problems;
}

/**
 * Debian: debian/changelog's first entry, which gives the source's name and version, has the
 * format dpkg-parsechangelog reads: heading, indented change lines, and the ` -- ` trailer.
 */
export const changelogFormat: Rule = {
  id: "changelog-format",
  severity: "error",
  summary: "debian/changelog's first entry has a valid heading, change lines and trailer",
  guideline: guidelines.debianChangelog,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    const text = input.debian.changelog;
    if (text === null) return [{ message: "debian/changelog is missing", file: "changelog" }];
    const lines = text.split("\n");
    const at = (message: string, index: number): RuleFinding => ({
      message,
      file: "changelog",
      line: index + 1,
    });
    const first = lines.findIndex((line) => line.trim() !== "");
    if (first < 0) return [at("debian/changelog is empty", 0)];
    const heading = lines[first] ?? "";
    const findings = headingProblems(heading).map((message) => at(message, first));
    const source = input.debian.control?.[0];
    const name = /^(\S+)/.exec(heading)?.[1];
    const sourceName = source === undefined ? undefined : field(source, "Source");
    if (sourceName !== undefined && name !== undefined && name !== sourceName) {
      findings.push(
        at(`the entry is for ${name}, but debian/control's Source is ${sourceName}`, first),
      );
    }
    let changes = 0;
    for (let index = first + 1; index < lines.length; index++) {
      const line = lines[index] ?? "";
      if (line.startsWith(" -- ")) {
        const trailer = trailerRe.exec(line);
        if (trailer === null) {
          findings.push(
            at('the trailer is not " -- Name <email>  date" (two spaces before the date)', index),
          );
        } else {
          const problem = dateProblem(trailer[2] ?? "");
          if (problem !== null) findings.push(at(problem, index));
        }
        if (changes === 0) findings.push(at("the first entry lists no changes", index));
        return findings;
      }
      if (line.trim() === "") continue;
      if (!/^\s/.test(line)) {
        findings.push(at("a change line is not indented, or the entry has no trailer", index));
        return findings;
      }
      changes++;
    }
    findings.push(at('the first entry has no " -- " trailer line', lines.length - 1));
    return findings;
  },
};
