#!/usr/bin/env bash
# End-to-end check of assignment rules (Gatehouse's own "gatehouse" service, beyond AWS) with the
# real AWS CLI v1, which learns the service from its model with `aws configure add-model`:
# a group gets a permission set in every account under an OU and in every account with a tag,
# accounts created and moved later follow, and deleting a rule takes back its assignments.
#
#   tests/e2e/rules.sh                      # starts ./gatehouse serve on a temp data dir, then checks it
#   GATEHOUSE_ENDPOINT=http://127.0.0.1:8080 AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… tests/e2e/rules.sh
#
# The CLI is GATEHOUSE_AWS_CLI, else `aws` on PATH (as for cli.sh). The model is added under a
# temporary HOME, so the developer's ~/.aws is neither read nor written.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
aws_cli="${GATEHOUSE_AWS_CLI:-$(command -v aws || true)}"
if [[ -z "$aws_cli" ]]; then
  echo "rules.sh: no aws CLI on PATH (install it, e.g. apt-get install awscli, or set GATEHOUSE_AWS_CLI)" >&2
  exit 2
fi
echo "rules.sh: using $("$aws_cli" --version 2>&1)"

export AWS_CONFIG_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=2
unset AWS_PROFILE AWS_SESSION_TOKEN || true

server_pid=""
work="$(mktemp -d)"
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${GATEHOUSE_ENDPOINT:-}" ]]; then
  "$repo/gatehouse" serve --port 0 --data-dir "$work/data" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    GATEHOUSE_ENDPOINT="$(grep -o 'Gatehouse ready on http://[^ ]*' "$work/server.log" | head -1 | sed 's/.* on //')" || true
    [[ -n "$GATEHOUSE_ENDPOINT" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "rules.sh: server exited" >&2; exit 1; fi
    sleep 0.5
  done
  [[ -n "$GATEHOUSE_ENDPOINT" ]] || { cat "$work/server.log" >&2; echo "rules.sh: server not ready" >&2; exit 1; }
  export AWS_SHARED_CREDENTIALS_FILE="$work/data/root-credentials" AWS_PROFILE=gatehouse
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY || true
fi
echo "rules.sh: server $GATEHOUSE_ENDPOINT"

# Teach the CLI the gatehouse service: it is then `aws gatehouse <operation>` like any AWS service.
export HOME="$work/home"
mkdir -p "$HOME"
"$aws_cli" configure add-model --service-name gatehouse \
  --service-model "file://$repo/server/src/main/resources/aws-models/gatehouse/service-2.json"

passed=0
gh() { "$aws_cli" --endpoint-url "$GATEHOUSE_ENDPOINT" --output text "$@"; }
expect() { # expect WHAT ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); else
    echo "FAIL: $1: expected [$3], got [$2]" >&2; echo "$passed passed, 1 failed"; exit 1; fi
}
sorted() { tr '\t ' '\n\n' | grep -v '^$' | sort | tr '\n' ' ' | sed 's/ $//'; }

run="r$(date +%s)$RANDOM"
instance="$(gh sso-admin list-instances --query 'Instances[0].InstanceArn')"
store="$(gh sso-admin list-instances --query 'Instances[0].IdentityStoreId')"
root="$(gh organizations list-roots --query 'Roots[0].Id')"
prod="$(gh organizations create-organizational-unit --parent-id "$root" --name "Production-$run" --query OrganizationalUnit.Id)"
web="$(gh organizations create-organizational-unit --parent-id "$prod" --name "Web-$run" --query OrganizationalUnit.Id)"
dev="$(gh organizations create-organizational-unit --parent-id "$root" --name "Development-$run" --query OrganizationalUnit.Id)"
account() { # account NAME [PARENT] → the new account's id, moved under PARENT
  local id
  id="$(gh organizations create-account --email "$1-$run@example.com" --account-name "$1-$run" --query CreateAccountStatus.AccountId)"
  if [[ -n "${2:-}" ]]; then gh organizations move-account --account-id "$id" --source-parent-id "$root" --destination-parent-id "$2"; fi
  echo "$id"
}
a1="$(account prod-1 "$prod")"
a2="$(account web-1 "$web")"
a3="$(account dev-1 "$dev")"
group="$(gh identitystore create-group --identity-store-id "$store" --display-name "Platform-Engineers-$run" --query GroupId)"
ps="$(gh sso-admin create-permission-set --instance-arn "$instance" --name "Developer-$run" --query PermissionSet.PermissionSetArn)"
assigned() { # assigned ACCOUNT → the principals assigned the permission set there
  gh sso-admin list-account-assignments --instance-arn "$instance" --account-id "$1" --permission-set-arn "$ps" \
    --query 'AccountAssignments[].PrincipalId' | sorted
}

# An OU rule: every account under Production, Web (nested) included.
rule="$(gh gatehouse create-assignment-rule --instance-arn "$instance" --permission-set-arn "$ps" \
  --principal-type GROUP --principal-id "$group" --scope "OrganizationalUnitId=$prod" \
  --description "Developers in every Production account" --query AssignmentRule.AssignmentRuleId)"
expect "rule id" "$(echo "$rule" | grep -c '^ar-[0-9a-f]\{16\}$')" "1"
expect "assigned in Production" "$(assigned "$a1")" "$group"
expect "assigned in Production/Web" "$(assigned "$a2")" "$group"
expect "not assigned in Development" "$(assigned "$a3")" ""
expect "the rule's assignments" "$(gh gatehouse list-assignments-for-rule --instance-arn "$instance" \
  --assignment-rule-id "$rule" --query 'Assignments[].AccountId' | sorted)" "$(echo "$a1 $a2" | sorted)"
expect "their origin" "$(gh gatehouse list-assignments-for-rule --instance-arn "$instance" \
  --assignment-rule-id "$rule" --query 'Assignments[].Origin' | sorted)" "rule/$rule rule/$rule"

# Accounts created and moved later follow the rule.
a4="$(account web-2 "$web")"
expect "a new account moved into Web" "$(assigned "$a4")" "$group"
gh organizations move-account --account-id "$a1" --source-parent-id "$prod" --destination-parent-id "$dev"
expect "an account moved out" "$(assigned "$a1")" ""
expect "described" "$(gh gatehouse describe-assignment-rule --instance-arn "$instance" --assignment-rule-id "$rule" \
  --query 'AssignmentRule.[AccountsInScope,AssignmentCount,Origin]')" "$(printf '2\t2\trule/%s' "$rule")"

# A tag rule: every account tagged team=payments.
tagged="$(account payments-1)"
gh organizations tag-resource --resource-id "$tagged" --tags Key=team,Value=payments
tag_rule="$(gh gatehouse create-assignment-rule --instance-arn "$instance" --permission-set-arn "$ps" \
  --principal-type GROUP --principal-id "$group" --scope 'AccountTag={Key=team,Value=payments}' \
  --query AssignmentRule.AssignmentRuleId)"
expect "assigned by tag" "$(assigned "$tagged")" "$group"
expect "both rules listed" "$(gh gatehouse list-assignment-rules --instance-arn "$instance" \
  --query 'AssignmentRules[].AssignmentRuleId' | tr '\t' '\n' | grep -c -e "$rule" -e "$tag_rule")" "2"

# Deleting a rule takes back exactly its assignments.
gh gatehouse delete-assignment-rule --instance-arn "$instance" --assignment-rule-id "$rule"
expect "gone from Web" "$(assigned "$a2")" ""
expect "gone from the later account" "$(assigned "$a4")" ""
expect "the tag rule's stays" "$(assigned "$tagged")" "$group"
if err="$(gh gatehouse describe-assignment-rule --instance-arn "$instance" --assignment-rule-id "$rule" 2>&1)"; then
  expect "describing a deleted rule fails" "succeeded" "failed"
fi
expect "a deleted rule is not found" "$(echo "$err" | grep -c 'ResourceNotFoundException')" "1"

echo "$passed passed, 0 failed"
echo "rules.sh: all checks passed"
