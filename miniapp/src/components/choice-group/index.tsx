import { Text, View } from '@tarojs/components';
import type { CSSProperties } from 'react';
import { longestWord, rowWidthInCh } from './label-widths';
import './index.scss';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** A second, smaller line (e.g. the region under +852). */
  sub?: string;
  /** Fills the chosen option (a card's own colour). */
  color?: string;
}

interface Props<V extends string> {
  options: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Test hook prefix: the group gets `js-<prefix>`, each option `js-<prefix>-<value>`. */
  testId: string;
  /** `segmented`: one row of equal parts; `grid`: two per row, for long labels (one when a word would not fit a half). */
  layout?: 'segmented' | 'grid';
  label?: string;
}

/** A segmented control / chip grid for a small set of exclusive choices. */
export function ChoiceGroup<V extends string>({
  options,
  value,
  onChange,
  testId,
  layout = 'segmented',
  label,
}: Props<V>) {
  // The grid's columns make room for its longest word, and four segments go two and two once their
  // labels no longer fit one row (index.scss): custom properties, so no layout is measured at run time.
  const labels = options.map((option) => option.label);
  const halves = layout === 'segmented' && options.length === 4;
  const style =
    layout === 'grid'
      ? ({ '--choice-word': `${longestWord(labels)}ch` } as CSSProperties)
      : halves
        ? ({ '--choice-row': `${rowWidthInCh(labels)}ch` } as CSSProperties)
        : undefined;
  return (
    <View
      className={`choice-group choice-group--${layout}${halves ? ' choice-group--halves' : ''} js-${testId}`}
      style={style}
      ariaLabel={label}
      ariaRole="radiogroup"
    >
      {options.map((option) => {
        const active = option.value === value;
        return (
          <View
            key={option.value}
            className={`choice-group__item js-${testId}-${option.value}${active ? ' is-active' : ''}${
              active && option.color ? ' is-colored' : ''
            }`}
            style={active && option.color ? { background: option.color, borderColor: option.color } : undefined}
            ariaRole="radio"
            ariaChecked={active}
            onClick={() => {
              if (!active) onChange(option.value);
            }}
          >
            <Text className="choice-group__label">{option.label}</Text>
            {option.sub ? <Text className="choice-group__sub">{option.sub}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
