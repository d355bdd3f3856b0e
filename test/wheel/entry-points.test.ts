import { describe, expect, it } from "vitest";
import { parseEntryPoints } from "../../src/wheel/index.js";
import { thrownWheelError } from "./wheel-error.js";

const where = { file: "demo-1.0-py3-none-any.whl", member: "demo-1.0.dist-info/entry_points.txt" };

describe("parseEntryPoints", () => {
  it.each([
    {
      title: "console and gui scripts",
      text: "[console_scripts]\nhello = hello_cli:main\n\n[gui_scripts]\nhello-gui = hello_cli:main\n",
      expected: [
        {
          group: "console_scripts",
          name: "hello",
          value: "hello_cli:main",
          module: "hello_cli",
          attr: "main",
          extras: [],
        },
        {
          group: "gui_scripts",
          name: "hello-gui",
          value: "hello_cli:main",
          module: "hello_cli",
          attr: "main",
          extras: [],
        },
      ],
    },
    {
      title: "dotted module and attribute, extras, no spaces",
      text: "[console_scripts]\ntool=pkg.cli.main:App.run [cli, color]\n",
      expected: [
        {
          group: "console_scripts",
          name: "tool",
          value: "pkg.cli.main:App.run [cli, color]",
          module: "pkg.cli.main",
          attr: "App.run",
          extras: ["cli", "color"],
        },
      ],
    },
    {
      title: "a module without attribute (plugin groups)",
      text: "[pytest11]\nmyplugin = myplugin.plugin\n",
      expected: [
        {
          group: "pytest11",
          name: "myplugin",
          value: "myplugin.plugin",
          module: "myplugin.plugin",
          attr: null,
          extras: [],
        },
      ],
    },
    {
      title: "comments, indentation and CRLF",
      text: "# generated\r\n; also a comment\r\n[ console_scripts ]\r\n  a = m:f  \r\n",
      expected: [
        { group: "console_scripts", name: "a", value: "m:f", module: "m", attr: "f", extras: [] },
      ],
    },
    { title: "an empty file", text: "", expected: [] },
  ])("$title", ({ text, expected }) => {
    expect(parseEntryPoints(text, where)).toEqual(expected);
  });

  it.each([
    ["an entry outside any group", "a = m:f\n", 1, /outside any \[group\]/],
    [
      "a line that is not name = value",
      "[console_scripts]\njust words\n",
      2,
      /expected "name = module:attr"/,
    ],
    ["a bad section header", "[console_scripts\n", 1, /bad section header/],
    ["an empty name", "[g]\n = m:f\n", 2, /without a name/],
    ["a value that is not module:attr", "[g]\na = m:f:g\n", 2, /not "module:attr \[extras\]"/],
  ])("refuses %s, naming the line", (_title, text, line, message) => {
    const error = thrownWheelError(() => parseEntryPoints(text, where));
    expect(error.location).toEqual(where);
    expect(error.message).toContain(`line ${line}:`);
    expect(error.message).toMatch(message);
  });
});
