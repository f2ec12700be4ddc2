// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// NutUI React Taro is loaded component by component (with its prebuilt CSS) instead of whole:
// the full stylesheet grows the weapp build by ~270 KB (see /work/shared/STACK.md).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
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
