// Taro's h5 build turns these props into ARIA attributes (babel-plugin-transform-taroapi maps
// ariaChecked → aria-checked, ariaHidden → aria-hidden, ariaSelected → aria-selected, ariaValuenow → aria-valuenow…, as it does
// ariaRole → role and ariaLabel → aria-label, which Taro already types). Declared here so the
// switches, radios and decorative marks of the app can say what they are.
import '@tarojs/components/types/common';

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    /** Taro types these on View only; NutUI's Button and Text pass them on too. */
    ariaRole?: string;
    ariaLabel?: string;
    ariaChecked?: boolean;
    ariaHidden?: boolean;
    ariaSelected?: boolean;
    ariaValuenow?: number;
    ariaValuemin?: number;
    ariaValuemax?: number;
  }
}
