import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { BoundCard } from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery, type CachedQuery } from '../../../api';
import { useSession } from '../../../auth';
import { LoginPrompt } from '../../../components/login-prompt';
import { ErrorState, LoadingSkeleton } from '../../../components/query-states';
import { useI18n } from '../../../i18n';
import { backToCards } from '../../../utils/navigation';

const cardIdParam = z.uuid();

export interface RouteCard {
  loggedIn: boolean;
  /** The page's `id` parameter, when it is a card id at all. */
  id: string | null;
  query: CachedQuery<BoundCard>;
}

/** The card a page's `id` parameter names (card details, 模拟通行, the planner). */
export function useRouteCard(): RouteCard {
  const { loggedIn } = useSession();
  const router = useRouter();
  const id = cardIdParam.safeParse(router.params.id);
  const query = useCachedQuery('getCard', id.success ? { params: { id: id.data } } : null);
  return { loggedIn, id: id.success ? id.data : null, query };
}

function BackToCards() {
  const { t } = useI18n();
  return (
    <Button ariaRole="button" type="default" className="query-state__action js-back-to-cards" onClick={backToCards}>
      {t('cards.title')}
    </Button>
  );
}

/**
 * The page's body once its card is loaded, and until then what a user can do instead: log in, go back
 * to the card list from a broken link or a card that is gone (unbound, or another account's: a retry
 * could never find it), or retry a failed load.
 */
export function RouteCardBody({ card, children }: { card: RouteCard; children: (card: BoundCard) => ReactNode }) {
  const { t } = useI18n();
  const { loggedIn, id, query } = card;
  if (!loggedIn) return <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />;
  if (id === null) {
    return (
      <ErrorState error={null} title={t('state.badLinkTitle')} description={t('state.badCardLink')}>
        <BackToCards />
      </ErrorState>
    );
  }
  if (query.status === 'loading') return <LoadingSkeleton count={2} rows={3} />;
  if (query.status === 'error' || !query.data) {
    if (query.error?.status === 404) {
      return (
        <ErrorState error={query.error}>
          <BackToCards />
        </ErrorState>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.reload()} />;
  }
  return <>{children(query.data)}</>;
}
