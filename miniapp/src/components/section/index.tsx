import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  title: string;
  /** Right side of the heading, e.g. a count. */
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Section({ title, extra, className, children }: Props) {
  return (
    <View className={`section${className ? ` ${className}` : ''}`}>
      <View className="section__head">
        <View className="section__bar" />
        <Text className="section__title">{title}</Text>
        {extra ? <View className="section__extra">{extra}</View> : null}
      </View>
      {children}
    </View>
  );
}
