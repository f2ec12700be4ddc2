import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import { I18nProvider } from '../../src/i18n';

const mounted = new Set<Root>();

/** Lets pending promises (the stand-in's replies) settle and React apply what they set. */
async function drain(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

// A hook left mounted would go on reacting (to a login, a timer) in the next test.
afterEach(async () => {
  for (const root of mounted) {
    await act(async () => {
      root.unmount();
    });
  }
  mounted.clear();
});

/**
 * Renders a hook in a real React DOM root (jsdom) inside the app's own I18nProvider, like
 * @testing-library's renderHook: `result.current` is what the hook returned on the latest render.
 * Needs a DOM: files using it start with `// @vitest-environment jsdom`.
 */
export interface RenderedHook<R, P> {
  result: { current: R };
  /** Every value the hook returned, render by render. */
  history: R[];
  rerender: (props: P) => Promise<void>;
  unmount: () => Promise<void>;
}

export async function renderHook<R, P = undefined>(
  hook: (props: P) => R,
  initialProps?: P,
): Promise<RenderedHook<R, P>> {
  const history: R[] = [];
  const result = { current: undefined as R };
  function Probe({ props }: { props: P }): ReactNode {
    const value = hook(props);
    result.current = value;
    history.push(value);
    return null;
  }
  const container = document.createElement('div');
  const root: Root = createRoot(container);
  mounted.add(root);
  const draw = (props: P) => root.render(createElement(I18nProvider, null, createElement(Probe, { props })));
  await act(async () => {
    draw(initialProps as P);
    await drain();
  });
  return {
    result,
    history,
    rerender: async (props: P) => {
      await act(async () => {
        draw(props);
        await drain();
      });
    },
    unmount: async () => {
      await act(async () => {
        root.unmount();
      });
      mounted.delete(root);
    },
  };
}

/** Lets pending promises (the stand-in's replies) settle and React apply what they set. */
export async function flush(): Promise<void> {
  await act(drain);
}
