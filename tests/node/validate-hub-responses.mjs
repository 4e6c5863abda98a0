// Validates the fake Docker Hub's recorded answers (tests/fake_hub/
// record_hub_responses) against the response schemas of the Docker Hub
// OpenAPI spec, so the fake cannot drift from the real API.
//
//   node validate-hub-responses.mjs RESPONSES.json SPEC.yaml
//
// Each record {endpoint, method, path, status, body} is checked against
// paths[path][method].responses[status] (a $ref to components.responses is
// followed), with the spec's known defects corrected by the OVERRIDES below
// (each one documented in ../shared/reference/notes/docker-hub-api.md §15),
// and routes the spec lacks checked against the shapes the notes record.
// Prints one line per record and a closing "N passed, N failed" line; exits
// 1 on any failure. Needs `npm ci` in tests/node (js-yaml, ajv,
// ajv-formats); without them it exits 77 (skipped), or 1 when CI=true.

import { readFileSync } from "node:fs";

let yaml, Ajv, addFormats;
try {
  yaml = (await import("js-yaml")).default;
  Ajv = (await import("ajv")).default;
  addFormats = (await import("ajv-formats")).default;
} catch (e) {
  console.error(
    "validate-hub-responses: js-yaml, ajv and ajv-formats are missing; run " +
      "`npm ci` in tests/node");
  process.exit(process.env.CI === "true" ? 1 : 77);
}

const [responsesPath, specPath] = process.argv.slice(2);
if (!responsesPath || !specPath) {
  console.error("usage: node validate-hub-responses.mjs RESPONSES.json SPEC.yaml");
  process.exit(2);
}
const records = JSON.parse(readFileSync(responsesPath, "utf8"));
const spec = yaml.load(readFileSync(specPath, "utf8"));
const schemas = spec.components.schemas;

// --- Overrides: the spec's defects, corrected. ---------------------------
const nullable = (s) => ({ ...s, nullable: true });
const pageLinks = (obj) => {
  for (const key of ["next", "previous"]) {
    if (obj.properties?.[key]) obj.properties[key] = nullable(obj.properties[key]);
  }
};
// §15.8 and the same pattern elsewhere: `next`/`previous` are typed string
// without `nullable`, but are null on the first and last pages.
for (const name of ["org_member_paginated", "getOrgAccessTokensResponse",
                    "getAccessTokensResponse"]) {
  pageLinks(schemas[name]);
}
for (const path of ["/v2/orgs/{org_name}/groups",
                    "/v2/orgs/{org_name}/groups/{group_name}/members"]) {
  pageLinks(spec.paths[path].get.responses["200"].content["application/json"].schema);
}
// §15.3: the role enum lacks Editor (and custom roles, which the fake does
// not serve).
schemas.org_member.properties.role.enum.push("Editor");
// §15.1: the member list is one paginated object, not an array of them.
spec.paths["/v2/orgs/{org_name}/members"].get.responses["200"].content[
  "application/json"].schema = { $ref: "#/components/schemas/org_member_paginated" };
// orgAccessTokenResource puts `required: true` inside each property (not
// JSON Schema); the fields are required, so say it the JSON Schema way.
{
  const r = schemas.orgAccessTokenResource;
  for (const p of Object.values(r.properties)) delete p.required;
  r.required = ["type", "path", "scopes"];
}
// §15.5: team_repo refers to a missing #/components/responses/team_repo.
delete schemas.team_repo.allOf;

// --- Routes the spec does not have (notes §6 and §9, [OBSERVED]). ---------
const errorSchema = { $ref: "#/components/schemas/error" };
const extraRoutes = {
  "/v2/repositories/{namespace}/{repository}/groups/": {
    200: {
      type: "object",
      required: ["count", "next", "previous", "results"],
      properties: {
        count: { type: "integer" },
        next: { type: "string", nullable: true },
        previous: { type: "string", nullable: true },
        results: { type: "array", items: { $ref: "#/components/schemas/RepositoryGroup" } },
      },
    },
    404: errorSchema,
  },
  "/v2/repositories/{namespace}/{repository}/groups/{group_id}/": {
    200: { $ref: "#/components/schemas/RepositoryGroup" },
    404: errorSchema,
  },
  "/v2/orgs/{org_name}/settings/registry-access-management": {
    200: {
      type: "object",
      required: ["enabled", "standard_registries", "custom_registries"],
      properties: {
        enabled: { type: "boolean" },
        standard_registries: {
          type: "array",
          items: {
            type: "object", required: ["id", "allowed"],
            properties: { id: { type: "string" }, allowed: { type: "boolean" } },
          },
        },
        custom_registries: {
          type: "array",
          items: {
            type: "object", required: ["address", "allowed"],
            properties: {
              address: { type: "string" },
              friendly_name: { type: "string" },
              allowed: { type: "boolean" },
            },
          },
        },
      },
    },
  },
};

// Statuses the API sends that the spec leaves out ([OBSERVED], notes §0.3:
// `403 {"message": "token issued from personal access token is not
// allowed", "errinfo": {}}`).
const undocumentedStatuses = { "/v2/access-tokens": [403] };

// --- Validation. ------------------------------------------------------------
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map();
function validatorFor(schema) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) {
    compiled.set(key, ajv.compile({ ...schema, components: spec.components }));
  }
  return compiled.get(key);
}

function responseSchema(record) {
  if (extraRoutes[record.path]) {
    const s = extraRoutes[record.path][record.status];
    return s ? { schema: s } : { error: `no documented ${record.status} answer` };
  }
  const op = spec.paths[record.path]?.[record.method.toLowerCase()];
  if (!op) return { error: `${record.method} ${record.path} is not in the spec` };
  let response = op.responses[String(record.status)] ?? op.responses.default;
  if (!response && undocumentedStatuses[record.path]?.includes(record.status)) {
    return { schema: errorSchema };
  }
  if (!response && record.status >= 500) {
    // Any route can fail; the spec's own internal_error uses `error`.
    return { schema: errorSchema };
  }
  if (!response) return { error: `the spec has no ${record.status} answer` };
  if (response.$ref) {
    const name = response.$ref.replace("#/components/responses/", "");
    response = spec.components.responses[name];
    if (!response) return { error: `missing response ${name}` };
  }
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return { error: `the ${record.status} answer has no JSON schema` };
  return { schema };
}

let passed = 0;
let failed = 0;
const covered = new Set();
for (const record of records) {
  const name = `${record.method} ${record.target} -> ${record.status}`;
  const { schema, error } = responseSchema(record);
  if (error) {
    console.log(`FAIL ${name}: ${error}`);
    failed++;
    continue;
  }
  const validate = validatorFor(schema);
  if (validate(record.body)) {
    console.log(`ok   ${name}`);
    passed++;
    covered.add(record.endpoint);
  } else {
    console.log(`FAIL ${name}: ${ajv.errorsText(validate.errors, { dataVar: "body" })}`);
    failed++;
  }
}
// Every endpoint the collector reads must have been checked.
const endpoints = ["auth", "members", "invites", "groups", "group_members",
                   "repositories", "repository", "repository_groups",
                   "repository_group", "org_access_tokens", "org_access_token",
                   "access_tokens", "settings", "registry_access_management",
                   "auditlogs"];
for (const e of endpoints) {
  if (!covered.has(e)) {
    console.log(`FAIL endpoint ${e}: no answer of it was validated`);
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
