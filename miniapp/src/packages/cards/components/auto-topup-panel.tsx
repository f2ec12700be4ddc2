import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/button';
import {
  PAYMENT_METHOD_NAMES,
  TOPUP_RULES,
  formatMoney,
  money,
  type AutoTopup,
  type AutoTopupRequest,
  type BoundCard,
  type PaymentMethod,
} from '@cbc/shared';
import { request, toApiError, useCachedQuery } from '../../../api';
import { ChoiceGroup } from '../../../components/choice-group';
import { SimulationBadge } from '../../../components/notices';
import { InlineError } from '../../../components/query-states';
import { SwitchRow } from '../../../components/switch-row';
import { formatDate, useI18n } from '../../../i18n';
import { useReloadWhenShown } from './use-reload-when-shown';

interface Draft {
  amountMinor: number;
  method: PaymentMethod;
}

/** What the form starts from: the saved choice, else the card type's smallest preset and first method. */
function initialDraft(card: BoundCard, saved: AutoTopup | undefined): Draft {
  const rules = TOPUP_RULES[card.type];
  return {
    amountMinor: saved?.amount?.amountMinor ?? rules.presetsMinor[0] ?? 0,
    method: saved?.method ?? rules.methods[0] ?? 'wechatpay',
  };
}

/**
 * 自动充值 on the card page (Octopus's Automatic Add Value): off by default; on, a trip that leaves
 * the balance under the reminder threshold makes one top-up of the chosen preset on the chosen
 * method, at most once a day. Tapping the switch opens the choice, and it turns on once the choice is
 * saved; turning it off saves at once.
 */
export function AutoTopupPanel({
  card,
  thresholdSet,
  shown,
}: {
  card: BoundCard;
  /** Whether a low-balance threshold exists: without one, auto top-up never starts. */
  thresholdSet: boolean | undefined;
  shown: number;
}) {
  const { lang, t } = useI18n();
  const query = useCachedQuery('getAutoTopup', { params: { id: card.id } });
  useReloadWhenShown(shown, query.reload);
  const saved = query.data;
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rules = TOPUP_RULES[card.type];
  const currency = card.balance.currency;
  const enabled = saved?.enabled === true;
  const open = enabled || opened;
  const current = draft ?? initialDraft(card, saved);
  const changed = !enabled || current.amountMinor !== saved?.amount?.amountMinor || current.method !== saved.method;

  const save = async (body: AutoTopupRequest, toast: string) => {
    setBusy(true);
    setError(null);
    try {
      await request('setAutoTopup', { lang, params: { id: card.id }, body });
      void Taro.showToast({ title: toast, icon: 'success' });
      setDraft(null);
      setOpened(false);
      await query.reload();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = () => {
    setError(null);
    if (enabled) {
      void save({ enabled: false }, t('autoTopup.disabled'));
    } else {
      setOpened((was) => !was);
      setDraft(null);
    }
  };

  let body;
  if (query.status === 'loading') {
    body = <Text className="auto-topup__status">{t('state.loading')}</Text>;
  } else if (query.status === 'error' && !saved) {
    body = <InlineError error={query.error} onRetry={() => void query.reload()} />;
  } else {
    body = (
      <>
        <SwitchRow
          title={t('autoTopup.switch')}
          hint={t('autoTopup.switchHint')}
          // What is saved, never the open choice: a switch shown on before 开启 read as on already.
          on={enabled}
          onToggle={toggle}
          disabled={busy}
          testId="auto-topup-switch"
        />
        <Text className="auto-topup__status js-auto-topup-status">
          {enabled && saved?.amount && saved.method
            ? t('autoTopup.statusOn', {
                amount: formatMoney(saved.amount),
                method: PAYMENT_METHOD_NAMES[saved.method][lang],
              })
            : // While the choice is open the switch is still off: the line says what is left to do.
              t(open ? 'autoTopup.statusChoosing' : 'autoTopup.statusOff')}
        </Text>
        {saved?.lastRunDay ? (
          <Text className="auto-topup__hint js-auto-topup-last">
            {t('autoTopup.lastRun', { date: formatDate(lang, saved.lastRunDay) })}
          </Text>
        ) : null}
        {open && thresholdSet === false ? (
          <View className="auto-topup__needs js-auto-topup-needs-reminder" ariaRole="note">
            {t('autoTopup.needsReminder')}
          </View>
        ) : null}
        {open ? (
          <View className="auto-topup__form js-auto-topup-form">
            <Text className="auto-topup__label">{t('autoTopup.amount')}</Text>
            <ChoiceGroup
              layout="grid"
              testId="auto-topup-amount"
              label={t('autoTopup.amount')}
              value={String(current.amountMinor)}
              options={rules.presetsMinor.map((minor) => ({
                value: String(minor),
                label: formatMoney(money(minor, currency)),
              }))}
              onChange={(value) => setDraft({ ...current, amountMinor: Number(value) })}
            />
            <Text className="auto-topup__label">{t('autoTopup.method')}</Text>
            <ChoiceGroup
              layout="grid"
              testId="auto-topup-method"
              label={t('autoTopup.method')}
              value={current.method}
              options={rules.methods.map((method) => ({ value: method, label: PAYMENT_METHOD_NAMES[method][lang] }))}
              onChange={(method) => setDraft({ ...current, method })}
            />
            {changed ? (
              <Button
                type="primary"
                size="large"
                block
                loading={busy}
                disabled={busy}
                className="auto-topup__save js-auto-topup-save"
                ariaRole="button"
                onClick={() =>
                  void save(
                    { enabled: true, amountMinor: current.amountMinor, method: current.method },
                    t(enabled ? 'autoTopup.saved' : 'autoTopup.enabled'),
                  )
                }
              >
                {t(enabled ? 'autoTopup.save' : 'autoTopup.enable')}
              </Button>
            ) : null}
          </View>
        ) : null}
        {error ? (
          <Text className="auto-topup__error js-auto-topup-error" ariaRole="alert">
            {error}
          </Text>
        ) : null}
        <Text className="auto-topup__hint">{t('autoTopup.rules')}</Text>
      </>
    );
  }

  return (
    <View className="panel auto-topup js-auto-topup">
      <View className="auto-topup__head">
        <Text className="auto-topup__title">{t('autoTopup.title')}</Text>
        <SimulationBadge />
      </View>
      {body}
    </View>
  );
}
