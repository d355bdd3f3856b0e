/**
 * A library one wheel of a batch ships and another links, as cmeel's wheels do (cmeel-boost's
 * `cmeel.prefix/lib/libboost_*`): a provider wheel ships a real `libfoo.so.1` in its package
 * directory, a dependent's extension module links it through an `$ORIGIN`-relative RUNPATH.
 * Built with `batch --build`, the provider builds first, the dependent's package depends on the
 * provider's (Build-Depends and Depends), and both, unpacked into one root, load together.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { debianFixtureSources, writeArchiveConfig } from "../helpers/archive-config.js";
import { runCli } from "../helpers/cli.js";
import { compileSharedObject } from "../helpers/shared-objects.js";
import { skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const tag = "cp311-cp311-manylinux_2_17_x86_64";
const platformWheel = `Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: ${tag}\n`;

/** Compiles the provider's library and the dependent's extension module that links it. */
function compile(): { library: Buffer; extension: Buffer } {
  const dir = fs.mkdtempSync(path.join(scratch.dir, "cc-"));
  const library = compileSharedObject(dir, {
    file: "libfoo.so.1",
    soname: "libfoo.so.1",
    source: "int foo_answer(void) { return 42; }\n",
  });
  const include = execFileSync(
    "python3",
    ["-c", "import sysconfig; print(sysconfig.get_paths()['include'])"],
    { encoding: "utf8" },
  ).trim();
  const extension = compileSharedObject(dir, {
    file: "_ext.so",
    source: [
      "#include <Python.h>",
      "extern int foo_answer(void);",
      "static PyObject *answer(PyObject *self, PyObject *args) { return PyLong_FromLong(foo_answer()); }",
      'static PyMethodDef methods[] = {{"answer", answer, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};',
      'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_ext", NULL, -1, methods};',
      "PyMODINIT_FUNC PyInit__ext(void) { return PyModule_Create(&module); }",
      "",
    ].join("\n"),
    links: ["libfoo.so.1"],
    // What cmeel's wheels carry: a search path relative to the module, into the provider.
    flags: [`-I${include}`, "-Wl,--enable-new-dtags,-rpath,$ORIGIN/../fooprov"],
  });
  return { library, extension };
}

/** The wheelhouse of the provider and the dependent (which does not require the provider). */
function wheelhouse(): string {
  const { library, extension } = compile();
  const house = path.join(scratch.dir, "house");
  fs.mkdirSync(house);
  const place = (file: string) => {
    fs.renameSync(file, path.join(house, path.basename(file)));
  };
  place(
    scratch.wheel(
      {
        name: "fooprov",
        wheel: platformWheel,
        files: { "fooprov/__init__.py": "", "fooprov/libfoo.so.1": library },
      },
      `fooprov-1.0-${tag}.whl`,
    ),
  );
  place(
    scratch.wheel(
      {
        name: "foouser",
        wheel: platformWheel,
        files: {
          "foouser/__init__.py": "",
          "foouser/_ext.cpython-311-x86_64-linux-gnu.so": extension,
        },
      },
      `foouser-1.0-${tag}.whl`,
    ),
  );
  return house;
}

/** A field of a .deb's control file. */
function debField(deb: string, field: string): string {
  return execFileSync("dpkg-deb", ["-f", deb, field], { encoding: "utf8" }).trim();
}

describe.skipIf(skipWithout("cc", "python3", "dpkg-deb", "dpkg-shlibdeps"))(
  "a library another wheel of the batch ships",
  () => {
    it("comes from that wheel's package: built first, depended on, and found at run time", async () => {
      const house = wheelhouse();
      const out = path.join(scratch.dir, "out");
      const result = await runCli([
        "batch",
        house,
        "--target",
        "debian-12",
        "--check-archive",
        "--config",
        writeArchiveConfig(path.join(scratch.dir, "wheel2pkg.toml"), {
          "debian-12": debianFixtureSources,
        }),
        "--out",
        out,
        "--build",
        "--quiet",
        "--report",
        path.join(scratch.dir, "report.json"),
      ]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(fs.readFileSync(path.join(scratch.dir, "report.json"), "utf8")) as {
        order: string[];
        entries: { project: string; status: string; requires: string[]; artifacts: string[] }[];
      };
      expect(report.order).toEqual(["fooprov", "foouser"]);
      const user = report.entries.find((e) => e.project === "foouser");
      expect(user?.status).toBe("built");
      expect(user?.requires).toEqual(["fooprov"]);

      const control = fs.readFileSync(
        path.join(out, "debian-12", "python-foouser", "python-foouser-1.0", "debian", "control"),
        "utf8",
      );
      expect(control).toMatch(/^Build-Depends:(?:\n .*)*\n python3-fooprov \(>= 1\.0\)/m);
      const shlibs = fs.readFileSync(
        path.join(
          out,
          "debian-12",
          "python-foouser",
          "python-foouser-1.0",
          "debian",
          "shlibs.local",
        ),
        "utf8",
      );
      expect(shlibs).toBe("libfoo 1 python3-fooprov (>= 1.0)\n");

      const debs = report.entries.flatMap((e) => e.artifacts).filter((a) => a.endsWith(".deb"));
      const userDeb = debs.find((d) => path.basename(d).startsWith("python3-foouser_"));
      const provDeb = debs.find((d) => path.basename(d).startsWith("python3-fooprov_"));
      expect(userDeb).toBeDefined();
      expect(provDeb).toBeDefined();
      expect(debField(userDeb ?? "", "Depends").split(", ")).toContain("python3-fooprov (>= 1.0)");

      // Both unpacked into one root: the module loads its library through its own RUNPATH.
      const root = path.join(scratch.dir, "root");
      for (const deb of [provDeb ?? "", userDeb ?? ""]) execFileSync("dpkg-deb", ["-x", deb, root]);
      const site = path.join(root, "usr/lib/python3/dist-packages");
      const runpath = execFileSync(
        "readelf",
        ["-d", path.join(site, "foouser/_ext.cpython-311-x86_64-linux-gnu.so")],
        { encoding: "utf8" },
      );
      expect(runpath).toMatch(/\(RUNPATH\).*\[\$ORIGIN\/\.\.\/fooprov\]/);
      const answer = execFileSync(
        "python3",
        ["-c", "import foouser._ext as e; print(e.answer())"],
        { encoding: "utf8", env: { ...process.env, PYTHONPATH: site } },
      );
      expect(answer.trim()).toBe("42");
    }, 300_000);
  },
);
