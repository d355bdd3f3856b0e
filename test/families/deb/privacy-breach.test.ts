import { describe, expect, it } from "vitest";
import { privacyBreachCheck, privacyBreaches } from "../../../src/families/deb/privacy-breach.js";

// Each case as lintian 2.116 reports it on a file of that name and content.
const padding = "x".repeat(40_000);
const cases: [string, string, string[]][] = [
  [
    "page.html",
    '<html><script src="https://cdn.example.org/chart.min.js"></script></html>',
    ["privacy-breach-generic"],
  ],
  [
    "boot.html",
    '<html><link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.8/dist/css/bootstrap.min.css"></html>',
    ["privacy-breach-uses-embedded-file"],
  ],
  ["canon.html", '<html><link rel="canonical" href="https://example.org/"></html>', []],
  ["comment.html", '<html><!-- <script src="https://x.org/a.js"></script> --></html>', []],
  ["local.html", '<html><script src="http://localhost:8000/a.js"></script></html>', []],
  ["ga.js", 'var google_ad_client = "ca-pub-1";', ["privacy-breach-google-adsense"]],
  ["style.css", '@import url("https://fonts.example.com/x.css");', ["privacy-breach-generic"]],
  // Past the first window of 32 KiB: the later windows are read too.
  ["big.js", `${padding}\n<img src="https://x.org/img/logo.png">`, ["privacy-breach-logo"]],
  [
    "fb.html",
    '<html><script src="//connect.facebook.net/en_US/sdk.js"></script></html>',
    ["privacy-breach-generic"],
  ],
  [
    "upper.html",
    '<HTML><SCRIPT SRC="HTTPS://CDN.EXAMPLE.ORG/A.JS"></SCRIPT></HTML>',
    ["privacy-breach-generic"],
  ],
  // Attributes before href, over two lines; a link to a license loads nothing.
  [
    "attrs.html",
    '<html><link rel="stylesheet" type="text/css"\n  href="https://cdn.example.org/x.css"><link media="all" rel="license" href="https://example.org/l.html"></html>',
    ["privacy-breach-generic"],
  ],
  // A window of white space inside an open tag: lintian's pattern as written backtracks for
  // seconds here; the same pattern without nested repetition does not.
  ["spaces.html", `<link ${" \t".repeat(16_000)}href="//x`, []],
];

describe("privacyBreaches", () => {
  it.each(cases)("%s", (name, content, tags) => {
    expect(privacyBreaches(`usr/share/demo/${name}`, Buffer.from(content))).toEqual(tags);
  });

  it("is asked for web files only, and names its findings as lintian's tags", () => {
    expect(privacyBreachCheck.applies("demo/templates/page.html", 100)).toBe(true);
    expect(privacyBreachCheck.applies("demo/static/app.JS", 100)).toBe(true);
    expect(privacyBreachCheck.applies("demo/notes.txt", 100)).toBe(false);
    expect(privacyBreachCheck.run(Buffer.from(cases[0]?.[1] ?? ""), "demo/page.html")).toEqual([
      "lintian:privacy-breach-generic",
    ]);
  });
});
