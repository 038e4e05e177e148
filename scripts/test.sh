#!/usr/bin/env bash
# `npm test`: everything, from a fresh clone after `npm ci`.
#  1. typecheck (strict), lint (eslint, prettier --check)   2. bundle the functions, build weapp and H5
#  3. unit, contract, integration, miniprogram and browser (e2e) tests
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

step() { printf '\n== %s\n' "$1"; }

step "lockfile"
node scripts/npm/check-lockfile.mjs

step "browser for e2e tests"
bash scripts/ensure-chromium.sh

step "typecheck"
npx tsc --noEmit -p tsconfig.json

step "lint (eslint, prettier --check; npm run format fixes the layout)"
npx eslint .
npx prettier --check . --log-level warn

step "build: functions, weapp, h5"
npx tsx scripts/build-functions.ts
# The weapp build bound to the local cloud's environment and reminder template, as a release build is
# to its own (docs/DEPLOY.md §8): tests/miniprogram check wx.cloud.init and requestSubscribeMessage with them.
CLOUDBASE_ENV_ID=hukou-local HUKOU_REMINDER_TEMPLATE_ID=local-reminder-template HUKOU_PROGRESS_TEMPLATE_ID=local-progress-template HUKOU_VERIFY_LINK_PREFIX=https://hukou.example.gov.cn/verify npx taro build --type weapp >.tmp-build-weapp.log 2>&1 || { cat .tmp-build-weapp.log; exit 1; }
npx taro build --type h5 >.tmp-build-h5.log 2>&1 || { cat .tmp-build-h5.log; exit 1; }
rm -f .tmp-build-weapp.log .tmp-build-h5.log
npx tsx scripts/report-sizes.ts

step "tests"
npx jest --ci "$@"

echo "npm test took $(( $(date +%s) - start )) s"
