#!/usr/bin/env bash
# End-to-end check of the access portal with the real AWS CLI v2: `aws sso login` (device flow),
# the CLI's SSO credential provider (sso GetRoleCredentials) signing STS and IAM calls as the
# reserved role, and access ending the moment the user leaves the group.
#
#   tests/e2e/sso.sh                        # starts ./gatehouse serve on a temp data dir, then checks it
#   GATEHOUSE_ENDPOINT=http://127.0.0.1:8080 AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… tests/e2e/sso.sh
#
# The CLI v2 is GATEHOUSE_AWS_CLI_V2, else /usr/bin/aws (Debian's awscli, 2.9). `aws sso login`
# ignores --endpoint-url: it is pointed at the server by endpoint rule sets in AWS_DATA_PATH, made
# here from the ones the CLI ships. The browser's part is curl with a cookie jar; the
# authenticator app is python3 (RFC 6238). Everything lives under a temporary HOME.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
aws2="${GATEHOUSE_AWS_CLI_V2:-/usr/bin/aws}"
if [[ ! -x "$aws2" ]] || ! "$aws2" sso login help >/dev/null 2>&1; then
  echo "sso.sh: no AWS CLI v2 with 'sso login' at $aws2 (apt-get install awscli, or set GATEHOUSE_AWS_CLI_V2)" >&2
  exit 2
fi
echo "sso.sh: using $("$aws2" --version 2>&1)"

export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=2
unset AWS_PROFILE AWS_SESSION_TOKEN || true
server_pid=""
login_pid=""
work="$(mktemp -d)"
cleanup() {
  if [[ -n "$login_pid" ]]; then kill "$login_pid" 2>/dev/null || true; fi
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
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "sso.sh: server exited" >&2; exit 1; fi
    sleep 0.5
  done
  [[ -n "$GATEHOUSE_ENDPOINT" ]] || { cat "$work/server.log" >&2; echo "sso.sh: server not ready" >&2; exit 1; }
  AWS_ACCESS_KEY_ID="$(awk -F' *= *' '$1=="aws_access_key_id"{print $2}' "$work/data/root-credentials")"
  AWS_SECRET_ACCESS_KEY="$(awk -F' *= *' '$1=="aws_secret_access_key"{print $2}' "$work/data/root-credentials")"
fi
echo "sso.sh: server $GATEHOUSE_ENDPOINT"
ep="$GATEHOUSE_ENDPOINT"

export HOME="$work/home"
mkdir -p "$HOME/.aws"
export AWS_CONFIG_FILE="$HOME/.aws/config" AWS_SHARED_CREDENTIALS_FILE="$HOME/.aws/credentials"
cat >"$AWS_SHARED_CREDENTIALS_FILE" <<CREDS
[admin]
aws_access_key_id = $AWS_ACCESS_KEY_ID
aws_secret_access_key = $AWS_SECRET_ACCESS_KEY
CREDS
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY

passed=0
expect() { # expect WHAT ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); else
    echo "FAIL: $1: expected [$3], got [$2]" >&2; echo "$passed passed, 1 failed"; exit 1; fi
}
expect_match() { # expect_match WHAT ACTUAL REGEX
  if [[ "$2" =~ $3 ]]; then passed=$((passed + 1)); else
    echo "FAIL: $1: expected to match [$3], got [$2]" >&2; echo "$passed passed, 1 failed"; exit 1; fi
}
has() { if grep -qF -- "$1"; then echo yes; else echo no; fi; }
admin() { "$aws2" --profile admin --endpoint-url "$ep" --output text "$@"; }

# --- the administrator's part: an account, a group with alice, a permission set, an assignment
admin configure add-model --service-name gatehouse \
  --service-model "file://$repo/server/src/main/resources/aws-models/gatehouse/service-2.json"
STORE="$(admin sso-admin list-instances --query 'Instances[0].IdentityStoreId')"
INSTANCE="$(admin sso-admin list-instances --query 'Instances[0].InstanceArn')"
req="$(admin organizations create-account --account-name Production --email "prod-$RANDOM@example.com" \
  --query 'CreateAccountStatus.Id')"
ACCOUNT="$(admin organizations describe-create-account-status --create-account-request-id "$req" \
  --query 'CreateAccountStatus.AccountId')"
USER_ID="$(admin identitystore create-user --identity-store-id "$STORE" --user-name alice --display-name Alice \
  --name GivenName=Alice,FamilyName=Liddell --query UserId)"
GROUP="$(admin identitystore create-group --identity-store-id "$STORE" --display-name Platform-Engineers --query GroupId)"
MEMBERSHIP="$(admin identitystore create-group-membership --identity-store-id "$STORE" --group-id "$GROUP" \
  --member-id UserId="$USER_ID" --query MembershipId)"
SET="$(admin sso-admin create-permission-set --instance-arn "$INSTANCE" --name Developer --session-duration PT2H \
  --query PermissionSet.PermissionSetArn)"
admin sso-admin attach-managed-policy-to-permission-set --instance-arn "$INSTANCE" --permission-set-arn "$SET" \
  --managed-policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess
req="$(admin sso-admin create-account-assignment --instance-arn "$INSTANCE" --permission-set-arn "$SET" \
  --principal-type GROUP --principal-id "$GROUP" --target-type AWS_ACCOUNT --target-id "$ACCOUNT" \
  --query AccountAssignmentCreationStatus.RequestId)"
status=""
for _ in $(seq 1 100); do
  status="$(admin sso-admin describe-account-assignment-creation-status --instance-arn "$INSTANCE" \
    --account-assignment-creation-request-id "$req" --query AccountAssignmentCreationStatus.Status)"
  [[ "$status" == IN_PROGRESS ]] || break
  sleep 0.2
done
expect "assignment provisioned" "$status" "SUCCEEDED"
OTP="$(admin gatehouse reset-user-password --identity-store-id "$STORE" --user-id "$USER_ID" --query OneTimePassword)"
expect_match "one-time password" "$OTP" '^.{16}$'

# --- point the CLI's sso-oidc and sso clients at the server (AWS_DATA_PATH endpoint rule sets)
botocore_data="$("$aws2" --version >/dev/null; python3 - <<'PY'
import glob
hits = glob.glob('/usr/lib/python3/dist-packages/awscli/botocore/data/sso-oidc/*/endpoint-rule-set-1.json')
print(hits[0].rsplit('/sso-oidc/', 1)[0] if hits else '')
PY
)"
[[ -n "$botocore_data" ]] || { echo "sso.sh: cannot find the CLI's endpoint rule sets" >&2; exit 2; }
export AWS_DATA_PATH="$work/aws-data"
for svc in sso sso-oidc; do
  python3 - "$botocore_data/$svc/2019-06-10/endpoint-rule-set-1.json" "$AWS_DATA_PATH/$svc/2019-06-10" "$ep" <<'PY'
