// Builds pcplan's front-end assets into pcplan/static/pcplan/ from the npm packages.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "pcplan", "static", "pcplan");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "pcplan", "assets", "pcplan.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "pcplan.css"), css.css);

const copies = {
  "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js": "govuk-frontend.min.js",
  "node_modules/htmx.org/dist/htmx.min.js": "htmx.min.js",
  "node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico": "favicon.ico",
};
for (const [from, to] of Object.entries(copies)) {
  copyFileSync(join(root, from), join(out, to));
}
console.log(`built ${out}`);
