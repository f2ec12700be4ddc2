import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Section } from '../../../components/section';

interface ListProps {
  title: string;
  items: string[];
  /** Test hook on the list panel, e.g. `js-channel-bring`. */
  hook: string;
}

/**
 * The titled lists of the guide and channel pages: `checklist` (things to have at hand, ticked boxes) or
 * `tips` (short advice, bullets). A list with no items leaves no empty section behind.
 */
function DetailList({ title, items, hook, variant }: ListProps & { variant: 'checklist' | 'tips' }) {
  if (items.length === 0) return null;
  return (
    <Section title={title}>
      <View className={`panel ${variant} ${hook}`}>
        {items.map((item) => (
          <View key={item} className={`${variant}__item`}>
            <View className={variant === 'checklist' ? 'checklist__box' : 'tips__bullet'} />
            <Text className={`${variant}__text`}>{item}</Text>
          </View>
        ))}
      </View>
    </Section>
  );
}

export const Checklist = (props: ListProps) => <DetailList {...props} variant="checklist" />;
export const TipList = (props: ListProps) => <DetailList {...props} variant="tips" />;

interface TimelineStepProps {
  /** Zero-based; shown from 1. */
  index: number;
  /** Test hook on the step, e.g. `js-guide-step`. */
  hook: string;
  id?: string;
  children: ReactNode;
}

/** One numbered step on the vertical rail that guides and channels share. */
export function TimelineStep({ index, hook, id, children }: TimelineStepProps) {
  return (
    <View className={`timeline__step ${hook}`} id={id}>
      <View className="timeline__rail">
        <View className="timeline__num">{index + 1}</View>
        <View className="timeline__line" />
      </View>
      <View className="timeline__body">{children}</View>
    </View>
  );
}