import json, os, sys
src, out, url = sys.argv[1:]
rules = json.load(open(src))
rules["rules"] = [{"conditions": [], "endpoint": {"url": url, "properties": {}, "headers": {}}, "type": "endpoint"}]
os.makedirs(out, exist_ok=True)
json.dump(rules, open(os.path.join(out, "endpoint-rule-set-1.json"), "w"))
PY
done
cat >>"$AWS_CONFIG_FILE" <<CONF
[profile dev]
sso_start_url = $ep/start
sso_region = us-east-1
sso_account_id = $ACCOUNT
sso_role_name = Developer
region = us-east-1
CONF

# --- the person's part: aws sso login shows a code; the browser signs in and allows it
"$aws2" sso login --profile dev --no-browser >"$work/login.out" 2>&1 &
login_pid=$!
code=""
for _ in $(seq 1 100); do
  code="$(grep -oE '[B-Z]{4}-[B-Z]{4}' "$work/login.out" | head -1 || true)"
  [[ -n "$code" ]] && break
  kill -0 "$login_pid" 2>/dev/null || break
  sleep 0.2
done
[[ -n "$code" ]] || { cat "$work/login.out" >&2; echo "sso.sh: aws sso login showed no code" >&2; echo "$passed passed, 1 failed"; exit 1; }
expect_match "the CLI shows the verification page" "$(grep -c "$ep/device" "$work/login.out")" "^[1-9]$"

