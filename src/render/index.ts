import { existsSync } from "node:fs";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { UserError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import type { TemplateContext } from "../targets/text.js";

/** The templates shipped with wheel2pkg (`templates/` at the package root). */
export const builtinTemplateDir = join(packageRoot, "templates");

/** Renders named templates with a computed context. */
export interface Renderer {
  /** Renders `template` with a context of packaging text only (see `src/targets/text.ts`). */
  render(template: string, context: TemplateContext): string;
}

/**
 * A renderer over the user's template directories (searched first, so a user's
 * `rpm/python.spec.njk` overrides ours) and the built-in ones. Templates are logic-free:
 * no autoescaping (values are escaped for their destination in `src/targets/`), and an
 * undefined variable is an error rather than an empty string.
 */
export function createRenderer(overrideDirs: readonly string[] = []): Renderer {
  for (const dir of overrideDirs) {
    if (!existsSync(dir)) {
      throw new UserError(`template directory does not exist: ${dir}`, { field: "templates" });
    }
  }
  const loader = new nunjucks.FileSystemLoader([...overrideDirs, builtinTemplateDir], {
    noCache: false,
  });
  const environment = new nunjucks.Environment(loader, {
    autoescape: false,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return {
    render(template, context) {
      try {
        return environment.render(template, context);
      } catch (error) {
        // nunjucks writes where in the template on a line of its own.
        const [first = "", ...rest] = (error instanceof Error ? error.message : String(error))
          .trimEnd()
          .split("\n");
        throw new UserError([`cannot render template: ${first}`, ...rest], { file: template });
      }
    },
  };
}
