// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
/** Browsers that run ES modules and ES2020 natively (Vite's default "modules" target, plus ES2020). */
const H5_TARGETS = ['chrome >= 87', 'edge >= 88', 'firefox >= 78', 'safari >= 14', 'ios_saf >= 14'];

module.exports = {
  presets: [
    [
      'taro',
      {
        // As config/index.ts: Preact on h5, React in the mini program.
        framework: process.env.TARO_ENV === 'h5' ? 'preact' : 'react',
        ts: true,
        compiler: 'webpack5',
        // The browser build targets browsers with native ES modules and ES2020 (async functions, classes,
        // spread, optional chaining): down to iOS 8, every async function became a regenerator state
        // machine and every class and spread a helper call, evaluated by a phone's CPU on the first load.
        // The mini program build keeps package.json's browserslist.
        ...(process.env.TARO_ENV === 'h5' ? { targets: H5_TARGETS } : {}),
      },
    ],
  ],
  plugins: [
    // NutUI React Taro is loaded component by component, each with its prebuilt CSS, instead of
    // whole: the full stylesheet grows the weapp build by ~270 KB (see /work/shared/STACK.md).
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
