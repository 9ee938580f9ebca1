#!/usr/bin/env bash
# End-to-end check with the real AWS CLI: creates OUs, an account, users, groups and memberships
# in a Gatehouse server and reads them back, failing on the first mismatch.
#
#   tests/e2e/cli.sh                      # starts ./gatehouse serve on a temp data dir, then checks it
#   GATEHOUSE_ENDPOINT=http://127.0.0.1:8080 AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… tests/e2e/cli.sh
#
# The CLI is the executable named by GATEHOUSE_AWS_CLI, else `aws` on PATH. .ci/run sets it: `aws` on
# PATH, else the AWS CLI v1 1.45 under ~/.pyenv, else Debian's awscli. The test suite runs this
# script (CliScriptTest) against an in-process server.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
aws_cli="${GATEHOUSE_AWS_CLI:-$(command -v aws || true)}"
if [[ -z "$aws_cli" ]]; then
  echo "cli.sh: no aws CLI on PATH (install it, e.g. apt-get install awscli, or set GATEHOUSE_AWS_CLI)" >&2
  exit 2
fi
echo "cli.sh: using $("$aws_cli" --version 2>&1)"

# Never read the developer's own AWS profiles or send anything to AWS.
export AWS_CONFIG_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=2
unset AWS_PROFILE AWS_SESSION_TOKEN || true

