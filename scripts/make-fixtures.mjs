#!/usr/bin/env node
// Builds the fixture wheels in fixtures/wheels/ (and the odd-names wheel of the security tests in
// fixtures/security/) from the source trees written below.
//
//   node scripts/make-fixtures.mjs [--out DIR] [--no-native]
//
// With --out, every wheel is written to DIR.
//
// The output is byte-for-byte reproducible, so the committed wheels can be checked against a
// rebuild (test/wheel/fixtures.test.ts):
//  - every member has the same timestamp (2020-01-01 00:00, DOS format only) and a fixed mode
//    (0644, 0755 for scripts);
//  - members are stored, not deflated: deflate output depends on the zlib build (Node bundles
//    Chromium's, whose output differs across CPUs), stored bytes do not; it also keeps the
//    fixtures readable with `less`;
//  - members are sorted by path, with the .dist-info directory last and RECORD at the very end,
//    where the wheel spec recommends them;
//  - the C extension of the fastmath wheel is compiled with file-prefix mapping, no build id,
//    and stripped (--no-native skips that wheel when no C compiler or Python headers exist).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yazl from "yazl";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Local-time fields, because DOS timestamps store wall-clock fields: the same bytes in every zone.
const MTIME = new Date(2020, 0, 1, 0, 0, 0);
const GENERATOR = "wheel2pkg make-fixtures.mjs";

const MIT_LICENSE = `MIT License

Copyright (c) 2020 Ada Example

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

const BSD_LICENSE = `BSD 3-Clause License

Copyright (c) 2020, Dana Example
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
`;

/** A pure console application: package + top-level module, Metadata 2.4 with License-Expression. */
const helloCli = {
  distribution: "hello_cli",
  version: "1.2.0",
  tags: ["py3-none-any"],
  rootIsPurelib: true,
  files: {
    "hello_cli/__init__.py": `"""A tiny command-line greeter (a wheel2pkg fixture)."""

__version__ = "1.2.0"


def main():
    print("hello")
    return 0
`,
    "hello_util.py": `"""Helpers for hello_cli, shipped as a top-level module."""


def shout(text):
    return text.upper() + "!"
`,
  },
  metadata: `Metadata-Version: 2.4
Name: hello-cli
Version: 1.2.0
Summary: Say hello from the command line
Home-page: https://example.org/hello-cli
Author: Ada Example
Author-email: Ada Example <ada@example.org>
License-Expression: MIT
License-File: LICENSE
Project-URL: Source, https://example.org/hello-cli/src
Project-URL: Issues, https://example.org/hello-cli/issues
Classifier: Development Status :: 5 - Production/Stable
Classifier: Environment :: Console
Classifier: Programming Language :: Python :: 3
Requires-Python: >=3.8
Requires-Dist: click>=8.0
Requires-Dist: importlib-metadata>=4.6; python_version < "3.10"
Description-Content-Type: text/markdown

# hello-cli

Prints a friendly greeting.

    $ hello
    hello

Works 100% offline.
`,
  entryPoints: `[console_scripts]
hello = hello_cli:main

[gui_scripts]
hello-gui = hello_cli:main
`,
  distInfoFiles: { "licenses/LICENSE": MIT_LICENSE },
};

/**
 * A pure library with `.data/scripts` (a script, and a Windows `.cmd` that cannot run on Linux),
 * `.data/data` files (a man page) and an HTML template that loads a script from the network.
 */
const datapkg = {
  distribution: "datapkg",
  version: "0.3.1",
  tags: ["py2-none-any", "py3-none-any"],
  fileTags: "py2.py3-none-any",
  rootIsPurelib: true,
  files: {
    "datapkg/__init__.py": `"""datapkg reads its defaults from share/datapkg/defaults.json under the prefix."""
import io
import json
import os
import sys

__version__ = "0.3.1"


def defaults_path():
    return os.path.join(sys.prefix, "share", "datapkg", "defaults.json")


def load_defaults():
    with io.open(defaults_path(), encoding="utf-8") as handle:
        return json.load(handle)
`,
    "datapkg-0.3.1.data/scripts/datapkg-tool": `#!python
"""Print datapkg's version and where its defaults file is."""
import datapkg

print(datapkg.__version__)
print(datapkg.defaults_path())
`,
    "datapkg-0.3.1.data/scripts/datapkg-tool.cmd": `@echo off\r
