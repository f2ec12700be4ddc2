/**
 * Taro 4.2.1's h5 tab bar (the taro-tabbar component) renders each tab as `<a href="javascript:;">` and
 * switches tabs in its click handler without cancelling the click: the browser then follows the
 * `javascript:` URL, which our Content Security Policy (script-src without 'unsafe-inline') refuses,
 * with a console error on every tap. Cancelling that default, in the capture phase before any page
 * sees the click, removes the error without weakening the policy; Taro's own handler still runs
 * (preventDefault does not stop propagation), and the link stays focusable and opens with Enter.
 */
document.addEventListener(
  'click',
  (event) => {
    if (event.target instanceof Element && event.target.closest('a[href^="javascript:"]')) event.preventDefault();
  },
  true,
);

export {};
