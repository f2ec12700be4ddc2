// Must stay the first import: it configures zod before any shared schema is created (see the module).
import './setup/zod-jitless';
// h5: keeps the tab bar's javascript: links from tripping the CSP (a no-op on WeChat).
import './setup/tab-bar-links';
// h5: ARIA states written as attributes on every update under Preact (a no-op on WeChat).
import './setup/aria-attributes';
// h5: starts building the schemas of the opened page's first replies in a task of their own.
import './setup/warm-contracts';
import { createElement, type PropsWithChildren } from 'react';
import { I18nProvider } from './i18n';
import { initTextSize } from './settings';
import './app.scss';
import './styles/navigation-bar.scss';

// 大字模式 before the first page renders (a stored choice, or WeChat's / the browser's text size).
initTextSize();

/** The app shell: every page renders inside it, so the language context reaches all of them. */
function App({ children }: PropsWithChildren) {
  return createElement(I18nProvider, null, children);
}

export default App;