python -m datapkg %*\r
`,
    "datapkg/templates/report.html": `<!DOCTYPE html>
<html>
<head>
<title>datapkg report</title>
<script src="https://cdn.example.org/chart.min.js"></script>
</head>
<body><div id="chart"></div></body>
</html>
`,
    "datapkg-0.3.1.data/data/share/datapkg/defaults.json": `{"greeting": "hello", "retries": 3}
`,
    "datapkg-0.3.1.data/data/share/man/man1/datapkg-tool.1": `.TH DATAPKG-TOOL 1 "January 2020" "datapkg 0.3.1" "User Commands"
.SH NAME
datapkg-tool \\- print the datapkg version and its defaults file
.SH SYNOPSIS
.B datapkg-tool
.SH DESCRIPTION
.B datapkg-tool
prints the version of the datapkg library, then the path of the
.I defaults.json
file it reads.
.SH SEE ALSO
.BR python3 (1)
`,
  },
  executables: [
    "datapkg-0.3.1.data/scripts/datapkg-tool",
    "datapkg-0.3.1.data/scripts/datapkg-tool.cmd",
  ],
  metadata: `Metadata-Version: 2.1
Name: datapkg
Version: 0.3.1
Summary: A small library that ships data files and a script
Home-page: https://example.org/datapkg
Author: Dana Example
Author-email: dana@example.org
License: BSD-3-Clause
Classifier: License :: OSI Approved :: BSD License
Classifier: Programming Language :: Python :: 2
Classifier: Programming Language :: Python :: 3
Requires-Python: >=2.7
License-File: LICENSE.txt
Description-Content-Type: text/plain

datapkg ships a defaults file in share/datapkg and the datapkg-tool script.
`,
  distInfoFiles: { "LICENSE.txt": BSD_LICENSE },
};

/** A pre-release whose requirements exercise every operator, marker variable and extras. */
const extrasDemo = {
  distribution: "extras_demo",
  version: "2.0.0rc1",
  tags: ["py3-none-any"],
  rootIsPurelib: true,
  files: {
    "extras_demo/__init__.py": `"""Nothing but requirements: extras_demo exists for its METADATA."""

__version__ = "2.0.0rc1"
`,
  },
  metadata: `Metadata-Version: 2.3
Name: extras-demo
Version: 2.0.0rc1
Summary: Exercises requirement operators, markers and extras
License: MIT
Requires-Python: >=3.8
Requires-Dist: requests[socks]>=2.25,!=2.28.0
Requires-Dist: attrs~=23.1
Requires-Dist: packaging==24.*
Requires-Dist: tomli>=1.1.0; python_version < "3.11"
Requires-Dist: pywin32>=300; sys_platform == "win32"
Requires-Dist: colorama; os_name == "nt"
Requires-Dist: uvloop>=0.17; platform_system == "Linux" and implementation_name == "cpython"
Provides-Extra: cli
Requires-Dist: rich>=12; extra == "cli"
Provides-Extra: test
Requires-Dist: pytest>=7; extra == "test"
Requires-Dist: hypothesis; extra == "test" and python_version >= "3.9"
`,
};

/** A platlib wheel with a real CPython 3.11 extension module. */
const SPEEDUPS_C = `/* fastmath._speedups: a tiny CPython extension (a wheel2pkg fixture). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
speedups_add(PyObject *self, PyObject *args)
{
    long long a, b, sum;
    (void)self;
    if (!PyArg_ParseTuple(args, "LL:add", &a, &b)) {
        return NULL;
    }
    if (__builtin_add_overflow(a, b, &sum)) {
        PyErr_SetString(PyExc_OverflowError, "add: result does not fit in 64 bits");
        return NULL;
    }
    return PyLong_FromLongLong(sum);
}

static PyMethodDef speedups_methods[] = {
    {"add", speedups_add, METH_VARARGS, "add(a, b) -> a + b, for 64-bit integers."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT, "fastmath._speedups", "Integer arithmetic in C.", -1, speedups_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&speedups_module);
}
`;

const fastmath = (extension) => ({
  distribution: "fastmath",
  version: "0.5.0",
  tags: ["cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-manylinux2014_x86_64"],
  fileTags: "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
  rootIsPurelib: false,
  files: {
    "fastmath/__init__.py": `"""fastmath: arithmetic implemented in C."""
from ._speedups import add

__all__ = ["add"]
__version__ = "0.5.0"
`,
    "fastmath/_speedups.cpython-311-x86_64-linux-gnu.so": extension,
  },
  metadata: `Metadata-Version: 2.1
Name: fastmath
Version: 0.5.0
Summary: Adds integers in C
Author: Fay Example
License: MIT
Classifier: Programming Language :: C
Classifier: Programming Language :: Python :: 3.11
Classifier: Programming Language :: Python :: Implementation :: CPython
Requires-Python: >=3.11
`,
});

/** Metadata 1.2, the way distutils wrote it: the description folded into a header. */
const oldmeta = {
  distribution: "oldmeta",
  version: "0.9",
  tags: ["py3-none-any"],
  rootIsPurelib: true,
  files: {
    "oldmeta.py": `"""oldmeta: a single module packaged the old way."""

VERSION = "0.9"


def describe():
    return "oldmeta " + VERSION
`,
  },
  metadata: `Metadata-Version: 1.2
Name: oldmeta
Version: 0.9
Summary: A module with old-style metadata
Author: Old Timer
License: GPLv2+
Description: oldmeta
        =======
        
        A single module packaged the old way: the long description is
        folded into this header, each line indented by eight spaces.
        
            an indented line keeps its extra indent
Platform: UNKNOWN
`,
};

