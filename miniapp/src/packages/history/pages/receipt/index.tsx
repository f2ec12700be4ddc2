import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { CARDS, formatMoney, PAYMENT_METHOD_NAMES, type TransactionDetail } from '@cbc/shared';
import { z } from 'zod';
import { request, toApiError, useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { formatHomeDateTime, signedMoney } from '../../../../components/history';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { BrokenLink, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { asSentence, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openMessages } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { CopyRow, InfoRow } from '../../../../components/info-rows';
import '../../components/history.scss';

const idParam = z.uuid();

type Channel = 'sms' | 'email';
type ResendNote = { ok: true; text: string } | { ok: false; text: string; hint?: string };

/** 再次发送: the receipt again to the inbox as a simulated SMS or e-mail. */
function Resend({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState<Channel | null>(null);
  const [note, setNote] = useState<ResendNote | null>(null);

  const resend = async (channel: Channel) => {
    setBusy(channel);
    setNote(null);
    try {
      await request('resendReceipt', { lang, params: { id }, body: { channel } });
      setNote({ ok: true, text: t('receipt.resent') });
    } catch (caught) {
      const error = toApiError(caught);
      // No phone or e-mail on the account for that channel: say so and point at the other one.
      setNote(
        error.code === 'RECIPIENT_MISSING'
          ? { ok: false, text: asSentence(lang, error.message), hint: t('receipt.recipientMissing') }
          : { ok: false, text: error.message },
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="panel resend js-resend">
      <Text className="resend__title">{t('receipt.resendTitle')}</Text>
      <Text className="resend__hint">{t('receipt.resendHint')}</Text>
      <View className="resend__buttons">
        {(['sms', 'email'] as const).map((channel) => (
          <Button
            key={channel}
            type="default"
            size="large"
            loading={busy === channel}
            disabled={busy !== null}
            className={`resend__button js-resend-${channel}`}
            ariaRole="button"
            onClick={() => void resend(channel)}
          >
            {t(channel === 'sms' ? 'receipt.resendSms' : 'receipt.resendEmail')}
          </Button>
        ))}
      </View>
      {note ? (
        <View className={`resend__note js-resend-note ${note.ok ? 'is-ok js-resend-ok' : 'is-error js-resend-error'}`}>
          <Text>{note.text}</Text>
          {!note.ok && note.hint ? <Text className="resend__hint-line js-resend-hint">{note.hint}</Text> : null}
          {note.ok ? (
            <View className="resend__inbox js-resend-inbox" ariaRole="button" onClick={openMessages}>
              {t('trip.openInbox')}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function ReceiptBody({ entry }: { entry: TransactionDetail }) {
  const { lang, t } = useI18n();
  return (
    <View className="js-receipt">
      <View className="panel receipt-head">
        <View className="receipt-head__kind">
          <SimulationBadge />
          <Text className="receipt-head__kind-text js-receipt-kind">{t(`receipt.kind.${entry.kind}`)}</Text>
        </View>
        <Text className={`receipt-head__amount js-receipt-amount${entry.amount.amountMinor > 0 ? ' is-in' : ''}`}>
          {signedMoney(entry.amount)}
        </Text>
        <Text className="receipt-head__title js-receipt-title">{entry.title}</Text>
      </View>
      <View className="panel receipt-rows">
        <CopyRow label={t('order.receiptNo')} value={entry.receiptNo} className="js-receipt-no" />
        <InfoRow label={t('receipt.time')} figure>
          <Text className="js-receipt-time">{formatHomeDateTime(lang, entry.createdAt)} (UTC+8)</Text>
        </InfoRow>
        <InfoRow label={t('receipt.amount')} figure>
          <Text>{signedMoney(entry.amount)}</Text>
        </InfoRow>
        {entry.segment ? (
          <InfoRow label={t('trip.segment')}>
            <Text className="js-receipt-segment">{entry.segment.name}</Text>
          </InfoRow>
        ) : null}
        {entry.method ? (
          <InfoRow label={t('topup.method')}>
            <Text className="js-receipt-method">{PAYMENT_METHOD_NAMES[entry.method][lang]}</Text>
          </InfoRow>
        ) : null}
        <InfoRow label={t('order.card')}>
          <Text>{CARDS[entry.cardType].name[lang]}</Text>
          <Text className="info-row__sub js-receipt-card">{entry.cardNumberMasked}</Text>
        </InfoRow>
        <InfoRow label={t('receipt.balanceAfter')} figure>
          <Text className="js-receipt-balance-after">{formatMoney(entry.balanceAfter)}</Text>
        </InfoRow>
        {entry.outTradeNo ? (
          <CopyRow label={t('order.outTradeNo')} value={entry.outTradeNo} className="js-receipt-out-trade-no" />
        ) : null}
        {entry.transactionId ? (
          <CopyRow label={t('order.transactionId')} value={entry.transactionId} className="js-receipt-transaction-id" />
        ) : null}
        <Text className="receipt-foot">{t('order.simReceipt')}</Text>
      </View>
      <Resend id={entry.id} />
    </View>
  );
}

/** The receipt of one history entry. */
export default function ReceiptPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const id = idParam.safeParse(router.params.id);
  usePageTitle(t('receipt.title'));
  const back = useWaysBack();
  const query = useCachedQuery('getTransaction', id.success ? { params: { id: id.data } } : null);

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('history.loginTitle')} body={t('history.loginBody')} />;
  } else if (!id.success) {
    body = <BrokenLink hint={t('state.badEntryLink')} back={back.history} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={4} />;
  } else if (query.status === 'error' || !query.data) {
    body = <LoadFailed error={query.error} onRetry={() => void query.reload()} back={back.history} />;
  } else {
    body = <ReceiptBody entry={query.data} />;
  }
  return (
    <View className={`page receipt-page js-page-receipt ${textSize}`}>
      {body}
      <SimulationNotice />
    </View>
  );
}
