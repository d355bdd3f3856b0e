import { describe, expect, it } from "vitest";
import {
  evaluateMarker,
  type MarkerEnvironment,
  markerToString,
  markerVariables,
  ParseError,
  parseMarker,
} from "../../src/model/index.js";
import { UserError } from "../../src/errors.js";

describe("parseMarker: valid, with canonical form", () => {
  it.each([
    ['python_version >= "3.8"', 'python_version >= "3.8"'],
    ["python_version>='3.8'", 'python_version >= "3.8"'],
    ['  python_version  ==  "3.14"  ', 'python_version == "3.14"'],
    ['python_version=="3"and os_name=="posix"', 'python_version == "3" and os_name == "posix"'],
    [
      'os_name == "posix" and python_version < "3.10" or sys_platform == "win32"',
      'os_name == "posix" and python_version < "3.10" or sys_platform == "win32"',
    ],
    [
      '(os_name == "posix" or os_name == "nt") and python_version >= "3"',
      '(os_name == "posix" or os_name == "nt") and python_version >= "3"',
    ],
    [
      'os_name == "posix" and (sys_platform == "linux" or (python_version < "3" and extra == "x"))',
      'os_name == "posix" and (sys_platform == "linux" or python_version < "3" and extra == "x")',
    ],
    ['((python_version >= "3"))', 'python_version >= "3"'],
    ['( python_version >= "3" )or(os_name=="nt")', 'python_version >= "3" or os_name == "nt"'],
    ['"3.8" < python_version', '"3.8" < python_version'],
    ['platform_machine in "x86_64 aarch64"', 'platform_machine in "x86_64 aarch64"'],
    ["platform_machine not  in 'x86_64 aarch64'", 'platform_machine not in "x86_64 aarch64"'],
    ['extra == "Test_Feature"', 'extra == "test-feature"'],
    ["'Test.Feature' == extra", '"test-feature" == extra'],
    ['python_version == "3.*"', 'python_version == "3.*"'],
    ['implementation_name === "cpython"', 'implementation_name === "cpython"'],
    ['python_version ~= "3.10"', 'python_version ~= "3.10"'],
    ["platform_version == 'say \"hi\"'", "platform_version == 'say \"hi\"'"],
  ])("%s", (text, canonical) => {
    const marker = parseMarker(text);
    expect(markerToString(marker)).toBe(canonical);
    // The canonical form parses back to the same tree.
    expect(parseMarker(markerToString(marker))).toEqual(marker);
  });

  it("binds `and` tighter than `or`", () => {
    const marker = parseMarker('os_name == "a" or os_name == "b" and os_name == "c"');
    expect(marker.kind).toBe("or");
    expect(marker.kind === "or" && marker.right.kind).toBe("and");
  });

  it("lists the variables it uses", () => {
    const marker = parseMarker(
      'python_version < "3" or (extra == "a" and python_version > "2") or "x" in platform_machine',
    );
    expect(markerVariables(marker)).toEqual(["python_version", "extra", "platform_machine"]);
  });
});

describe("parseMarker: invalid", () => {
  it.each([
    ["", 0, /expected a marker variable or a quoted string/],
    ["python_version", 14, /expected a marker operator/],
    ["python_version >=", 17, /expected a marker variable or a quoted string/],
    ['os.name == "posix"', 0, /unknown marker variable "os.name"; PEP 508 spells it "os_name"/],
    ['python_implementation == "CPython"', 0, /"platform_python_implementation"/],
    ['foo == "bar"', 0, /unknown marker variable "foo"/],
    ["python_version >= 3.8", 18, /found unquoted 3.8/],
    ['python_version >= "3.8', 18, /unterminated string/],
    ['(python_version >= "3.8"', 24, /expected "\)" to close the "\(" at column 1/],
    ['python_version >= "3.8")', 23, /expected "and", "or" or end/],
    ['python_version >= "3.8" and', 27, /expected a marker variable/],
    ['python_version >= "3.8" xor os_name == "nt"', 24, /expected "and", "or" or end/],
    ['python_version >= "3.8" andos_name == "nt"', 24, /expected "and", "or" or end/],
    ['python_version not "3.8"', 15, /expected "in" after "not"/],
    ['python_version notin "3.8"', 15, /expected a marker operator/],
    ['python_version = "3.8"', 15, /expected a marker operator/],
    ['os_name == "a\\b"', 13, /backslashes/],
    ["()", 1, /expected a marker variable/],
  ])("%j fails at column %d", (text, position, message) => {
    let error: unknown;
    try {
      parseMarker(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).reason).toMatch(message);
    expect((error as ParseError).position).toBe(position);
  });
});

const fedora: MarkerEnvironment = {
  python_version: "3.14",
  python_full_version: "3.14.0",
  os_name: "posix",
  sys_platform: "linux",
  platform_system: "Linux",
  implementation_name: "cpython",
  platform_python_implementation: "CPython",
  implementation_version: "3.14.0",
};

