# The four core checks of hublint (rules/dockerhub: DH-MFA-001, DH-CON-001,
# DH-TOK-001, DH-ROLE-001) as one jq program over a hublint/state/v1
# snapshot, with the rules' default params: the side-by-side benchmark of
# docs/performance.md (bench/run_scale.sh times the whole process).
#
#   jq -r -f bench/core_checks.jq SNAPSHOT.json
#
# Prints one line per rule, "RULE fail=N review=M", the same counts
# bench/core_checks.mjs and `hublint check` give on the same snapshot.
# Unknown is not false, as in hublint: a null fact the verdict depends on
# gives a review, not a pass or a failure.

# Three-valued logic: true, false, or null for unknown (CEL's && and ||
# with unknowns, which absorb like errors).
def or3(a; b): if a == true or b == true then true
               elif a == null or b == null then null else false end;
def eq_true: if . == null then null else . == true end;

# OrgState::Finalize(), for the joins these rules read.
def rank: {"none": 0, "read": 1, "write": 2, "admin": 3}[.];

# Arrays a hand-written state may leave out are empty.
.members //= [] | .teams //= [] | .access_tokens //= [] | .integrations //= []
| . as $s
| ($s.members | map({key: .username, value: .}) | from_entries) as $members
| ($s.teams | map({key: .name,
                   value: ([.repository_permissions[]?.permission | rank]
                           | max // 0)})
  | from_entries) as $team_rank
| (reduce $s.integrations[] as $i ({}; .[$i.username] += 1)) as $uses
| ["none", "read", "write", "admin"] as $names
# A member's highest permission: over the teams either side names.
| def highest($m):
    ([$m.teams[]?] + [$s.teams[] | select(.members | index($m.username))
                      | .name])
    | map($team_rank[.] // 0) | max // 0 | $names[.];
# An integration's tokens (by id, or by label among organization tokens
# and the account's own personal tokens); null when the state has none.
  def tokens($i):
    [$s.access_tokens[]
     | select((($i.token_id // null) != null and .id == $i.token_id)
              or ($i.token_label != null and .label == $i.token_label
                  and (.kind == "organization" or .owner == $i.username)))]
    | if length == 0 then null else . end;
  def count_verdicts($id):
    "\($id) fail=\(map(select(. == false)) | length) review=\(map(select(. == null)) | length)";

# DH-MFA-001: when !is_guest; check sso_enforced == true ||
# two_factor_enabled == true. A null is_guest: review.
  ($s.org.settings.sso_enforced | eq_true) as $sso
| ([$s.members[]
    | if .is_guest == true then empty
      elif .is_guest == null then null
      else or3($sso; .two_factor_enabled | eq_true) end]
   | count_verdicts("DH-MFA-001")),

# DH-CON-001 (org_email_pattern and service_account_pattern empty): the
# account exists, is no owner, serves one integration, and has at most read.
  ([$s.integrations[]
    | $members[.username] as $m
    | $m != null and $m.role != "owner" and $uses[.username] == 1
      and (highest($m) | . == "none" or . == "read")]
   | count_verdicts("DH-CON-001")),

# DH-TOK-001: every token of the integration is read-only; unknown tokens:
# review.
  ([$s.integrations[]
    | tokens(.) as $tokens
    | if $tokens == null then null
      else $tokens
           | all(if .kind == "personal"
                 then all(.scopes[]; . == "repo:read" or . == "repo:public_read")
                 else all(.resources[]?;
                          all(.scopes[]; . == "scope-image-pull"
                                         or endswith("-read")))
                 end)
      end]
   | count_verdicts("DH-TOK-001")),

# DH-ROLE-001 (max_editors 2, empty editor_allowlist): when role ==
# "editor"; an integration's account or allowlisted, and at most
# max_editors editors.
  ([$s.members[] | select(.role == "editor")] as $editors
   | [$editors[] | ($uses[.username] // 0) > 0 and ($editors | length) <= 2]
   | count_verdicts("DH-ROLE-001"))
