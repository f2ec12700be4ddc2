import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../components/button';
import { isPayable, maskPhone, type User } from '@cbc/shared';
import { request, useCachedQuery } from '../../api';
import { endSession, updateSessionUser, useSession } from '../../auth';
import { LanguageSwitch } from '../../components/language-switch';
import { ScamWarning, SimulationNotice } from '../../components/notices';
import { Section } from '../../components/section';
import { SwitchRow } from '../../components/switch-row';
import { useI18n } from '../../i18n';
import { setLargeText, TEXT_LARGE_CLASS, useTextSize } from '../../settings';
import { openCards, openLogin, openMessages, openOrders, openRegister } from '../../utils/navigation';
import { usePageTitle } from '../../utils/use-page-title';
import { useRefreshOnShow } from '../../utils/use-show-refresh';
import { useTabBarLabels } from '../../utils/use-tab-bar-labels';
import './index.scss';

function Avatar({ wechat }: { wechat: boolean }) {
  return (
    <View className={`me-avatar${wechat ? ' me-avatar--wechat' : ''}`}>
      <View className="me-avatar__head" />
      <View className="me-avatar__body" />
    </View>
  );
}

function AccountHeader({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <View className="me-head js-me-account">
      <Avatar wechat={user.phone === null} />
      <View className="me-head__text">
        <Text className="me-head__name js-me-name">{user.phone ? maskPhone(user.phone) : t('me.wechatUser')}</Text>
        <View className="me-head__tags">
          {user.wechatLinked ? (
            <Text className="me-tag me-tag--wechat js-me-wechat">{t('me.wechatLinked')}</Text>
          ) : null}
          {user.phone === null ? <Text className="me-tag">{t('me.noPhone')}</Text> : null}
          {user.email ? <Text className="me-head__email">{user.email}</Text> : null}
        </View>
      </View>
    </View>
  );
}

function LoggedOutHeader() {
  const { t } = useI18n();
  return (
    <View className="me-head me-head--out">
      <View className="me-head__row">
        <Avatar wechat={false} />
        <View className="me-head__text">
          <Text className="me-head__name">{t('me.loggedOutTitle')}</Text>
          <Text className="me-head__body">{t('me.loggedOutBody')}</Text>
        </View>
      </View>
      <Button type="default" size="large" block className="me-head__login js-me-login" onClick={openLogin}>
        {t('me.loginButton')}
      </Button>
    </View>
  );
}

interface EntryProps {
  title: string;
  className: string;
  icon: 'cards' | 'orders' | 'messages' | 'phone';
  extra?: ReactNode;
  onClick: () => void;
}

function Entry({ title, className, icon, extra, onClick }: EntryProps) {
  return (
    <View className={`me-entry ${className}`} ariaRole="button" onClick={onClick}>
      <View className={`me-entry__icon me-entry__icon--${icon}`} ariaHidden />
      <Text className="me-entry__title">{title}</Text>
      {extra ? <View className="me-entry__extra">{extra}</View> : null}
      <View className="me-entry__chevron" ariaHidden />
    </View>
  );
}

export default function MePage() {
  const { lang, t } = useI18n();
  const { user, loggedIn } = useSession();
  const textSize = useTextSize();
  usePageTitle(t('me.title'));
  useTabBarLabels();

  // The inbox answers logged out too (the device's simulated SMS): the badge is always live.
  const messages = useCachedQuery('listMessages', {});
  const cards = useCachedQuery('listCards', {});
  const unpaidOrders = useCachedQuery('listOrders', { query: { state: 'unpaid' } });
  useRefreshOnShow(() => {
    void messages.reload();
    if (loggedIn) {
      void cards.reload();
      void unpaidOrders.reload();
      // The account may have changed elsewhere (a phone linked to a WeChat account).
      request('me', { lang }).then(updateSessionUser, () => undefined);
    }
  });

  const unread = messages.data?.unreadCount ?? 0;
  const cardCount = loggedIn ? cards.data?.cards.length : undefined;
  // Counted again here: a saved reply (offline, or before the fresh one) may hold orders that have closed since.
  const unpaidCount = loggedIn ? (unpaidOrders.data?.orders.filter((order) => isPayable(order)).length ?? 0) : 0;

  const logout = async () => {
    const { confirm } = await Taro.showModal({
      title: t('me.logoutTitle'),
      content: t('me.logoutBody'),
      confirmText: t('me.logout'),
      cancelText: t('common.cancel'),
      confirmColor: '#cb2634',
    });
    if (!confirm) return;
    // Revoke on the server if it answers; the local session ends either way.
    await request('logout', { lang }).catch(() => undefined);
    endSession();
    void Taro.showToast({ title: t('me.loggedOut'), icon: 'success' });
    void messages.reload();
  };

  return (
    <View className={`page me js-page-me${textSize.large ? ` ${TEXT_LARGE_CLASS}` : ''}`}>
      {user ? <AccountHeader user={user} /> : <LoggedOutHeader />}

      <View className="panel me-list">
        <Entry
          title={t('me.cards')}
          className="js-me-cards"
          icon="cards"
          extra={
            cardCount !== undefined ? (
              <Text className="me-entry__count js-me-cards-count">{t('me.cardsCount', { count: cardCount })}</Text>
            ) : null
          }
          onClick={openCards}
        />
        {loggedIn ? (
          <Entry
            title={t('me.orders')}
            className="js-me-orders"
            icon="orders"
            extra={
              unpaidCount > 0 ? (
                <Text className="me-badge me-badge--waiting js-me-orders-unpaid">
                  {t('me.ordersUnpaid', { count: unpaidCount })}
                </Text>
              ) : null
            }
            onClick={() => openOrders()}
          />
        ) : null}
        <Entry
          title={t('me.messages')}
          className="js-me-messages"
          icon="messages"
          extra={unread > 0 ? <Text className="me-badge js-unread-badge">{unread > 99 ? '99+' : unread}</Text> : null}
          onClick={openMessages}
        />
        {user && user.phone === null ? (
          <Entry title={t('me.linkPhone')} className="js-me-link-phone" icon="phone" onClick={openRegister} />
        ) : null}
      </View>

      <Section title={t('me.settings')}>
        <View className="panel me-settings">
          <View className="me-setting">
            <Text className="me-setting__label">{t('me.language')}</Text>
            <LanguageSwitch />
          </View>
          <SwitchRow
            title={t('me.largeText')}
            hint={textSize.large && textSize.followsSystem ? t('me.largeTextSystem') : t('me.largeTextHint')}
            on={textSize.large}
            onToggle={() => setLargeText(!textSize.large)}
            testId="large-text"
          />
        </View>
      </Section>

      <Section title={t('me.about')}>
        <View className="panel me-about">
          <Text className="me-about__name">{t('app.name')}</Text>
          <Text className="me-about__body">{t('me.aboutBody')}</Text>
        </View>
        <SimulationNotice />
        <ScamWarning />
      </Section>

      {loggedIn ? (
        <View className="me-logout js-logout" onClick={() => void logout()}>
          {t('me.logout')}
        </View>
      ) : null}
    </View>
  );
}
