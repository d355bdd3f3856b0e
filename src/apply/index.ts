/**
 * The apply stage: what `convert` and `batch` do with a planned package (lint, write, build), in
 * one place (docs/architecture.md, "The pipeline").
 */
export { apply, type AppliedPackage, type ApplyOptions, type ApplyStep } from "./apply.js";
export {
  convertOrRefuse,
  convertWheel,
  type ConvertedPackage,
  type ConvertOptions,
  type ConvertResult,
  type FailedPackage,
  type RefusedWheel,
} from "./convert-wheel.js";
