// Babel for the Taro build (weapp and h5). Tests use esbuild (tests/esbuild-transform.cjs).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
