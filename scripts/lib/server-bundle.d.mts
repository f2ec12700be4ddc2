/** Absolute path of the bundled API server (server/dist/server.mjs). */
export const serverBundle: string;
/** Bundles server/src/server.ts with the shared package into `serverBundle`; resolves with its path. */
export function buildServerBundle(): Promise<string>;
