import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/button';
import {
  CURRENCY_SYMBOLS,
  decimalToMinor,
  formatMoney,
  minorToDecimal,
  type BoundCard,
  type Reminder,
} from '@cbc/shared';
import { request, toApiError, type CachedQuery } from '../../../api';
import { InlineError } from '../../../components/query-states';
import { useI18n } from '../../../i18n';
import { askReminderSubscription } from '../../../utils/subscribe-reminder';

/**
 * 低余额提醒 on the card page: the threshold (set, change, turn off), a warning while the balance is
 * under it, and WeChat's subscription answer (asked on weapp when saving). Where WeChat cannot be asked
 * (h5 records `unsupported`) the hint already says the inbox carries the reminder: no second line says it again.
 * The page owns the query: auto top-up below reads the same threshold.
 */
export function ReminderPanel({ card, query }: { card: BoundCard; query: CachedQuery<Reminder> }) {
  const { lang, t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reminder = query.data;
  const typed = text ?? (reminder?.threshold ? minorToDecimal(reminder.threshold.amountMinor) : '');

  const save = async (thresholdMinor: number | null) => {
    setBusy(thresholdMinor === null ? 'clear' : 'save');
    setError(null);
    try {
      // WeChat wants the subscription request straight from the tap: ask before anything else.
      const subscribe = thresholdMinor === null ? undefined : await askReminderSubscription();
      await request('setReminder', {
        lang,
        params: { id: card.id },
        body: subscribe ? { thresholdMinor, subscribe } : { thresholdMinor },
      });
      setText(null);
      void Taro.showToast({
        title: t(thresholdMinor === null ? 'reminder.cleared' : 'reminder.saved'),
        icon: 'success',
      });
      await query.reload();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  const submit = () => {
    const minor = decimalToMinor(typed);
    if (minor === undefined) {
      setError(t('reminder.invalid'));
      return;
    }
    void save(minor);
  };

  let body;
  if (query.status === 'loading') {
    body = <Text className="reminder__status">{t('state.loading')}</Text>;
  } else if (query.status === 'error' && !reminder) {
    body = <InlineError error={query.error} onRetry={() => void query.reload()} />;
  } else {
    body = (
      <>
        <Text className="reminder__status js-reminder-status">
          {reminder?.threshold ? t('reminder.current', { amount: formatMoney(reminder.threshold) }) : t('reminder.off')}
        </Text>
        {reminder?.below && reminder.threshold ? (
          <View className="reminder__below js-reminder-below" ariaRole="alert">
            {t('reminder.below', { amount: formatMoney(reminder.threshold) })}
          </View>
        ) : null}
        <View className="reminder__form">
          <View className="reminder__box">
            <Text className="reminder__symbol">{CURRENCY_SYMBOLS[card.balance.currency]}</Text>
            <Input
              className="reminder__input js-reminder-input"
              type="digit"
              value={typed}
              placeholder={t('reminder.amountPlaceholder')}
              ariaLabel={t('reminder.amountLabel')}
              onInput={(event) => {
                setText(event.detail.value);
                setError(null);
              }}
            />
          </View>
          <Button
            type="primary"
            size="normal"
            loading={busy === 'save'}
            disabled={busy !== null}
            className="reminder__save js-reminder-save"
            ariaRole="button"
            onClick={submit}
          >
            {t('reminder.save')}
          </Button>
        </View>
        {error ? (
          <Text className="reminder__error js-reminder-error" ariaRole="alert">
            {error}
          </Text>
        ) : null}
        <Text className="reminder__hint">{t('reminder.hint')}</Text>
        {reminder?.subscribe && reminder.subscribe !== 'unsupported' ? (
          <Text className="reminder__hint js-reminder-subscribe">{t(`reminder.subscribe.${reminder.subscribe}`)}</Text>
        ) : null}
        {reminder?.threshold ? (
          <View
            className={`reminder__clear js-reminder-clear${busy ? ' is-busy' : ''}`}
            ariaRole="button"
            onClick={busy ? undefined : () => void save(null)}
          >
            {busy === 'clear' ? t('state.loading') : t('reminder.clear')}
          </View>
        ) : null}
      </>
    );
  }

  return (
    <View className="panel reminder js-reminder">
      <Text className="reminder__title">{t('reminder.title')}</Text>
      {body}
    </View>
  );
}
