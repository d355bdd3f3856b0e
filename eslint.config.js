import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The stages of the pipeline, in order: a stage may import from those before it only. */
const stages = [
  "wheel",
  "profiles",
  "model",
  "mapping",
  "config",
  "targets",
  "render",
  "native",
  "families",
  "convert",
  "lint",
  "apply",
  "resolve",
  "batch",
  "cli",
];

/** The modules that brand packaging text (src/targets/text.ts and the escapers). */
const escapers = [
  "src/targets/text.ts",
  "src/families/rpm/escape.ts",
  "src/families/deb/control-text.ts",
  "src/families/deb/rules-text.ts",
];

/**
 * Where each library may be imported: yauzl reads wheels, nunjucks renders, execa runs tools,
 * marked reads Markdown descriptions, tar-stream and node-liblzma write and read .debs.
 */
const libraryHomes = {
  yauzl: "wheel",
  nunjucks: "render",
  execa: "native",
  marked: "targets",
  "tar-stream": "families",
  "node-liblzma": "families",
};

/** The import restrictions of one stage's files; `brands` for the escapers themselves. */
function importRules(stage, later, brands) {
  const patterns = later.map((other) => ({
    group: [`**/${other}/*`, `**/${other}/**/*`],
    message: `${stage} comes before ${other} in the pipeline: it may not import from it.`,
  }));
  for (const [library, home] of Object.entries(libraryHomes)) {
    if (home !== stage) {
      patterns.push({ group: [library], message: `${library} is used only in src/${home}/.` });
    }
  }
  if (!brands) {
    patterns.push({
      group: ["**/targets/text.js", "../text.js", "./text.js"],
      importNames: ["escapedFor"],
      message: "Only the escapers brand text: use one of them, or a tagged template.",
    });
  }
  return patterns;
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "fixtures/", "coverage/", "scripts/", "bin/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Packaging text is made only by the escapers and src/targets/text.ts (docs/architecture.md).
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "TSAsExpression > TSTypeReference[typeName.name=/^(PackagingText|SpecText|ChangesText|Deb822Text|RulesText|ChangelogText)$/]",
          message: "Packaging text comes from an escaper or a tagged template, never a cast.",
        },
        {
          selector: "CallExpression[callee.property.name='localeCompare']",
          message:
            "Orders that reach output or keys are byte-wise, the same in every locale: use compare from src/targets/common/files.ts.",
        },
      ],
    },
  },
  { files: escapers, rules: { "no-restricted-syntax": "off" } },
  // Each stage imports only from the stages before it, and each library from its one place
  // (docs/architecture.md, "The pipeline").
  ...stages.flatMap((stage, index) => {
    const rules = (brands) => ({
      "no-restricted-imports": [
        "error",
        { patterns: importRules(stage, stages.slice(index + 1), brands) },
      ],
    });
    const own = escapers.filter((file) => file.startsWith(`src/${stage}/`));
    return [
      { files: [`src/${stage}/**/*.ts`], ignores: own, rules: rules(false) },
      ...(own.length > 0 ? [{ files: own, rules: rules(true) }] : []),
    ];
  }),
  // Files outside the stages (src/index.ts, errors, diagnostics) brand nothing either.
  {
    files: ["src/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: importRules("", [], false) }] },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