server_pid=""
work=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n "$work" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -z "${GATEHOUSE_ENDPOINT:-}" ]]; then
  work="$(mktemp -d)"
  "$repo/gatehouse" serve --port 0 --data-dir "$work/data" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    GATEHOUSE_ENDPOINT="$(grep -o 'Gatehouse ready on http://[^ ]*' "$work/server.log" | head -1 | sed 's/.* on //')" || true
    [[ -n "$GATEHOUSE_ENDPOINT" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "cli.sh: server exited" >&2; exit 1; fi
    sleep 0.5
  done
  [[ -n "$GATEHOUSE_ENDPOINT" ]] || { cat "$work/server.log" >&2; echo "cli.sh: server not ready" >&2; exit 1; }
  # The generated root credentials, exactly as a user would use them.
  export AWS_SHARED_CREDENTIALS_FILE="$work/data/root-credentials" AWS_PROFILE=gatehouse
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY || true
fi
echo "cli.sh: server $GATEHOUSE_ENDPOINT"

passed=0
failed=0
gh() { "$aws_cli" --endpoint-url "$GATEHOUSE_ENDPOINT" --output text "$@"; }
expect() { # expect WHAT ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: expected [$3], got [$2]" >&2; echo "$passed passed, $failed failed"; exit 1; fi
}
expect_match() { # expect_match WHAT ACTUAL REGEX
  if [[ "$2" =~ $3 ]]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: [$2] does not match $3" >&2; echo "$passed passed, $failed failed"; exit 1; fi
}
contains_word() { [[ " $(echo "$1" | tr '\t\n' '  ') " == *" $2 "* ]] && echo yes || echo no; }

# --- Identity Center instance: how clients find the identity store
store="$(gh sso-admin list-instances --query 'Instances[0].IdentityStoreId')"
expect_match "identity store id" "$store" '^d-[0-9a-f]{10}$'
instance="$(gh sso-admin list-instances --query 'Instances[0].InstanceArn')"
expect_match "instance arn" "$instance" '^arn:aws:sso:::instance/ssoins-[0-9a-f]{16}$'
# DescribeInstance came to the CLI in late 2023; an older CLI (e.g. Debian's 2.9) lacks it.
if described="$(gh sso-admin describe-instance --instance-arn "$instance" --query Status 2>&1)"; then
  expect "describe-instance status" "$described" "ACTIVE"
elif [[ "$described" == *"Invalid choice"* || "$described" == *"invalid choice"* ]]; then
  echo "cli.sh: this CLI has no sso-admin describe-instance; skipped"
else
  expect "describe-instance" "$described" "ACTIVE"
fi

# --- Organizations: root, OUs, an account moved into an OU
mgmt="$(gh organizations describe-organization --query Organization.MasterAccountId)"
expect_match "management account id" "$mgmt" '^[0-9]{12}$'
root="$(gh organizations list-roots --query 'Roots[0].Id')"
expect_match "root id" "$root" '^r-[0-9a-z]{4,32}$'
eng="$(gh organizations create-organizational-unit --parent-id "$root" --name Engineering --query OrganizationalUnit.Id)"
expect_match "OU id" "$eng" '^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$'
platform="$(gh organizations create-organizational-unit --parent-id "$eng" --name Platform --query OrganizationalUnit.Id)"
expect "describe OU" "$(gh organizations describe-organizational-unit --organizational-unit-id "$platform" --query OrganizationalUnit.Name)" "Platform"
expect "OUs under root" "$(contains_word "$(gh organizations list-organizational-units-for-parent --parent-id "$root" --query 'OrganizationalUnits[].Name')" Engineering)" "yes"
expect "parent of Platform" "$(gh organizations list-parents --child-id "$platform" --query 'Parents[0].Id')" "$eng"

request="$(gh organizations create-account --email dev@example.com --account-name Dev --query CreateAccountStatus.Id)"
state=""
for _ in $(seq 1 30); do
  state="$(gh organizations describe-create-account-status --create-account-request-id "$request" --query CreateAccountStatus.State)"
  [[ "$state" == "IN_PROGRESS" ]] || break
  sleep 1
done
expect "create-account state" "$state" "SUCCEEDED"
account="$(gh organizations describe-create-account-status --create-account-request-id "$request" --query CreateAccountStatus.AccountId)"
expect_match "new account id" "$account" '^[0-9]{12}$'
expect "describe-account name" "$(gh organizations describe-account --account-id "$account" --query Account.Name)" "Dev"
gh organizations move-account --account-id "$account" --source-parent-id "$root" --destination-parent-id "$eng" >/dev/null
expect "accounts in Engineering" "$(gh organizations list-accounts-for-parent --parent-id "$eng" --query 'Accounts[].Id')" "$account"
expect "accounts listed" "$(contains_word "$(gh organizations list-accounts --query 'Accounts[].Id')" "$account")" "yes"

# --- Identity store: users, a group, memberships
alice="$(gh identitystore create-user --identity-store-id "$store" --user-name alice --display-name "Alice Liddell" \
  --name GivenName=Alice,FamilyName=Liddell --emails Value=alice@example.com,Type=work,Primary=true --query UserId)"
bob="$(gh identitystore create-user --identity-store-id "$store" --user-name bob --display-name "Bob Builder" \
  --name GivenName=Bob,FamilyName=Builder --query UserId)"
expect "describe-user" "$(gh identitystore describe-user --identity-store-id "$store" --user-id "$alice" --query UserName)" "alice"
expect "get-user-id" "$(gh identitystore get-user-id --identity-store-id "$store" \
  --alternate-identifier '{"UniqueAttribute":{"AttributePath":"userName","AttributeValue":"alice"}}' --query UserId)" "$alice"
expect "users listed" "$(contains_word "$(gh identitystore list-users --identity-store-id "$store" --query 'Users[].UserName')" bob)" "yes"

group="$(gh identitystore create-group --identity-store-id "$store" --display-name Engineers --description "All engineers" --query GroupId)"
expect "get-group-id" "$(gh identitystore get-group-id --identity-store-id "$store" \
  --alternate-identifier '{"UniqueAttribute":{"AttributePath":"displayName","AttributeValue":"Engineers"}}' --query GroupId)" "$group"
membership="$(gh identitystore create-group-membership --identity-store-id "$store" --group-id "$group" --member-id UserId="$alice" --query MembershipId)"
expect "members of Engineers" "$(gh identitystore list-group-memberships --identity-store-id "$store" --group-id "$group" --query 'GroupMemberships[].MemberId.UserId')" "$alice"
expect "alice is a member" "$(gh identitystore is-member-in-groups --identity-store-id "$store" --member-id UserId="$alice" --group-ids "$group" --query 'Results[0].MembershipExists')" "True"
expect "bob is not" "$(gh identitystore is-member-in-groups --identity-store-id "$store" --member-id UserId="$bob" --group-ids "$group" --query 'Results[0].MembershipExists')" "False"
expect "alice's groups" "$(gh identitystore list-group-memberships-for-member --identity-store-id "$store" --member-id UserId="$alice" --query 'GroupMemberships[].GroupId')" "$group"
expect "membership id" "$(gh identitystore get-group-membership-id --identity-store-id "$store" --group-id "$group" --member-id UserId="$alice" --query MembershipId)" "$membership"

# --- Identity Center: the seed story. Groups, permission sets, and accounts in Production and Development.
platform_engineers="$(gh identitystore create-group --identity-store-id "$store" --display-name Platform-Engineers \
  --description "Build and run the platform" --query GroupId)"
security_audit="$(gh identitystore create-group --identity-store-id "$store" --display-name Security-Audit --query GroupId)"
carol="$(gh identitystore create-user --identity-store-id "$store" --user-name carol --display-name "Carol Danvers" \
  --name GivenName=Carol,FamilyName=Danvers --query UserId)"
carol_in_platform="$(gh identitystore create-group-membership --identity-store-id "$store" --group-id "$platform_engineers" \
  --member-id UserId="$carol" --query MembershipId)"
gh identitystore create-group-membership --identity-store-id "$store" --group-id "$security_audit" --member-id UserId="$bob" >/dev/null
expect "members of Platform-Engineers" "$(gh identitystore list-group-memberships --identity-store-id "$store" \
  --group-id "$platform_engineers" --query 'GroupMemberships[].MemberId.UserId')" "$carol"

developer="$(gh sso-admin create-permission-set --instance-arn "$instance" --name Developer \
  --description "Builds and deploys in development" --session-duration PT8H --query PermissionSet.PermissionSetArn)"
expect_match "permission set arn" "$developer" "^arn:aws:sso:::permissionSet/${instance##*/}/ps-[0-9a-f]{16}\$"
gh sso-admin attach-managed-policy-to-permission-set --instance-arn "$instance" --permission-set-arn "$developer" \
  --managed-policy-arn arn:aws:iam::aws:policy/PowerUserAccess >/dev/null
gh sso-admin put-inline-policy-to-permission-set --instance-arn "$instance" --permission-set-arn "$developer" --inline-policy \
  '{"Version":"2012-10-17","Statement":[{"Sid":"NoAccountChanges","Effect":"Deny","Action":["organizations:*","account:*"],"Resource":"*"}]}' >/dev/null
gh sso-admin put-permissions-boundary-to-permission-set --instance-arn "$instance" --permission-set-arn "$developer" \
  --permissions-boundary ManagedPolicyArn=arn:aws:iam::aws:policy/PowerUserAccess >/dev/null
read_only="$(gh sso-admin create-permission-set --instance-arn "$instance" --name ReadOnly --query PermissionSet.PermissionSetArn)"
gh sso-admin attach-managed-policy-to-permission-set --instance-arn "$instance" --permission-set-arn "$read_only" \
  --managed-policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess >/dev/null
audit="$(gh sso-admin create-permission-set --instance-arn "$instance" --name SecurityAudit --session-duration PT4H \
  --tags Key=team,Value=security --query PermissionSet.PermissionSetArn)"
for policy in arn:aws:iam::aws:policy/SecurityAudit arn:aws:iam::aws:policy/job-function/ViewOnlyAccess; do
  gh sso-admin attach-managed-policy-to-permission-set --instance-arn "$instance" --permission-set-arn "$audit" \
    --managed-policy-arn "$policy" >/dev/null
done

expect "Developer's session" "$(gh sso-admin describe-permission-set --instance-arn "$instance" --permission-set-arn "$developer" \
  --query PermissionSet.SessionDuration)" "PT8H"
expect "ReadOnly's default session" "$(gh sso-admin describe-permission-set --instance-arn "$instance" --permission-set-arn "$read_only" \
  --query PermissionSet.SessionDuration)" "PT1H"
listed_sets="$(gh sso-admin list-permission-sets --instance-arn "$instance" --query 'PermissionSets[]')"
for arn in "$developer" "$read_only" "$audit"; do
  expect "permission set listed" "$(contains_word "$listed_sets" "$arn")" "yes"
done
expect "SecurityAudit's policies" "$(gh sso-admin list-managed-policies-in-permission-set --instance-arn "$instance" \
  --permission-set-arn "$audit" --query 'sort(AttachedManagedPolicies[].Name)' | tr '\t' ' ')" "SecurityAudit ViewOnlyAccess"
expect "Developer's inline policy" "$(gh sso-admin get-inline-policy-for-permission-set --instance-arn "$instance" \
  --permission-set-arn "$developer" --output json --query InlinePolicy | grep -o NoAccountChanges)" "NoAccountChanges"
expect "Developer's boundary" "$(gh sso-admin get-permissions-boundary-for-permission-set --instance-arn "$instance" \
  --permission-set-arn "$developer" --query PermissionsBoundary.ManagedPolicyArn)" "arn:aws:iam::aws:policy/PowerUserAccess"
expect "SecurityAudit's tags" "$(gh sso-admin list-tags-for-resource --instance-arn "$instance" --resource-arn "$audit" \
  --query 'Tags[0].[Key,Value]' | tr '\t' '=')" "team=security"
if err="$(gh sso-admin create-permission-set --instance-arn "$instance" --name Developer 2>&1)"; then
  expect "duplicate permission set rejected" "accepted" "ConflictException"
else
  expect "duplicate permission set error" "$(echo "$err" | grep -o ConflictException | head -1)" "ConflictException"
fi
# === IAM/STS: the seed scenario — a Tooling role deploys to Production =========================
# (IAM/STS section; see docs/sts.md.) The management root creates two member accounts, reaches IAM in
# each through its OrganizationAccountAccessRole, creates a Pipeline role in Tooling and a DeployRole
# in Production that trusts Tooling; Pipeline assumes DeployRole and acts in Production.

# as CREDS aws-args...: one CLI call with the credentials exported, as a user does after assume-role.
# CREDS is "ACCESS_KEY SECRET [SESSION_TOKEN]" (what --query Credentials.[...] prints, tab-separated).
as() {
  local ak sk tok
  read -r ak sk tok <<< "$1"
  shift
  (
    unset AWS_PROFILE AWS_SESSION_TOKEN
    export AWS_ACCESS_KEY_ID="$ak" AWS_SECRET_ACCESS_KEY="$sk"
    if [[ -n "$tok" ]]; then export AWS_SESSION_TOKEN="$tok"; fi
    gh "$@"
  )
}
assume() { # assume CREDS|root ROLE_ARN SESSION_NAME [more assume-role args]: prints new CREDS
  local who=$1 role=$2 name=$3
  shift 3
  local args=(sts assume-role --role-arn "$role" --role-session-name "$name" "$@"
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
  if [[ "$who" == root ]]; then gh "${args[@]}"; else as "$who" "${args[@]}"; fi
}
error_of() { # error_of OUTPUT: the AWS error code the CLI printed, e.g. AccessDenied
  sed -n 's/.*An error occurred (\([A-Za-z]*\)).*/\1/p' <<< "$1" | head -1
}
create_account() { # create_account NAME: the new account's id once CreateAccount has succeeded, else why not
  local req state=""
  req="$(gh organizations create-account --email "$(tr 'A-Z' 'a-z' <<< "$1")@example.com" --account-name "$1" \
    --query CreateAccountStatus.Id)"
  for _ in $(seq 1 30); do
    state="$(gh organizations describe-create-account-status --create-account-request-id "$req" --query CreateAccountStatus.State)"
    [[ "$state" == "IN_PROGRESS" ]] || break
    sleep 1
  done
  if [[ "$state" != "SUCCEEDED" ]]; then echo "create-account $1 ended $state"; return 0; fi
  gh organizations describe-create-account-status --create-account-request-id "$req" --query CreateAccountStatus.AccountId
}

workloads="$(gh organizations create-organizational-unit --parent-id "$root" --name Workloads --query OrganizationalUnit.Id)"
tooling="$(create_account Tooling)"
production="$(create_account Production)"
expect_match "Tooling account id" "$tooling" '^[0-9]{12}$'
expect_match "Production account id" "$production" '^[0-9]{12}$'
for acct in "$tooling" "$production"; do
  gh organizations move-account --account-id "$acct" --source-parent-id "$root" --destination-parent-id "$workloads" >/dev/null
done
expect "accounts in Workloads" "$(contains_word "$(gh organizations list-accounts-for-parent --parent-id "$workloads" \
  --query 'Accounts[].Id')" "$production")" "yes"

# Each member account's IAM, reached the AWS way: the management root assumes its access role.
tooling_admin="$(assume root "arn:aws:iam::$tooling:role/OrganizationAccountAccessRole" cli-admin)"
production_admin="$(assume root "arn:aws:iam::$production:role/OrganizationAccountAccessRole" cli-admin)"
expect_match "admin session key" "$tooling_admin" '^ASIA[A-Z0-9]+'$'\t'
expect "admin of Production" "$(as "$production_admin" sts get-caller-identity --query Arn)" \
  "arn:aws:sts::$production:assumed-role/OrganizationAccountAccessRole/cli-admin"

pipeline_arn="arn:aws:iam::$tooling:role/Pipeline"
deploy_arn="arn:aws:iam::$production:role/DeployRole"
trust() { printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}' "$1"; }
expect "create Pipeline" "$(as "$tooling_admin" iam create-role --role-name Pipeline \
  --assume-role-policy-document "$(trust "arn:aws:iam::$mgmt:root")" --query Role.Arn)" "$pipeline_arn"
as "$tooling_admin" iam put-role-policy --role-name Pipeline --policy-name deploy --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"'"$deploy_arn"'"}]}'
expect "create DeployRole" "$(as "$production_admin" iam create-role --role-name DeployRole \
  --assume-role-policy-document "$(trust "arn:aws:iam::$tooling:root")" --query Role.Arn)" "$deploy_arn"
