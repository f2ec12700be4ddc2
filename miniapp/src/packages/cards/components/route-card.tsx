import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import type { BoundCard } from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery, type CachedQuery } from '../../../api';
import { useSession } from '../../../auth';
import { LoginPrompt } from '../../../components/login-prompt';
import { BrokenLink, LoadFailed, LoadingSkeleton } from '../../../components/query-states';
import { useWaysBack } from '../../../components/query-states/use-ways-back';
import { useI18n } from '../../../i18n';

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

/**
 * The page's body once its card is loaded, and until then what a user can do instead: log in, go back
 * to the card list from a broken link or a card that is gone (unbound, or another account's: a retry
 * could never find it), or retry a failed load.
 */
export function RouteCardBody({ card, children }: { card: RouteCard; children: (card: BoundCard) => ReactNode }) {
  const { t } = useI18n();
  const back = useWaysBack();
  const { loggedIn, id, query } = card;
  if (!loggedIn) return <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />;
  if (id === null) return <BrokenLink hint={t('state.badCardLink')} back={back.cards} />;
  if (query.status === 'loading') return <LoadingSkeleton count={2} rows={3} />;
  if (query.status === 'error' || !query.data) {
    return <LoadFailed error={query.error} onRetry={() => void query.reload()} back={back.cards} />;
  }
  return <>{children(query.data)}</>;
}
