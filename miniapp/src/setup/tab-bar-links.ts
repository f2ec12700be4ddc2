/**
 * Nothing to do outside the browser: WeChat draws its own tab bar. The h5 build resolves
 * `tab-bar-links.h5.ts` instead (Taro picks a file named after the platform first).
 */
export {};
