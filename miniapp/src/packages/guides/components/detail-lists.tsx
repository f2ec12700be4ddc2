import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Section } from '../../../components/section';
import { useI18n } from '../../../i18n';
import { useTicks } from './use-ticks';

interface ListProps {
  title: string;
  items: string[];
  /** Test hook on the list panel, e.g. `js-channel-bring`. */
  hook: string;
}

/** Short advice as bullets. A list with no items leaves no empty section behind. */
export function TipList({ title, items, hook }: ListProps) {
  if (items.length === 0) return null;
  return (
    <Section title={title}>
      <View className={`panel tips ${hook}`}>
        {items.map((item) => (
          <View key={item} className="tips__item">
            <View className="tips__bullet" />
            <Text className="tips__text">{item}</Text>
          </View>
        ))}
      </View>
    </Section>
  );
}

/**
 * Things to have at hand before starting, as boxes the reader ticks while gathering them (empty until
 * ticked: a pre-ticked box would read as already done), remembered on the device per list.
 */
export function Checklist({ title, items, hook, listId }: ListProps & { listId: string }) {
  const { t } = useI18n();
  const ticks = useTicks(listId);
  if (items.length === 0) return null;
  return (
    <Section title={title}>
      <View className={`panel checklist ${hook}`}>
        <View className="checklist__head">
          <Text className="checklist__progress js-checklist-progress">
            {t('guide.checklistProgress', { done: ticks.count, total: items.length })}
          </Text>
          {ticks.count > 0 ? (
            <View className="checklist__reset js-checklist-reset" ariaRole="button" onClick={ticks.clear}>
              {t('guide.checklistReset')}
            </View>
          ) : null}
        </View>
        {items.map((item, index) => {
          const on = ticks.ticked(index);
          return (
            <View
              key={item}
              className={`checklist__item js-checklist-item${on ? ' is-ticked' : ''}`}
              ariaRole="checkbox"
              ariaChecked={on}
              ariaLabel={item}
              onClick={() => ticks.toggle(index)}
            >
              <View className="checklist__box" />
              <Text className="checklist__text">{item}</Text>
            </View>
          );
        })}
        <Text className="checklist__hint">{t('guide.checklistHint')}</Text>
      </View>
    </Section>
  );
}

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