as "$production_admin" iam put-role-policy --role-name DeployRole --policy-name read-iam --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"Resource":"*"}]}'
expect "DeployRole trusts Tooling" "$(as "$production_admin" iam get-role --role-name DeployRole \
  --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS')" "arn:aws:iam::$tooling:root"

# The pipeline: a Tooling role session, then DeployRole in Production (cross-account: both sides allow).
pipeline="$(assume root "$pipeline_arn" ci)"
expect "pipeline identity" "$(as "$pipeline" sts get-caller-identity --query Arn)" "arn:aws:sts::$tooling:assumed-role/Pipeline/ci"
deployed="$(as "$pipeline" sts assume-role --role-arn "$deploy_arn" --role-session-name release-42 --duration-seconds 900 \
  --query '[AssumedRoleUser.Arn,Credentials.Expiration]')"
expect_match "DeployRole session" "$deployed" "^arn:aws:sts::$production:assumed-role/DeployRole/release-42"$'\t'"[0-9]{4}-"
deploy="$(assume "$pipeline" "$deploy_arn" release-42 --duration-seconds 900)"
expect "acts in Production" "$(as "$deploy" sts get-caller-identity --query Account)" "$production"
expect "get-role in Production" "$(as "$deploy" iam get-role --role-name DeployRole --query Role.Arn)" "$deploy_arn"
expect "list-roles in Production" "$(contains_word "$(as "$deploy" iam list-roles --query 'Roles[].RoleName')" DeployRole)" "yes"

