import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    ignores: [
      "src/targets/text.ts",
      "src/families/rpm/escape.ts",
      "src/families/deb/control-text.ts",
      "src/families/deb/rules-text.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "TSAsExpression > TSTypeReference[typeName.name=/^(PackagingText|SpecText|ChangesText|Deb822Text|RulesText|ChangelogText)$/]",
          message: "Packaging text comes from an escaper or a tagged template, never a cast.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/targets/text.js", "../text.js", "./text.js"],
              importNames: ["escapedFor"],
              message: "Only the escapers brand text: use one of them, or a tagged template.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
