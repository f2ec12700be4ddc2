import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  /** The field's name in the request (`phone`, `plates.0.number`): names its error for tests. */
  name: string;
  label?: string;
  /** Right side of the label row, e.g. a "remove" link. */
  extra?: ReactNode;
  /** Always shown under the input (rules, examples). */
  hint?: string;
  error: string | null;
  /** The bordered input box is drawn around `children` unless `bare`. */
  bare?: boolean;
  className?: string;
  children: ReactNode;
}

/** CSS selectors cannot contain a bare dot, so `plates.0.number` also gets `…-plates-0-number`. */
function errorClasses(name: string): string {
  const dashed = name.replace(/\./g, '-');
  return dashed === name ? `js-field-error-${name}` : `js-field-error-${name} js-field-error-${dashed}`;
}

/** A labelled form row: label, input box, hint, and the field's error in red under it. */
export function FormField({ name, label, extra, hint, error, bare = false, className, children }: Props) {
  return (
    <View className={`form-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      {label || extra ? (
        <View className="form-field__head">
          {label ? <Text className="form-field__label">{label}</Text> : null}
          {extra ? <View className="form-field__extra">{extra}</View> : null}
        </View>
      ) : null}
      {bare ? children : <View className="form-field__box">{children}</View>}
      {hint ? <Text className="form-field__hint">{hint}</Text> : null}
      {error ? <Text className={`form-field__error js-field-error ${errorClasses(name)}`}>{error}</Text> : null}
    </View>
  );
}

/** A form-level error that names no field (e.g. wrong password, network down). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <View className="form-error js-form-error">
      <View className="form-error__icon">!</View>
      <Text className="form-error__text">{message}</Text>
    </View>
  );
}