# Denials, in AWS's message form. The pipeline may assume DeployRole only: Production's access role
# trusts the management account, not Tooling.
if err="$(assume "$pipeline" "arn:aws:iam::$production:role/OrganizationAccountAccessRole" sneaky 2>&1)"; then
  expect "assume a role not trusting Tooling" "allowed" "AccessDenied"
fi
expect "assume denied" "$(error_of "$err")" "AccessDenied"
expect_match "assume denial message" "$err" "User: arn:aws:sts::$tooling:assumed-role/Pipeline/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::$production:role/OrganizationAccountAccessRole"
# Every call is authorized: DeployRole's policy allows reading roles, not creating users.
if err="$(as "$deploy" iam create-user --user-name intruder 2>&1)"; then
  expect "create-user as DeployRole" "allowed" "AccessDenied"
fi
expect "create-user denied" "$(error_of "$err")" "AccessDenied"
expect_match "create-user denial message" "$err" "User: arn:aws:sts::$production:assumed-role/DeployRole/release-42 is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::$production:user/intruder because no identity-based policy allows the iam:CreateUser action"
expect "no user was created" "$(contains_word "$(as "$production_admin" iam list-users --query 'Users[].UserName')" intruder)" "no"
# Organizations is administered from the management account only, even by a member account's admin.
if err="$(as "$production_admin" organizations list-accounts 2>&1)"; then
  expect "list-accounts from a member account" "allowed" "AccessDeniedException"
