import { uiMessages } from '@cbc/shared';
import { GUIDES_PACKAGE_PAGES, GUIDES_PACKAGE_ROOT, ROUTES, TAB_PAGES } from './constants/routes';

// Evaluated by Taro at build time into app.json. Texts here are the zh-Hans defaults from the shared
// catalog; the app re-labels the tab bar at runtime in the chosen language (src/i18n/tab-bar.ts).
const defaults = uiMessages['zh-Hans'];

export default defineAppConfig({
  pages: [TAB_PAGES.home, TAB_PAGES.guides],
  subPackages: [
    {
      root: GUIDES_PACKAGE_ROOT,
      pages: [GUIDES_PACKAGE_PAGES.detail, GUIDES_PACKAGE_PAGES.channel],
    },
  ],
  // The next tap from the guides tab is almost always a guide: fetch that package ahead.
  preloadRule: {
    [TAB_PAGES.guides]: { network: 'all', packages: [GUIDES_PACKAGE_ROOT] },
  },
  // h5 only (WeChat ignores it). Taro 4.2.1's router hides the previous page on a timer after the
  // slide-in; a browser Back pressed within that window leaves the guides tab hidden (blank screen).
  // Without the animation the page is hidden at once and Back always shows it.
  animation: false,
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    navigationBarTitleText: defaults['app.name'],
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#8a919f',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: ROUTES.home,
        text: defaults['tab.home'],
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: ROUTES.guides,
        text: defaults['tab.guides'],
        iconPath: 'assets/tab/guides.png',
        selectedIconPath: 'assets/tab/guides-active.png',
      },
    ],
  },
});
