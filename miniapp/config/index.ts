import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { BootScriptPlugin, PagePreloadPlugin, PrecompressPlugin, StatsFilePlugin } from './h5-plugins';
import prodConfig from './prod';

/**
 * Taro build configuration (webpack5 runner). See /work/shared/STACK.md for why each knob is set:
 * - `shared/` is a TypeScript workspace package that Taro does not compile by default, so its real
 *   folder goes into `compile.include` of both the mini and the h5 block.
 * - NutUI React Taro is drawn at a 375 px design width, our own styles at 750.
 */
const sharedDir = path.resolve(__dirname, '../../shared');

const platform = process.env.TARO_ENV ?? 'weapp';
const isH5 = platform === 'h5';

/**
 * Where the API lives. The h5 build is served by the API server itself, so it calls the same origin;
 * the weapp build needs an absolute address (DevTools accepts a local one with urlCheck off).
 */
const apiBaseUrl = isH5 ? '' : (process.env.TARO_APP_API_BASE_URL ?? 'http://127.0.0.1:8080');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'cross-border-card-topup-helper',
    date: '2026-11-25',
    // Self-contained on purpose: the h5 entry inlines this function's source text.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined;
      if (typeof file === 'string' && file.replace(/\\+/g, '/').indexOf('@nutui') > -1) return 375;
      return 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    // The browser asks every site for /favicon.ico; the h5 build ships one (scripts/make-favicon.mjs).
    copy: { patterns: isH5 ? [{ from: 'src/favicon.ico', to: 'dist/h5/favicon.ico' }] : [], options: {} },
    alias: {
      // npm nests this package under miniapp/node_modules (it peers on vite), where Taro's own h5 API
      // package, hoisted to the root, cannot find it: point every import at the nested copy.
      '@tarojs/plugin-framework-react': path.resolve(__dirname, '../node_modules/@tarojs/plugin-framework-react'),
    },
    // The browser build renders with Preact through its React compatibility layer (same components,
    // hooks and NutUI; Taro aliases react and react-dom): react-dom was 130 KB of the 600 KB every first
    // visit downloads and evaluates on a phone before anything shows (Lighthouse, docs/performance.md). The mini
    // program keeps React with Taro's own reconciler, whose size does not weigh on a first paint there.
    framework: isH5 ? 'preact' : 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // Component styles are independent (BEM-like names), so their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      webpackChain(chain) {
        // Taro splits only initial chunks on h5 (every lazily loaded page carried its own copy of NutUI
        // and our components, ~900 KB in all), and with minSize 0: splitting async chunks too cut the
        // home page into ~20 files of a few hundred bytes to 140 KB, fetched in four rounds over the six
        // connections HTTP/1.1 allows (Lighthouse: LCP 3.4 s). Instead:
        // - every package from node_modules (React, Taro's components and APIs, NutUI, zod) goes into one
        //   `vendors` file (JS + CSS) that the page loads with the entry, in parallel with it, so a tab
        //   page needs only its own code after the entry has run;
        // - our own modules shared by pages are grouped in chunks of at least 20 KB, not one per
        //   combination of pages.
        chain.optimization.splitChunks({
          chunks: 'all',
          hidePathInfo: true,
          cacheGroups: {
            default: false,
            defaultVendors: false,
            vendors: { name: 'vendors', test: /[\\/]node_modules[\\/]/, priority: 10, enforce: true },
            common: { minChunks: 2, minSize: 20_000, priority: 1, reuseExistingChunk: true },
          },
        });
        // The opened page's chunks are fetched beside the entry's, not after it has run (see the plugin).
        // Without a hash the app opens its first page, home (TAB_PAGES.home; Taro's config loader does not
        // compile src/, so the path is spelled out).
        chain.plugin('page-preload').use(PagePreloadPlugin, ['pages/home/index']);
        // Registered after it, so its script comes first: the page's first API calls start before anything else.
        chain.plugin('boot-script').use(BootScriptPlugin, [path.resolve(__dirname, '../src/boot/boot.ts')]);
        // name.br and name.gz beside each text file, served as they are (server/src/plugins/static-site.ts).
        chain.plugin('precompress').use(PrecompressPlugin);
        // For profiling a load by source module (docs/performance.md, Lighthouse); never in the build `npm start` serves.
        if (process.env.H5_SOURCE_MAP) chain.devtool('source-map');
        if (process.env.H5_STATS_FILE) chain.plugin('stats-file').use(StatsFilePlugin, [process.env.H5_STATS_FILE]);
      },
      // Tab icons and other images carry a content hash too, so the server can let browsers keep them
      // for a year (an unhashed name gets a short cache). Small ones are still inlined as data: URLs.
      imageUrlLoaderOption: { name: 'static/images/[name].[contenthash:8][ext]' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
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

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
