#!/usr/bin/env node
// validate-json-schema.mjs SCHEMA FILE... : validates JSON files against a
// JSON Schema (draft 2020-12) with ajv, formats enforced. Exit 0 when every
// file is valid, 1 when one is not (errors on stderr, with the file and the
// JSON pointer), 2 on usage or I/O errors.
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: validate-json-schema.mjs SCHEMA FILE...');
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
} catch (e) {
  console.error(`${schemaPath}: ${e.message}`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  if (validate(data)) {
    console.log(`${file}: valid`);
  } else {
    failed++;
    for (const err of validate.errors) {
      console.error(`${file}: ${err.instancePath || '/'} ${err.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
