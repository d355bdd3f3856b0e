import { describe, expect, it } from "vitest";
import { moduleOfPath, scanImports } from "../../src/wheel/python-imports.js";

/** The imports of `source` in package `pkg`, as `module[names]` with `?` for optional ones. */
const scan = (source: string, pkg = "pkg") =>
  scanImports(source, pkg).map(
    (i) =>
      `${i.optional ? "?" : ""}${i.module}${i.names.length > 0 ? `[${i.names.join(",")}]` : ""}`,
  );

describe("scanImports", () => {
  it.each([
    ["import click", ["click"]],
    ["import rich.console, os.path as p", ["rich.console", "os.path"]],
    ["from pygments.lexers import get_lexer", ["pygments.lexers[get_lexer]"]],
    ["from . import _main", ["pkg[_main]"]],
    ["from ._main import main", ["pkg._main[main]"]],
    ["from .. import up", ["top[up]"], "top.pkg"],
    ["from .sub.mod import (\n  a,\n  b as c,\n)", ["pkg.sub.sub.mod[a,b]"], "pkg.sub"],
    ["from __future__ import annotations\nimport json", ["json"]],
    ["def main():\n    import click\n    return click", ["click"]],
    ["# import hidden\nx = 1  # import also_hidden", []],
    ['"""Docs say:\nimport hidden\n"""\nimport shown', ["shown"]],
    ["s = 'import hidden'; import shown", ["shown"]],
    ["x = 1 + \\\n  2\nimport after", ["after"]],
    ["try:\n    import brotli\nexcept ImportError:\n    brotli = None", ["?brotli"]],
    [
      "try:\n    import a\nexcept ImportError:\n    try:\n        import b\n    except ImportError:\n        pass",
      ["?a", "?b"],
    ],
    ["try:\n    import a\nexcept KeyError:\n    pass", ["a"]],
    ["try:\n    import a\nexcept (OSError, ModuleNotFoundError):\n    pass", ["?a"]],
    [
      "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import rich",
      ["typing[TYPE_CHECKING]", "?rich"],
    ],
    ["if sys.platform == 'win32': import winreg", ["winreg"]],
  ] as [string, string[], string?][])("%j", (source, expected, pkg = "pkg") => {
    expect(scan(source, pkg)).toEqual(expected);
  });

  it("leaves out a relative import that goes above the top package", () => {
    expect(scan("from ... import x", "pkg")).toEqual([]);
  });
});

describe("moduleOfPath", () => {
  it.each([
    ["httpx/_main.py", "httpx._main"],
    ["httpx/__init__.py", "httpx"],
    ["six.py", "six"],
    ["httpx/py.typed", null],
    ["my-pkg/x.py", null],
  ])("%s → %s", (path, module) => {
    expect(moduleOfPath(path)).toBe(module);
  });
});
