/**
 * The binary package's control file as dpkg-gencontrol writes it, from the debian/control and
 * debian/changelog that planning rendered: the source paragraph's fields a binary package may
 * carry, the binary paragraph's, the version of the changelog's first entry, substitution
 * variables replaced, relation fields simplified, and dpkg's field order.
 */
import { UserError } from "../../../errors.js";
import {
  formatRelations,
  parseRelations,
  simplifyRelations,
  sortUnionRelations,
} from "./relations.js";

/** One deb822 paragraph: field names as written, values with continuation lines kept. */
type Paragraph = Map<string, string>;

/** Reads the paragraphs of a deb822 file (comments skipped). */
export function parseControl(text: string, file: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let last: string | null = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    if (line.trim() === "") {
      current = null;
      last = null;
      continue;
    }
    if (/^\s/.test(line)) {
      if (current === null || last === null)
        throw new UserError(`${file}: stray continuation line`);
      current.set(last, `${current.get(last) ?? ""}\n${line}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) throw new UserError(`${file}: not a field: ${line}`);
    if (current === null) {
      current = new Map();
      paragraphs.push(current);
    }
    last = line.slice(0, colon);
    current.set(last, line.slice(colon + 1).trim());
  }
  return paragraphs;
}

/** Binary control fields in dpkg's order (Dpkg::Control::FieldsCore, CTRL_PKG_DEB). */
const fieldOrder = [
  "Package",
  "Package-Type",
  "Source",
  "Version",
  "Kernel-Version",
  "Built-For-Profiles",
  "Auto-Built-Package",
  "Architecture",
  "Subarchitecture",
  "Installer-Menu-Item",
  "Build-Essential",
  "Essential",
  "Protected",
  "Origin",
  "Bugs",
  "Maintainer",
  "Installed-Size",
  "Pre-Depends",
  "Depends",
  "Recommends",
  "Suggests",
  "Enhances",
  "Conflicts",
  "Breaks",
  "Replaces",
  "Provides",
  "Built-Using",
  "Static-Built-Using",
  "Section",
  "Priority",
  "Multi-Arch",
  "Homepage",
  "Description",
  "Tag",
  "Task",
];
const normalRelations = ["Pre-Depends", "Depends", "Recommends", "Suggests", "Enhances"];
const unionRelations = ["Conflicts", "Breaks", "Replaces", "Provides"];

/** The version of debian/changelog's first entry. */
export function changelogVersion(changelog: string): string {
  const match = /^\S+ \(([^)\s]+)\)/.exec(changelog);
  if (match?.[1] === undefined)
    throw new UserError("debian/changelog: no version in its first line");
  return match[1];
}

/** What the control file is made from. */
export interface ControlInput {
  control: string;
  changelog: string;
  /** Substitution variables (`python3:Depends` → its value). */
  substvars: ReadonlyMap<string, string>;
  installedSize: number;
}

/** The control file's text. */
export function controlFile(input: ControlInput): string {
  const [source, binary, ...others] = parseControl(input.control, "debian/control");
  if (source === undefined || binary === undefined || others.length > 0) {
    throw new UserError("debian/control: expected one source and one binary paragraph");
  }
  const fields = new Map<string, string>();
  for (const [name, value] of source) {
    if (name !== "Source" && name !== "Description" && fieldOrder.includes(name)) {
      fields.set(name, value);
    }
  }
  for (const [name, value] of binary) if (fieldOrder.includes(name)) fields.set(name, value);
  const packageName = binary.get("Package") ?? "";
  const sourceName = source.get("Source") ?? packageName;
  if (sourceName !== packageName) fields.set("Source", sourceName);
  fields.set("Version", changelogVersion(input.changelog));
  fields.set("Installed-Size", String(input.installedSize));
  const substitute = (value: string) =>
    value.replace(/\$\{([^}]+)\}/g, (_, name: string) => input.substvars.get(name) ?? "");
  const stronger: ReturnType<typeof parseRelations> = [];
  for (const name of [...normalRelations, ...unionRelations]) {
    const value = fields.get(name);
    if (value === undefined) continue;
    const groups = parseRelations(substitute(value).replace(/\n/g, " "), name);
    const simplified = normalRelations.includes(name)
      ? simplifyRelations(groups, stronger)
      : sortUnionRelations(groups);
    if (normalRelations.includes(name)) stronger.push(...simplified);
    if (simplified.length === 0) fields.delete(name);
    else fields.set(name, formatRelations(simplified));
  }
  return fieldOrder
    .filter((name) => fields.has(name))
    .map((name) => `${name}: ${fields.get(name) ?? ""}\n`)
    .join("");
}
