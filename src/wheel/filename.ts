/**
 * Wheel file names (PEP 427, "binary distribution format"):
 * `{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl`.
 */
import { WheelError } from "../errors.js";
import type { WheelFilename } from "./types.js";

// Distribution names in file names are escaped to `[A-Za-z0-9_]`, but wheels built before the
// escaping rule was enforced also carry dots (e.g. `zope.interface-…`); both are accepted.
const DISTRIBUTION = /^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/;
// A PEP 440 version contains no `-` once escaped; `!` and `+` (epoch, local) are legal.
const VERSION = /^[A-Za-z0-9_.!+]+$/;
const BUILD_TAG = /^(\d+)([A-Za-z0-9_.]*)$/;
const TAG = /^[A-Za-z0-9_]+$/;

/**
 * Parses a wheel's file name (directories are ignored) into its parts, expanding dot-compressed
 * tag sets such as `py2.py3`. Throws WheelError naming the file (as given, with its directories)
 * when it does not follow PEP 427.
 */
export function parseWheelFilename(name: string): WheelFilename {
  const filename = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const fail = (reason: string): never => {
    throw new WheelError(`not a valid wheel file name: ${reason}`, { file: name });
  };

  if (!filename.endsWith(".whl")) fail("it does not end in .whl");
  const parts = filename.slice(0, -".whl".length).split("-");
  if (parts.length !== 5 && parts.length !== 6) {
    fail(
      `expected {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl, ` +
        `found ${parts.length} dash-separated parts`,
    );
  }
  const [distribution = "", version = ""] = parts;
  const [pythonTag = "", abiTag = "", platformTag = ""] = parts.slice(-3);
  const buildText = parts.length === 6 ? (parts[2] ?? "") : null;

  if (!DISTRIBUTION.test(distribution)) fail(`bad distribution name "${distribution}"`);
  if (!VERSION.test(version)) fail(`bad version "${version}"`);

  let buildTag: WheelFilename["buildTag"] = null;
  if (buildText !== null) {
    const match = BUILD_TAG.exec(buildText);
    if (match === null) fail(`build tag "${buildText}" must start with a digit`);
    else buildTag = { number: Number(match[1]), suffix: match[2] ?? "" };
  }

  return {
    filename,
    distribution,
    version,
    buildTag,
    pythonTags: expandTagSet(pythonTag, "python", fail),
    abiTags: expandTagSet(abiTag, "abi", fail),
    platformTags: expandTagSet(platformTag, "platform", fail),
  };
}

/** `manylinux_2_17_x86_64.manylinux2014_x86_64` → both tags, in file-name order. */
function expandTagSet(text: string, kind: string, fail: (reason: string) => never): string[] {
  const tags = text.split(".");
  for (const tag of tags) {
    if (!TAG.test(tag)) fail(`bad ${kind} tag "${tag}" in "${text}"`);
  }
  return tags;
}

/**
 * Every `python-abi-platform` combination the file name declares (the cartesian product of the
 * three expanded tag sets), e.g. `py2-none-any` and `py3-none-any` for `py2.py3-none-any`.
 */
export function wheelTags(name: WheelFilename): string[] {
  return name.pythonTags.flatMap((python) =>
    name.abiTags.flatMap((abi) =>
      name.platformTags.map((platform) => `${python}-${abi}-${platform}`),
    ),
  );
}
