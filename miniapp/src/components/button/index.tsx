// eslint-disable-next-line no-restricted-imports -- the one place NutUI's Button is used: it is wrapped here.
import { Button as NutButton, type ButtonProps } from '@nutui/nutui-react-taro';

/**
 * NutUI's Button, saying when it cannot be used. NutUI keeps `disabled` and `loading` to itself (a class
 * and a tap it swallows) and never tells the element: a screen reader announced a greyed-out "下一步" as a
 * working button, and the h5 build put it in the tab order. `aria-disabled` carries the state in the browser
 * build; Taro's WeChat templates drop aria attributes (base.wxml has none), as they drop `ariaRole`.
 */
export function Button(props: Partial<ButtonProps>) {
  return <NutButton aria-disabled={Boolean(props.disabled || props.loading)} {...props} />;
}