/**
 * Odd file names in a package, a namespace directory, `.data/data`, a man page and the license
 * file, with the characters packagers meet in real wheels (spaces, quotes, `%`, glob and brace
 * characters, `$`, backticks, non-ASCII), for the tests that build and install it on every
 * package family (test/security/odd-names.test.ts).
 * No name holds `"` or `\\`: a wheel with those is a test of its own (an rpm 4.18 `%files` list
 * cannot hold `"` beside a space; the zip reader refuses `\\`).
 */
const ODD_NAMES = [
  "sp ace's.txt",
  "100% {not,a} glob*?.txt",
  "[brackets] $HOME `tick`.txt",
  "\u00e9t\u00e9 \u540d\u524d.txt",
  "-dash #hash ~tilde !bang &amp; (paren);semi=1+1@.txt",
];
const oddNamesInit = `"""odd_names: a package whose files have names a shell, rpm or make would misread."""
import os

__version__ = "1.0"


def package_files():
    """The names of the files in the package's data directory."""
    here = os.path.join(os.path.dirname(__file__), "data")
    return sorted(os.listdir(here))
`;
const oddNames = {
  distribution: "odd_names",
  version: "1.0",
  tags: ["py3-none-any"],
  rootIsPurelib: true,
  dir: "security",
  files: {
    "odd_names/__init__.py": oddNamesInit,
    ...Object.fromEntries(ODD_NAMES.map((name) => [`odd_names/data/${name}`, `${name}\n`])),
    // Identical files of more than 1 KiB, which an RPM spec hard-links.
    "odd_names/data/big copy's 1%.bin": "0123456789abcdef".repeat(128),
    "odd_names/data/big copy's 2%.bin": "0123456789abcdef".repeat(128),
    // Executable without being a script, and a module with a #! line that is not executable:
    // the packaging fixes both with commands that name the file.
    "odd_names/run me's $x [1].dat": "not a script\n",
    "odd_names/tool's 100% {a}.py": "#!/usr/bin/python3\nVALUE = 1\n",
    // A namespace directory (no __init__.py): its files are listed one by one.
    ...Object.fromEntries(ODD_NAMES.map((name) => [`odd_names_extra/${name}`, `${name}\n`])),
    ...Object.fromEntries(
      ODD_NAMES.map((name) => [`odd_names-1.0.data/data/share/odd_names/${name}`, `${name}\n`]),
    ),
    "odd_names-1.0.data/data/share/man/man1/odd names's [tool] 100%.1": `.TH ODD-NAMES 1 "January 2020" "odd_names 1.0" "User Commands"
.SH NAME
odd names's [tool] 100% \\- a manual page with an odd file name
`,
    "odd_names-1.0.data/scripts/odd-names-tool": `#!python
"""Print the names of odd_names' data files."""
import odd_names

print("\\n".join(odd_names.package_files()))
`,
  },
  executables: ["odd_names/run me's $x [1].dat", "odd_names-1.0.data/scripts/odd-names-tool"],
  metadata: `Metadata-Version: 2.4
Name: odd-names
Version: 1.0
Summary: Files whose names hold spaces, quotes, percent signs and glob characters
Author: Odd Example
License-Expression: MIT
License-File: LICENSE 'MIT' [1] 100%.txt
Requires-Python: >=3.8

Every file of this wheel has a name that a careless packaging script would misread.
`,
  distInfoFiles: { "licenses/LICENSE 'MIT' [1] 100%.txt": MIT_LICENSE },
};

