#!/usr/bin/env bash
# Lints a packaged CloudFormation template with cfn-lint and checkov, pinned, from a
# project-local virtual environment (installed on first use). Fails on any cfn-lint error or
# warning not ignored in cfn-lint.yaml, and on any failed checkov check not skipped in checkov.yaml.
#   bash deploy/serverless/lint-template.sh [template]   (default: .serverless/cloudformation-template-update-stack.json)
set -euo pipefail
cd "$(dirname "$0")/../.."

CFN_LINT_VERSION=1.58.0
CHECKOV_VERSION=3.3.30
VENV=.venv/lint
TEMPLATE="${1:-.serverless/cloudformation-template-update-stack.json}"

if [ ! -f "$TEMPLATE" ]; then
  echo "no template at $TEMPLATE: package first (npm run package -- --stage dev)" >&2
  exit 2
fi
if ! "$VENV/bin/cfn-lint" --version 2>/dev/null | grep -q "$CFN_LINT_VERSION" || ! "$VENV/bin/checkov" --version 2>/dev/null | grep -q "$CHECKOV_VERSION"; then
  echo "installing cfn-lint==$CFN_LINT_VERSION checkov==$CHECKOV_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION" "checkov==$CHECKOV_VERSION"
fi

echo "== cfn-lint $CFN_LINT_VERSION"
"$VENV/bin/cfn-lint" --config-file deploy/serverless/cfn-lint.yaml -- "$TEMPLATE"
echo "cfn-lint: no errors, no warnings"

echo "== checkov $CHECKOV_VERSION"
"$VENV/bin/checkov" --config-file deploy/serverless/checkov.yaml --file "$TEMPLATE"
