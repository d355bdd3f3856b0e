/**
 * The one boundary where text becomes packaging text (docs/architecture.md, "Untrusted input").
 *
 * A template context holds only {@link PackagingText}: strings branded with the file they were
 * made safe for. A wheel's text (every METADATA field, extra, entry point, file name) becomes
 * one only through an escaper of that destination (`src/families/rpm/escape.ts`,
 * `src/families/deb/control-text.ts`, `src/families/deb/rules-text.ts`); text written in our own
 * code becomes one through a tagged template ({@link spec}, {@link deb822}, …) whose literal
 * parts are source code and whose every value is already packaging text of the same
 * destination. The renderer accepts nothing else ({@link TemplateContext}), and ESLint forbids
 * asserting the brand anywhere but here, so an unescaped value cannot be written into a
 * template's context: the compiler refuses it.
 */
import { InternalError } from "../errors.js";

/** The files wheel2pkg writes, each with its own escaping rules. */
export type Destination =
  /** An RPM spec: rpm expands `%` macros everywhere, and `%files` lines are paths. */
  | "spec"
  /** An openSUSE `.changes` file: plain lines. */
  | "changes"
  /** A deb822 file (debian/control, copyright, tests/control) or lintian overrides. */
  | "deb822"
  /** debian/rules: a makefile whose recipes are shell lines. */
  | "rules"
  /** debian/changelog. */
  | "changelog";

declare const destinationBrand: unique symbol;

/**
 * Text that is safe to place in files of destination `D`, as its escaper or author made it. A
 * token that is inert in several destinations carries each of them (`PackagingText<"spec" |
 * "deb822">` is both a SpecText and a Deb822Text); text escaped for one is no text of another.
 */
export type PackagingText<D extends Destination> = string & {
  readonly [destinationBrand]: { readonly [K in D]: true };
};

/** Packaging text of any destination. */
type AnyPackagingText = string & {
  readonly [destinationBrand]: { readonly [K in Destination]?: true };
};

export type SpecText = PackagingText<"spec">;
export type ChangesText = PackagingText<"changes">;
export type Deb822Text = PackagingText<"deb822">;
export type RulesText = PackagingText<"rules">;
export type ChangelogText = PackagingText<"changelog">;

/** A value a template may place: packaging text, numbers, flags, and lists and records of them. */
export type TemplateValue =
  | AnyPackagingText
  | number
  | boolean
  | null
  | readonly TemplateValue[]
  | { readonly [key: string]: TemplateValue };

/** What a template is rendered with: a record of template values, and nothing else. */
export type TemplateContext = { readonly [key: string]: TemplateValue };

/** The only brand assertion: every constructor below goes through it. */
function brand<D extends Destination>(text: string): PackagingText<D> {
  return text as PackagingText<D>;
}

/**
 * Text escaped for destination `D` (or each of several) by that destination's escaper. Only
 * escapers call this: what it receives must already be safe for `D`.
 */
export function escapedFor<D extends Destination>(
  _destination: D | readonly D[],
  text: string,
): PackagingText<D> {
  return brand<D>(text);
}

/**
 * The characters a computed token may hold in each destination: none that rpm, make, a shell or
 * a deb822 parser gives a meaning to there (no `%`, `$`, quotes, backslashes, braces, `*` or
 * `?`, newlines or control characters anywhere; no spaces, brackets or shell operators in
 * debian/rules). Brackets stay for relations on extras: `python3dist(requests[socks])`.
 */
const inertToken: Readonly<Record<Destination, RegExp>> = {
  spec: /^[A-Za-z0-9 ._+~^:=<>!()[\],/@|-]*$/,
  changes: /^[A-Za-z0-9 ._+~^:=<>!()[\],/@|-]*$/,
  deb822: /^[A-Za-z0-9 ._+~^:=<>!()[\],/@|-]*$/,
  rules: /^[A-Za-z0-9._+~^:=!,/@-]*$/,
  changelog: /^[A-Za-z0-9 ._+~^:=<>!()[\],/@|-]*$/,
};

/**
 * A computed value that is inert by construction (a package name, a version, a relation) in
 * each of `destinations`: its characters are checked here, so a value that is not what its
 * computation promised is a bug found before rendering, never a command.
 */
export function token<D extends Destination>(
  destinations: D | readonly D[],
  text: string,
): PackagingText<D> {
  for (const destination of typeof destinations === "string" ? [destinations] : destinations) {
    if (!inertToken[destination].test(text)) {
      throw new InternalError(
        `not an inert ${destination} token: ${JSON.stringify(text)} (an escaper must handle it)`,
      );
    }
  }
  return brand<D>(text);
}

type Part<D extends Destination> = PackagingText<D> | number;

/** Joins the code's literal parts with values that are packaging text of the same destination. */
function tagged<D extends Destination>(
  strings: TemplateStringsArray,
  values: readonly Part<D>[],
): PackagingText<D> {
  // Only a template literal makes a frozen array with `raw`: its parts are source code.
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) {
    throw new InternalError("packaging text is written as a template literal");
  }
  let text = strings[0] ?? "";
  values.forEach((value, i) => {
    text += String(value) + (strings[i + 1] ?? "");
  });
  return brand<D>(text);
}

/** Spec text written in our code: `` spec`%{buildroot}${path}` ``, values spec text already. */
export function spec(strings: TemplateStringsArray, ...values: Part<"spec">[]): SpecText {
  return tagged(strings, values);
}

/** `.changes` text written in our code. */
export function changes(strings: TemplateStringsArray, ...values: Part<"changes">[]): ChangesText {
  return tagged(strings, values);
}

/** deb822 text written in our code. */
export function deb822(strings: TemplateStringsArray, ...values: Part<"deb822">[]): Deb822Text {
  return tagged(strings, values);
}

/** debian/rules text written in our code. */
export function rules(strings: TemplateStringsArray, ...values: Part<"rules">[]): RulesText {
  return tagged(strings, values);
}

/** debian/changelog text written in our code. */
export function changelog(
  strings: TemplateStringsArray,
  ...values: Part<"changelog">[]
): ChangelogText {
  return tagged(strings, values);
}

/** Packaging texts of one destination joined by a separator written in our code. */
export function joinText<D extends Destination>(
  parts: readonly PackagingText<D>[],
  separator: " " | ", " | "; " | ":" | "",
): PackagingText<D> {
  return brand<D>(parts.join(separator));
}