fi
expect "member account denied Organizations" "$(error_of "$err")" "AccessDeniedException"

# A session whose token was tampered with (or comes from another deployment) is refused.
read -r dak dsk dtok <<< "$deploy"
if err="$(as "$dak $dsk ${dtok%????????}" sts get-caller-identity 2>&1)"; then
  expect "tampered session token" "accepted" "refused"
fi
expect_match "tampered session token refused" "$(error_of "$err")" '^(InvalidClientTokenId|ExpiredToken)$'
if err="$(as "$dak $dsk" sts get-caller-identity 2>&1)"; then
  expect "session key without its token" "accepted" "refused"
fi
expect_match "session key without its token refused" "$(error_of "$err")" '^(InvalidClientTokenId|SignatureDoesNotMatch)$'
# === end of IAM/STS ===========================================================================

# --- An error comes back in AWS's shape, and the CLI reports its code
if err="$(gh identitystore create-user --identity-store-id "$store" --user-name alice --display-name Again \
    --name GivenName=A,FamilyName=B 2>&1)"; then
  expect "duplicate user name rejected" "accepted" "ConflictException"
else
  expect "duplicate user name error" "$(echo "$err" | grep -o ConflictException | head -1)" "ConflictException"
fi

echo "cli.sh: all checks passed"
echo "$passed passed, $failed failed"
