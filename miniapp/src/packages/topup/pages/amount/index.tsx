import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { z } from 'zod';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { BrokenLink, EmptyState, ErrorState, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openCardDetail } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { AmountForm } from '../../components/amount-form';
import '../../components/topup.scss';
import './index.scss';

const cardIdParam = z.uuid();
const amountParam = z.coerce.number().int().positive();

export default function TopupAmountPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const cardId = cardIdParam.safeParse(router.params.cardId);
  const prefill = amountParam.safeParse(router.params.amount);
  usePageTitle(t('topup.title'));
  const back = useWaysBack();

  const query = useCachedQuery('getTopupOptions', cardId.success ? { params: { id: cardId.data } } : null);
  // Back from a payment: the monthly figures and the balance have moved.
  useRefreshOnShow(() => void query.reload());

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />;
  } else if (!cardId.success) {
    body = <BrokenLink hint={t('state.badCardLink')} back={back.cards} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={2} />;
  } else if (query.status === 'error' || !query.data) {
    const error = query.error;
    if (error?.code === 'CARD_NOT_VERIFIED') {
      body = (
        <ErrorState error={error} title={t('topup.notVerifiedTitle')}>
          <Button
            ariaRole="button"
            type="primary"
            className="query-state__action js-go-verify"
            onClick={() => openCardDetail(cardId.data)}
          >
            {t('topup.goVerify')}
          </Button>
        </ErrorState>
      );
    } else {
      body = <LoadFailed error={error} onRetry={() => void query.reload()} back={back.cards} />;
    }
  } else if (query.data.methods.length === 0 && query.data.presets.length === 0) {
    body = <EmptyState />;
  } else {
    body = (
      <AmountForm
        options={query.data}
        cardId={cardId.data}
        prefill={prefill.success ? prefill.data : undefined}
        onOrdersChanged={() => void query.reload()}
      />
    );
  }

  return <View className={`page topup-amount js-page-topup-amount ${textSize}`}>{body}</View>;
}
