// Free of Taro and zod: the h5 boot script (src/boot) times its calls with these too.

/** How long the client waits for a reply before it gives up (and aborts the call). */
export const REQUEST_TIMEOUT_MS = 10_000;

/** The platform's own timer runs this much longer than ours: a backstop, so ours always decides. */
export const PLATFORM_TIMEOUT_GRACE_MS = 2_000;
