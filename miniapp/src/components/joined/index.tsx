import { Fragment, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  /** Each part is one unit on the line: a line breaks between parts, or inside a part too long for one. */
  parts: readonly ReactNode[];
  className?: string;
}

/**
 * Parts in a row with a "·" between them, where no line starts or ends with the "·": "上次充值 ¥1,000.00 ·"
 * over its date read as cut off at large text. Every part carries its "·" in front (index.scss); the one
 * before the first part of each line falls outside the box and is clipped. Only for left-aligned text.
 */
export function Joined({ parts, className }: Props) {
  return (
    <View className={`joined${className ? ` ${className}` : ''}`}>
      <View className="joined__line">
        {parts.map((part, index) => (
          // The space keeps the parts two words for innerText and screen readers; the "·" is drawn by CSS.
          <Fragment key={index}>
            {index > 0 ? ' ' : null}
            {/* A view rather than a text: on weapp a text node is a plain inline run, and the "·" is a
                ::before of a positioned inline block, which a view is sure to be. */}
            <View className="joined__part">{part}</View>
          </Fragment>
        ))}
      </View>
    </View>
  );
}
