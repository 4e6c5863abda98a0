// The four core checks of hublint (rules/dockerhub: DH-MFA-001, DH-CON-001,
// DH-TOK-001, DH-ROLE-001) evaluated by @bufbuild/cel, the CEL implementation
// for JavaScript, over a hublint/state/v1 snapshot: the side-by-side
// benchmark of docs/performance.md (bench/run_scale.sh times this whole
// process).
//
//   node bench/core_checks.mjs SNAPSHOT.json
//
// Prints one line per rule, "RULE fail=N review=M", the same counts
// bench/core_checks.jq and `hublint check` give on the same snapshot.
//
// What it does, as hublint does: reads and parses the snapshot, computes the
// joins the rules use (OrgState::Finalize(): a member's highest permission
// through its teams, the integrations using an account, an integration's
// account and tokens), parses and plans each CEL expression once, then
// evaluates `when` and `check` for every resource. The expressions are read
// from the rule files themselves; the default params are passed as `params`.
//
// Unknown is not false: hublint turns a null fact into a CEL unknown and the
// check into a review result. @bufbuild/cel has no unknowns, so a null
// unknowable field is left out of the object instead: reading it is an
// error, which absorbs like an unknown (`true || error` is true) and gives
// a review, as it does in hublint.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// @bufbuild/cel is pinned in tests/node/package.json (`npm ci` there).
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "tests", "node", "package.json"));
const { celEnv, isCelError, parse, plan } = require("@bufbuild/cel");
const { strings } = require("@bufbuild/cel/ext");

const rulesDir = join(root, "rules", "dockerhub");

// The TOML string value of `key` in a rule file: "...", '...' or """...""".
// Enough TOML for these four files; anything else is refused loudly.
function ruleString(text, key) {
  const triple = new RegExp(`^${key} = """\\n?([\\s\\S]*?)"""`, "m");
  const basic = new RegExp(`^${key} = "((?:[^"\\\\]|\\\\.)*)"`, "m");
  const literal = new RegExp(`^${key} = '([^']*)'`, "m");
  let m = text.match(triple) ?? text.match(basic);
  if (m) return m[1].replace(/\\(["\\])/g, "$1");
  m = text.match(literal);
  if (m) return m[1];
  throw new Error(`no ${key} in the rule file`);
}

function loadRule(id) {
  const text = readFileSync(join(rulesDir, `${id}.toml`), "utf8");
  const has = (key) => new RegExp(`^${key} = `, "m").test(text);
  return {
    id,
    when: has("when") ? ruleString(text, "when") : null,
    check: ruleString(text, "check"),
    variables: has("editors") ? { editors: ruleString(text, "editors") } : {},
  };
}

// The rules' default [params] (docs/rules/*.md); the counts must match
// hublint's, which reads them from the same files.
const params = {
  "DH-MFA-001": {},
  "DH-CON-001": { org_email_pattern: "", service_account_pattern: "" },
  "DH-TOK-001": {
    read_only_personal_scopes: ["repo:read", "repo:public_read"],
    read_only_organization_scopes: ["scope-image-pull"],
  },
  "DH-ROLE-001": { max_editors: 2n, editor_allowlist: [] },
};

const kRank = { none: 0, read: 1, write: 2, admin: 3 };
const kNames = ["none", "read", "write", "admin"];

function dropNulls(object, keys) {
  for (const key of keys) if (object[key] === null) delete object[key];
}

// OrgState::Finalize(), for the joins these rules read.
function finalize(state) {
  // Arrays a hand-written state may leave out are empty.
  for (const key of ["members", "teams", "access_tokens", "integrations"]) {
    state[key] ??= [];
  }
  const members = new Map();
  for (const m of state.members) {
    m.integrations = [];
    m.tokens = [];
    m.highest_permission = "none";
    m._teams = new Set(m.teams);
    dropNulls(m, ["email", "full_name", "is_guest", "two_factor_enabled",
                  "date_joined", "last_logged_in_at"]);
    members.set(m.username, m);
  }
  for (const t of state.teams) {
    for (const name of t.members ?? []) members.get(name)?._teams.add(t.name);
  }
  const teamRank = new Map();
  for (const t of state.teams) {
    let rank = 0;
    for (const g of t.repository_permissions ?? []) {
      rank = Math.max(rank, kRank[g.permission]);
    }
    teamRank.set(t.name, rank);
  }
  for (const m of members.values()) {
    let rank = 0;
    for (const name of m._teams) rank = Math.max(rank, teamRank.get(name) ?? 0);
    m.highest_permission = kNames[rank];
    delete m._teams;
  }
  const tokensByLabel = new Map();
  const tokensById = new Map();
  for (const t of state.access_tokens) {
    if (t.owner !== null && t.kind === "personal") {
      members.get(t.owner)?.tokens.push(t);
    }
    if (!tokensByLabel.has(t.label)) tokensByLabel.set(t.label, []);
    tokensByLabel.get(t.label).push(t);
    tokensById.set(t.id, t);
  }
  for (const i of state.integrations) {
    const account = members.get(i.username) ?? null;
    i.member = account;
    if (account) account.integrations.push(i);
    const tokens = new Set();
    if (i.token_id != null && tokensById.has(i.token_id)) {
      tokens.add(tokensById.get(i.token_id));
    }
    for (const t of tokensByLabel.get(i.token_label) ?? []) {
      if (t.kind === "organization" || t.owner === i.username) tokens.add(t);
    }
    // hublint: `tokens` is unknown when the state has none of them.
    if (tokens.size > 0) i.tokens = [...tokens];
  }
  state.org.members = state.members;
  state.org.teams = state.teams;
  state.org.access_tokens = state.access_tokens;
  state.org.integrations = state.integrations;
  dropNulls(state.org.settings, ["sso_enforced", "scim_enabled"]);
}

function main() {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: node bench/core_checks.mjs SNAPSHOT.json");
    process.exit(2);
  }
  const state = JSON.parse(readFileSync(path, "utf8"));
  finalize(state);
  const env = celEnv({ funcs: strings });
  const resources = { member: state.members, integration: state.integrations };
  const kinds = {
    "DH-MFA-001": "member",
    "DH-CON-001": "integration",
    "DH-TOK-001": "integration",
    "DH-ROLE-001": "member",
  };
  for (const id of Object.keys(kinds)) {
    const rule = loadRule(id);
    const kind = kinds[id];
    const bindings = { org: state.org, params: params[id], variables: {} };
    for (const [name, expr] of Object.entries(rule.variables)) {
      bindings.variables[name] = plan(env, parse(expr))(bindings);
    }
    const when = rule.when === null ? null : plan(env, parse(rule.when));
    const check = plan(env, parse(rule.check));
    let fail = 0;
    let review = 0;
    for (const resource of resources[kind]) {
      bindings[kind] = resource;
      if (when !== null) {
        const applies = when(bindings);
        if (isCelError(applies)) {
          review++;
          continue;
        }
        if (applies === false) continue;
      }
      const verdict = check(bindings);
      if (verdict === false) fail++;
      else if (verdict !== true) review++;
    }
    console.log(`${id} fail=${fail} review=${review}`);
  }
}

main();