jar="$work/cookies"
field() { python3 -c 'import re,sys,html; m=re.search(r"name=\"%s\" value=\"([^\"]*)\"" % sys.argv[1], sys.stdin.read()); print(html.unescape(m.group(1)) if m else "")' "$1"; }
totp() { python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
h = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}
browse() { curl -sS -b "$jar" -c "$jar" -H "Origin: $ep" "$@"; }
# the device page sends a signed-out browser to sign in first
location="$(browse -o /dev/null -w '%{redirect_url}' "$ep/device?user_code=$code")"
expect_match "signed-out browser is sent to sign in" "$location" "/login\?next="
page="$(browse -L "$location")"
page="$(browse -L --data-urlencode "csrf=$(field csrf <<<"$page")" --data-urlencode "next=$(field next <<<"$page")" \
  --data-urlencode "username=alice" --data-urlencode "password=$OTP" "$ep/login")"
expect "a one-time password must be replaced" "$(has 'Choose a new password' <<<"$page")" "yes"
page="$(browse -L --data-urlencode "csrf=$(field csrf <<<"$page")" --data-urlencode "password=Correct-horse-7" \
  --data-urlencode "confirm=Correct-horse-7" "$ep/login/password?next=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))' "/device?user_code=$code")")"
secret="$(grep -oE '<code id="secret">[A-Z2-7]+</code>' <<<"$page" | sed 's/<[^>]*>//g')"
expect_match "an authenticator app is registered" "$secret" '^[A-Z2-7]{32}$'
page="$(browse -L --data-urlencode "csrf=$(field csrf <<<"$page")" --data-urlencode "code=$(totp "$secret")" \
  "$ep/login/mfa-setup?next=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))' "/device?user_code=$code")")"
expect "signed in, the device page asks" "$(has "id=\"user-code\">$code<" <<<"$page")" "yes"
page="$(browse -L --data-urlencode "csrf=$(field csrf <<<"$page")" --data-urlencode "user_code=$code" \
  --data-urlencode "decision=allow" "$ep/device")"
expect "the device is approved" "$(has 'Request approved' <<<"$page")" "yes"

for _ in $(seq 1 150); do kill -0 "$login_pid" 2>/dev/null || break; sleep 0.2; done
login_rc=0; wait "$login_pid" || login_rc=$?; login_pid=""
expect "aws sso login succeeds" "$login_rc" "0"
expect "aws sso login says so" "$(has 'Successfully logged into Start URL' <"$work/login.out")" "yes"

# --- the CLI's SSO credentials: the reserved role's session, decided by its policies
dev() { "$aws2" --profile dev --endpoint-url "$ep" --output text "$@"; }
arn="$(dev sts get-caller-identity --query Arn)"
expect_match "credentials from the portal" "$arn" "^arn:aws:sts::$ACCOUNT:assumed-role/AWSReservedSSO_Developer_[0-9a-f]{16}/alice$"
expect_match "ReadOnlyAccess reads IAM" "$(dev iam list-roles --query 'length(Roles)')" '^[1-9][0-9]*$'
out="$(dev iam create-user --user-name intruder 2>&1 || true)"
expect_match "ReadOnlyAccess does not write" "$out" "AccessDenied.*iam:CreateUser"
token="$(python3 -c 'import glob,json; print([json.load(open(f)).get("accessToken") for f in glob.glob("'"$HOME"'/.aws/sso/cache/*.json") if "accessToken" in json.load(open(f))][0])')"
expect "aws sso list-accounts" "$("$aws2" sso list-accounts --access-token "$token" --region us-east-1 --query 'accountList[0].accountId' --output text)" "$ACCOUNT"

# --- leaving the group ends access with the next call
admin identitystore delete-group-membership --identity-store-id "$STORE" --membership-id "$MEMBERSHIP"
out="$("$aws2" sso get-role-credentials --access-token "$token" --account-id "$ACCOUNT" --role-name Developer \
  --region us-east-1 2>&1 || true)"
expect_match "no credentials once removed from the group" "$out" "ResourceNotFoundException.*No access"
expect "no accounts once removed" "$("$aws2" sso list-accounts --access-token "$token" --region us-east-1 --query 'length(accountList)' --output text)" "0"

# --- aws sso logout ends the token
"$aws2" sso logout --profile dev
out="$("$aws2" sso list-accounts --access-token "$token" --region us-east-1 2>&1 || true)"
expect_match "logged out" "$out" "UnauthorizedException"

echo "sso.sh: all checks passed"
echo "$passed passed, 0 failed"
