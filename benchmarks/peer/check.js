// The peer of `wellbeing validate --schema`: ajv (draft-07, every error) with ajv-formats, over js-yaml
// with its YAML 1.2 core schema (so dates stay strings, as in YAML 1.2). Installed by validate_bench.py.
//
// Usage: node check.js SCHEMA FOLDER [--verdicts]
// Checks FOLDER's *.yaml files (recursively, sorted by path); prints "files N invalid I", and with
// --verdicts one "valid PATH" or "invalid PATH" line per file first.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const yaml = require("js-yaml");

const [schemaFile, folder, flag] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith(".yaml")) out.push(full);
  }
  return out;
}

const files = walk(folder, []).sort();
let invalid = 0;
const lines = [];
for (const file of files) {
  let ok;
  try {
    ok = validate(yaml.load(fs.readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA }));
  } catch (e) {
    ok = false;
  }
  if (!ok) invalid++;
  if (flag === "--verdicts") lines.push(`${ok ? "valid" : "invalid"} ${file}`);
}
lines.push(`files ${files.length} invalid ${invalid}`);
process.stdout.write(lines.join("\n") + "\n");
