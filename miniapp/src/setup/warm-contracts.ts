/**
 * Nothing to do in the mini program: it bundles every contract with the app (api/contracts.ts). The h5
 * build resolves `warm-contracts.h5.ts` instead.
 */
export {};
