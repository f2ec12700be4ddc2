import { uiMessages } from '@cbc/shared';
import {
  ACCOUNT_PACKAGE_PAGES,
  ACCOUNT_PACKAGE_ROOT,
  CARDS_PACKAGE_PAGES,
  CARDS_PACKAGE_ROOT,
  GUIDES_PACKAGE_PAGES,
  GUIDES_PACKAGE_ROOT,
  HISTORY_PACKAGE_PAGES,
  HISTORY_PACKAGE_ROOT,
  MESSAGES_PACKAGE_PAGES,
  MESSAGES_PACKAGE_ROOT,
  ROUTES,
  TAB_PAGES,
  TOPUP_PACKAGE_PAGES,
  TOPUP_PACKAGE_ROOT,
} from './constants/routes';

// Evaluated by Taro at build time into app.json. Texts here are the zh-Hans defaults from the shared
// catalog; the app re-labels the tab bar at runtime in the chosen language (src/i18n/tab-bar.ts).
const defaults = uiMessages['zh-Hans'];

export default defineAppConfig({
  pages: [TAB_PAGES.home, TAB_PAGES.guides, TAB_PAGES.history, TAB_PAGES.me],
  subPackages: [
    {
      root: GUIDES_PACKAGE_ROOT,
      pages: [GUIDES_PACKAGE_PAGES.detail, GUIDES_PACKAGE_PAGES.channel],
    },
    {
      root: ACCOUNT_PACKAGE_ROOT,
      pages: [ACCOUNT_PACKAGE_PAGES.login, ACCOUNT_PACKAGE_PAGES.register, ACCOUNT_PACKAGE_PAGES.reset],
    },
    {
      root: CARDS_PACKAGE_ROOT,
      pages: [
        CARDS_PACKAGE_PAGES.list,
        CARDS_PACKAGE_PAGES.add,
        CARDS_PACKAGE_PAGES.detail,
        CARDS_PACKAGE_PAGES.trip,
        CARDS_PACKAGE_PAGES.planner,
      ],
    },
    {
      root: HISTORY_PACKAGE_ROOT,
      pages: [HISTORY_PACKAGE_PAGES.card, HISTORY_PACKAGE_PAGES.receipt, HISTORY_PACKAGE_PAGES.statement],
    },
    {
      root: MESSAGES_PACKAGE_ROOT,
      pages: [MESSAGES_PACKAGE_PAGES.inbox],
    },
    {
      root: TOPUP_PACKAGE_ROOT,
      pages: [
        TOPUP_PACKAGE_PAGES.amount,
        TOPUP_PACKAGE_PAGES.confirm,
        TOPUP_PACKAGE_PAGES.cashier,
        TOPUP_PACKAGE_PAGES.result,
        TOPUP_PACKAGE_PAGES.orders,
        TOPUP_PACKAGE_PAGES.order,
      ],
    },
  ],
  // The next tap from the guides tab is almost always a guide; from the home tab, 充值 on a bound card;
  // from the Me tab login, the cards, the inbox or 我的订单; from the History tab, a receipt.
  preloadRule: {
    [TAB_PAGES.home]: { network: 'all', packages: [TOPUP_PACKAGE_ROOT] },
    [TAB_PAGES.guides]: { network: 'all', packages: [GUIDES_PACKAGE_ROOT] },
    [TAB_PAGES.history]: { network: 'all', packages: [HISTORY_PACKAGE_ROOT] },
    [TAB_PAGES.me]: {
      network: 'all',
      packages: [ACCOUNT_PACKAGE_ROOT, CARDS_PACKAGE_ROOT, MESSAGES_PACKAGE_ROOT, TOPUP_PACKAGE_ROOT],
    },
  },
  // h5 only (WeChat ignores it). Taro 4.2.1's router hides the previous page on a timer after the
  // slide-in; a browser Back pressed within that window leaves the guides tab hidden (blank screen).
  // Without the animation the page is hidden at once and Back always shows it.
  animation: false,
  window: {
    // WeChat's default, spelled out: Taro's h5 build draws its navigation bar (title, back, and home
    // when a page was opened directly) only when the style is named, so every page has a way back there too.
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    navigationBarTitleText: defaults['app.name'],
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  // The label colours are the design tokens $text-3 and $brand (styles/_tokens.scss): 5.2:1 on white,
  // checked by miniapp/test/styles/contrast.test.ts (the old grey was 3.2:1).
  tabBar: {
    color: '#646d79',
    selectedColor: '#1366e0',
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
      {
        pagePath: ROUTES.history,
        text: defaults['tab.history'],
        iconPath: 'assets/tab/history.png',
        selectedIconPath: 'assets/tab/history-active.png',
      },
      {
        pagePath: ROUTES.me,
        text: defaults['tab.me'],
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
