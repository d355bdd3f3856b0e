/**
 * How openSUSE spells the packages of Python projects whose PyPI name is not all lower case.
 * openSUSE names a package after the project as PyPI spells it (`python-PyYAML`, built as
 * `python313-PyYAML`), and rpm compares names with case, so a requirement on `pyyaml` must name
 * `python-PyYAML`. These are the spellings of Tumbleweed's package sources (each checked there);
 * with an archive index (`--check-archive`) the archive's own spelling is used for every name.
 */
const spellings = [
  "Babel",
  "Cython",
  "Django",
  "Flask",
  "GitPython",
  "Jinja2",
  "Mako",
  "Markdown",
  "MarkupSafe",
  "Pillow",
  "PyJWT",
  "PyNaCl",
  "PySocks",
  "PyYAML",
  "Pygments",
  "SQLAlchemy",
  "Sphinx",
  "Twisted",
  "Werkzeug",
];

/** PEP 503 name → openSUSE's spelling, for the projects above. */
export const opensuseSpellings: ReadonlyMap<string, string> = new Map(
  spellings.map((name) => [name.toLowerCase(), name]),
);
