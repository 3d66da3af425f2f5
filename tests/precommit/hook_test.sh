#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit: a throwaway hook
# repository holding this checkout's hook file, a throwaway project using it, and commits
# that must be blocked (a bad template) or pass (a good template; a non-template YAML file).
#
# Usage: hook_test.sh SOURCE_DIR HALINT_BINARY. Exit 0 pass, 1 fail, 77 skipped (no
# pre-commit or git).
set -euo pipefail
src="$1"
halint="$2"
command -v pre-commit >/dev/null || { echo "pre-commit is not installed"; exit 77; }
command -v git >/dev/null || { echo "git is not installed"; exit 77; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
  GIT_COMMITTER_EMAIL=t@example.com GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$work/bin"
ln -s "$(realpath "$halint")" "$work/bin/halint"
export PATH="$work/bin:$PATH"

fail() { echo "FAIL: $*"; exit 1; }

# The hook repository: this checkout's .pre-commit-hooks.yaml, committed.
git init -q "$work/hooks"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev="$(git -C "$work/hooks" rev-parse HEAD)"

git init -q "$work/project"
cd "$work/project"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: halint
YAML
git add .pre-commit-config.yaml
git commit -qm config --no-verify
pre-commit install >/dev/null

# A YAML file that is not a template, and a clean template: the commit goes through.
printf 'name: ci\non: push\n' >workflow.yml
cp "$src/fixtures/scenarios/three-tier-after.yaml" good.yaml
git add workflow.yml good.yaml
git commit -qm good >"$work/good.log" 2>&1 || { cat "$work/good.log"; fail "good commit was blocked"; }
grep -q "^halint\.*Passed" "$work/good.log" || { cat "$work/good.log"; fail "hook did not run"; }

# A template with findings: blocked, and the output names the finding.
cp "$src/fixtures/scenarios/three-tier-before.yaml" bad.yaml
git add bad.yaml
if git commit -qm bad >"$work/bad.log" 2>&1; then
  cat "$work/bad.log"
  fail "bad commit was not blocked"
fi
grep -q "^halint\.*Failed" "$work/bad.log" || { cat "$work/bad.log"; fail "no Failed line"; }
grep -q "bad.yaml:119:3: error: .*\[HA002\]" "$work/bad.log" || { cat "$work/bad.log"; fail "no HA002"; }
grep -q "workflow.yml" "$work/bad.log" && { cat "$work/bad.log"; fail "non-template reported"; }
[[ "$(git log --format=%s -1)" == good ]] || fail "HEAD moved"

# Only changed files are passed: committing an unrelated file does not recheck bad.yaml.
git reset -q bad.yaml
echo "x" >notes.txt
git add notes.txt
git commit -qm notes >"$work/notes.log" 2>&1 || { cat "$work/notes.log"; fail "unrelated commit blocked"; }
echo "pre-commit hook: OK"
