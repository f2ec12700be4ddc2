/**
 * Nothing to do in the mini program, which renders with React through Taro's own reconciler. The h5
 * build resolves `aria-attributes.h5.ts` instead.
 */
export {};