function wheelFile(spec) {
  const tags = spec.tags.map((tag) => `Tag: ${tag}\n`).join("");
  return `Wheel-Version: 1.0\nGenerator: ${GENERATOR}\nRoot-Is-Purelib: ${spec.rootIsPurelib}\n${tags}`;
}

/** A RECORD field, quoted as Python's csv module quotes it (a `,`, `"` or line break). */
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Member path → bytes, in archive order, with RECORD computed and last. */
function wheelMembers(spec) {
  const distInfo = `${spec.distribution}-${spec.version}.dist-info`;
  const members = new Map(Object.entries(spec.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const meta = { METADATA: spec.metadata, WHEEL: wheelFile(spec) };
  if (spec.entryPoints !== undefined) meta["entry_points.txt"] = spec.entryPoints;
  Object.assign(meta, spec.distInfoFiles ?? {});
  for (const name of Object.keys(meta).sort()) members.set(`${distInfo}/${name}`, meta[name]);
  const rows = [...members].map(([name, content]) => {
    const bytes = Buffer.from(content);
    const digest = createHash("sha256").update(bytes).digest("base64url");
    return `${csvField(name)},sha256=${digest},${bytes.length}\n`;
  });
  members.set(`${distInfo}/RECORD`, `${rows.join("")}${distInfo}/RECORD,,\n`);
  return members;
}

async function writeWheel(outDir, spec) {
  const name = `${spec.distribution}-${spec.version}-${spec.fileTags ?? spec.tags[0]}.whl`;
  const zip = new yazl.ZipFile();
  const executables = new Set(spec.executables ?? []);
  for (const [member, content] of wheelMembers(spec)) {
    zip.addBuffer(Buffer.from(content), member, {
      mtime: MTIME,
      mode: executables.has(member) ? 0o100755 : 0o100644,
      compress: false,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  const target = path.join(outDir, name);
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(target)).on("finish", resolve).on("error", reject);
  });
  return target;
}

/** Compiles the C extension reproducibly in a scratch directory; returns the stripped .so. */
function compileSpeedups() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "wheel2pkg-fastmath-"));
  try {
    fs.writeFileSync(path.join(scratch, "_speedups.c"), SPEEDUPS_C);
    const config = fs.existsSync("/usr/bin/python3.11-config")
      ? "/usr/bin/python3.11-config"
      : "python3.11-config";
    const includes = execFileSync(config, ["--includes"], { encoding: "utf8" }).trim().split(/\s+/);
    const output = path.join(scratch, "_speedups.so");
    const env = { ...process.env, LC_ALL: "C", SOURCE_DATE_EPOCH: "1577836800" };
    execFileSync(
      "cc",
      [
        "-shared",
        "-fPIC",
        "-O2",
        "-g0",
        ...includes,
        `-ffile-prefix-map=${scratch}=.`,
        "-Wl,--build-id=none",
        // A search path into the build machine, as manylinux builds leave them.
        "-Wl,-rpath,/opt/_internal/fastmath/lib",
        "-o",
        output,
        "_speedups.c",
      ],
      { cwd: scratch, env, stdio: ["ignore", "inherit", "inherit"] },
    );
    execFileSync("strip", ["--strip-all", output], { env });
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  // By default each wheel goes to fixtures/<its dir>; with --out, all of them go there.
  const outDir = (spec) =>
    outIndex >= 0
      ? path.resolve(args[outIndex + 1] ?? "")
      : path.join(root, "fixtures", spec.dir ?? "wheels");
  const native = !args.includes("--no-native");
  const specs = [helloCli, datapkg, extrasDemo, oldmeta, oddNames];
  if (native) specs.push(fastmath(compileSpeedups()));
  for (const spec of specs) {
    fs.mkdirSync(outDir(spec), { recursive: true });
    console.log(path.relative(process.cwd(), await writeWheel(outDir(spec), spec)));
  }
}

await main();
