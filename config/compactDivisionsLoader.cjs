// webpack requires its loaders with Node's own require, which reads no TypeScript: this hands the
// loader of ./compactDivisions.ts over through tsx (as `npm run` scripts run their .ts files).
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('./compactDivisions.ts', __filename).default;
