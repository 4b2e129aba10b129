// Jest transform: TypeScript/TSX of the project through swc, and ESM-only packages in node_modules down to
// CommonJS (Jest's module loader cannot require ESM on Node 20). CommonJS packages pass through untouched, so
// a new ESM-only dependency needs no allowlist entry.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
});

const esmSyntax = /^\s*(import\s*[\w{*'"]|export\s+(\*|\{|default|const|let|var|function|class|async))/m;

function needsTransform(source, filename) {
  if (!filename.includes('/node_modules/')) return true;
  if (filename.endsWith('.mjs')) return true;
  return esmSyntax.test(source);
}

module.exports = {
  canInstrument: swc.canInstrument,
  getCacheKey(source, filename, options) {
    return swc.getCacheKey(source, filename, options);
  },
  process(source, filename, options) {
    if (!needsTransform(source, filename)) return { code: source };
    return swc.process(source, filename, options);
  },
};
