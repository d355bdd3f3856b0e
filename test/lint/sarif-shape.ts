/**
 * A structural check of a SARIF 2.1.0 log: the properties the SARIF 2.1.0 schema requires, the
 * enumerations it restricts, and the cross-references code-scanning dashboards rely on. Returns
 * every problem as a JSON path and a message (empty: valid).
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Problems of a SARIF log; [] when it has the shape SARIF 2.1.0 requires. */
export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push(`${path}: ${message}`);
  };
  if (!isObject(log)) return ["$: not an object"];
  need(log.version === "2.1.0", "$.version", 'must be "2.1.0"');
  need(
    typeof log.$schema === "string" && /sarif.*2\.1\.0/.test(log.$schema),
    "$.$schema",
    "must name the 2.1.0 schema",
  );
  need(Array.isArray(log.runs), "$.runs", "must be an array");
  const runs = Array.isArray(log.runs) ? (log.runs as unknown[]) : [];
  runs.forEach((run, r) => {
    const at = `$.runs[${r}]`;
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver)) {
      problems.push(`${at}.tool.driver: required`);
      return;
    }
    const driver = run.tool.driver;
    need(
      typeof driver.name === "string" && driver.name !== "",
      `${at}.tool.driver.name`,
      "required string",
    );
    const rules = Array.isArray(driver.rules) ? (driver.rules as unknown[]) : [];
    need(
      driver.rules === undefined || Array.isArray(driver.rules),
      `${at}.tool.driver.rules`,
      "must be an array",
    );
    const ids: string[] = [];
    rules.forEach((rule, i) => {
      const path = `${at}.tool.driver.rules[${i}]`;
      const ok = isObject(rule) && typeof rule.id === "string";
      need(ok, `${path}.id`, "required string");
      if (ok) ids.push(rule.id as string);
      if (isObject(rule) && rule.shortDescription !== undefined) {
        need(
          isObject(rule.shortDescription) && typeof rule.shortDescription.text === "string",
          `${path}.shortDescription.text`,
          "required string",
        );
      }
      if (isObject(rule) && rule.helpUri !== undefined) {
        need(
          typeof rule.helpUri === "string" && URL.canParse(rule.helpUri),
          `${path}.helpUri`,
          "must be an absolute URI",
        );
      }
    });
    need(
      run.results === undefined || Array.isArray(run.results),
      `${at}.results`,
      "must be an array",
    );
    const results = Array.isArray(run.results) ? (run.results as unknown[]) : [];
    results.forEach((result, i) => {
      const path = `${at}.results[${i}]`;
      if (!isObject(result)) {
        problems.push(`${path}: not an object`);
        return;
      }
      need(
        isObject(result.message) && typeof result.message.text === "string",
        `${path}.message.text`,
        "required string",
      );
      need(typeof result.ruleId === "string", `${path}.ruleId`, "required string");
      need(
        ["none", "note", "warning", "error"].includes(String(result.level)),
        `${path}.level`,
        "must be none, note, warning or error",
      );
      if (result.ruleIndex !== undefined) {
        need(
          typeof result.ruleIndex === "number" && ids[result.ruleIndex] === result.ruleId,
          `${path}.ruleIndex`,
          "must point at the rule with the result's ruleId",
        );
      }
      const locations = Array.isArray(result.locations) ? (result.locations as unknown[]) : [];
      need(locations.length > 0, `${path}.locations`, "at least one location");
      locations.forEach((location, l) => {
        const where = `${path}.locations[${l}].physicalLocation`;
        const physical = isObject(location) ? location.physicalLocation : undefined;
        if (!isObject(physical) || !isObject(physical.artifactLocation)) {
          problems.push(`${where}.artifactLocation: required`);
          return;
        }
        const uri = physical.artifactLocation.uri;
        need(
          typeof uri === "string" && uri !== "" && !/\s/.test(uri),
          `${where}.artifactLocation.uri`,
          "required URI reference",
        );
        if (physical.region !== undefined) {
          const region = physical.region;
          need(
            isObject(region) &&
              Number.isInteger(region.startLine) &&
              (region.startLine as number) >= 1,
            `${where}.region.startLine`,
            "integer ≥ 1",
          );
        }
      });
    });
  });
  return problems;
}