describe("evaluateMarker on a Fedora-like environment", () => {
  it.each([
    ['python_version >= "3.8"', true],
    ['python_version > "3.9"', true], // a string compare would say false
    ['python_version < "3.9"', false],
    ['python_version > "3.10"', true],
    ['python_version <= "3.14.0"', true],
    ['python_full_version >= "3.14.0rc1"', true],
    ['python_full_version < "3.14"', false],
    ['python_version == "3.14.*"', true],
    ['python_version == "3.*"', true],
    ['python_version != "3.1*"', true], // not a valid specifier: plain string inequality
    ['python_version ~= "3.10"', true],
    ['python_version ~= "3"', false], // `~=3` is no specifier; `~=` on strings is false
    ['"3.8" < python_version', true],
    ['"3.15" <= python_version', false],
    ['implementation_version >= "3.14"', true],
    ['os_name == "posix"', true],
    ['sys_platform == "win32"', false],
    ['sys_platform != "win32"', true],
    ['platform_system == "Linux" and implementation_name == "cpython"', true],
    ['platform_python_implementation == "PyPy"', false],
    ['implementation_name === "CPython"', false], // `===` on strings is undefined
    ['os_name < "posix"', false],
    ['os_name <= "posix"', true],
    ['python_version in "3.13 3.14"', true],
    ['python_version in "3.1"', false],
    ['"3.1" in python_version', true],
    ['sys_platform not in "win32 cygwin"', true],
    ['"a" == "a"', true],
  ])("%s → %s", (text, expected) => {
    expect(evaluateMarker(parseMarker(text), fedora)).toEqual({ value: expected, undecided: [] });
  });

  it.each([
    ['platform_machine == "x86_64"', null, ["platform_machine"]],
    ['platform_machine == "x86_64" and sys_platform == "win32"', false, []],
    ['sys_platform == "win32" and platform_machine == "x86_64"', false, []],
    ['platform_machine == "x86_64" or sys_platform == "linux"', true, []],
    ['platform_machine == "x86_64" and sys_platform == "linux"', null, ["platform_machine"]],
    ['platform_machine == "x86_64" or sys_platform == "win32"', null, ["platform_machine"]],
    ['platform_machine in "x86_64 aarch64"', null, ["platform_machine"]],
    [
      'platform_machine == "x86_64" or platform_release >= "6"',
      null,
      ["platform_machine", "platform_release"],
    ],
    [
      '(platform_machine == "x86_64" or python_version < "3") and os_name == "posix"',
      null,
      ["platform_machine"],
    ],
    ['extra == "test"', null, ["extra"]],
  ])("without platform_machine: %s → %s %j", (text, value, undecided) => {
    expect(evaluateMarker(parseMarker(text), fedora)).toEqual({ value, undecided });
  });

  it.each([
    ["x86_64", 'platform_machine in "x86_64 aarch64"', true],
    ["aarch", 'platform_machine in "x86_64 aarch64"', true], // substring semantics
    ["ppc64le", 'platform_machine in "x86_64 aarch64"', false],
    ["ppc64le", 'platform_machine not in "x86_64 aarch64"', true],
    [
      "aarch64",
      '(platform_machine == "x86_64" or python_version < "3") and os_name == "posix"',
      false,
    ],
    ["x86_64", 'platform_machine == "x86_64" and sys_platform == "linux"', true],
  ])("with platform_machine=%s: %s → %s", (machine, text, expected) => {
    const env = { ...fedora, platform_machine: machine };
    expect(evaluateMarker(parseMarker(text), env)).toEqual({ value: expected, undecided: [] });
  });

  it.each([
    ["", 'extra == "test"', false],
    ["test", 'extra == "test"', true],
    ["Test", 'extra == "test"', true],
    ["test-feature", 'extra == "Test_Feature"', true],
    ["Test.Feature", 'extra == "test_feature"', true],
    ["other", 'extra != "Test_Feature"', true],
    ["B", 'python_version >= "3.8" and (extra == "a" or extra == "b")', true],
  ])("with extra=%j: %s → %s", (extra, text, expected) => {
    const env = { ...fedora, extra };
    expect(evaluateMarker(parseMarker(text), env)).toEqual({ value: expected, undecided: [] });
  });

  it("throws on undefined comparisons in strict mode", () => {
    for (const text of ['os_name < "posix"', 'python_version ~= "3"', 'os_name === "posix"']) {
      const marker = parseMarker(text);
      expect(() => evaluateMarker(marker, fedora, { strict: true })).toThrow(UserError);
      expect(() => evaluateMarker(marker, fedora, { strict: true })).toThrow(/not PEP 440/);
    }
    expect(evaluateMarker(parseMarker('os_name == "posix"'), fedora, { strict: true }).value).toBe(
      true,
    );
  });
});
