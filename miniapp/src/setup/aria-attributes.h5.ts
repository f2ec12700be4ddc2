import { options, type VNode } from 'preact';

/**
 * The h5 build renders with Preact (config/index.ts). Taro's wrapper of its web components copies every
 * prop onto the element as a property as well (`node['aria-checked'] = true`), and from then on Preact
 * sees `'aria-checked' in element` and updates that stray property instead of the attribute, so a
 * switch's `aria-checked` or a bar's `aria-valuenow` kept its first value. Taro's wrapper writes string
 * values to the attribute itself, so ARIA values are passed as the strings React would have written.
 */
const next = options.vnode;
options.vnode = (vnode: VNode) => {
  const props = vnode.props as Record<string, unknown> | null;
  if (props && typeof props === 'object') {
    for (const key in props) {
      const value = props[key];
      if (key.startsWith('aria-') && (typeof value === 'boolean' || typeof value === 'number')) {
        props[key] = String(value);
      }
    }
  }
  next?.(vnode);
};
