import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { request, useCachedQuery, type ClientMessage } from '../../../../api';
import { useSession } from '../../../../auth';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { formatDateTime, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { noBreak, noBreakInNumbers } from '../../../../utils/no-break';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import './index.scss';

/** The server accepts at most this many ids per mark-read call. */
const MARK_READ_BATCH = 100;

/**
 * The SMS or e-mail as it went out, when it went out in another language than the one the inbox is
 * read in: the message above is a rendering for the reader, this is what the phone or mailbox got.
 */
function SentText({ message }: { message: ClientMessage }) {
  const { lang, t } = useI18n();
  const sent = message.sent;
  if (!sent || sent.lang === lang) return null;
  return (
    <View className="message__sent js-message-sent">
      <Text className="message__sent-label">
        {t('messages.sentAs', {
          channel: t(`messages.channel.${message.channel}`),
          language: t(`lang.name.${sent.lang}`),
        })}
      </Text>
      {/* Chinese text in a page set to English: a CJK font first, or its full-width punctuation shrinks. */}
      <Text
        className={`message__sent-body js-message-sent-body${sent.lang === 'en' ? '' : ' message__sent-body--cjk'}`}
        userSelect
      >
        {noBreakInNumbers(message.channel === 'email' ? `${sent.title}\n${sent.body}` : sent.body)}
      </Text>
    </View>
  );
}

/**
 * A phone number stays on one line ("+86 / 138****8000" read as two things at large text); an e-mail
 * address may break after its @ and before a dot ("de***@" / "example.com"), not inside "com".
 */
function breakableRecipient(to: string): string {
  return noBreak(to).replace(/@/g, '@\u200b').replace(/\./g, '\u200b.');
}

function MessageItem({ message, unread }: { message: ClientMessage; unread: boolean }) {
  const { lang, t } = useI18n();
  return (
    <View className={`panel message js-message${unread ? ' is-unread js-message-unread' : ''}`}>
      <View className="message__head">
        <Text className={`message__channel message__channel--${message.channel}`}>
          {t(`messages.channel.${message.channel}`)}
        </Text>
        <Text className="message__title">{message.title}</Text>
        {unread ? <View className="message__dot" ariaLabel={t('messages.unread')} /> : null}
      </View>
      <Text className="message__body js-message-body" userSelect>
        {noBreakInNumbers(message.body)}
      </Text>
      <SentText message={message} />
      <View className="message__foot">
        {/* Where an SMS or e-mail went; a notice inside the app went nowhere else. */}
        {message.channel === 'app' ? null : (
          <Text className="message__to js-message-to">{t('messages.to', { to: breakableRecipient(message.to) })}</Text>
        )}
        <Text className="message__time">{formatDateTime(lang, Date.parse(message.createdAt))}</Text>
      </View>
    </View>
  );
}

/**
 * The inbox of simulated SMS and notices, newest first. Opening it marks what it shows as read on
 * the server; the list on screen keeps its unread dots until it is fetched again, so the user sees
 * what was new.
 */
export default function MessagesPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  usePageTitle(t('messages.title'));

  const query = useCachedQuery('listMessages', {});
  const marked = useRef(new Set<string>());

  const messages = [...(query.data?.messages ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

  useEffect(() => {
    const unread = (query.data?.messages ?? []).filter((m) => m.readAt === null).map((m) => m.id);
    const toMark = unread.filter((id) => !marked.current.has(id)).slice(0, MARK_READ_BATCH);
    if (toMark.length === 0) return;
    toMark.forEach((id) => marked.current.add(id));
    request('markMessagesRead', { lang, body: { ids: toMark } }).catch(() => {
      // Not fatal: they stay unread and are marked on the next visit.
      toMark.forEach((id) => marked.current.delete(id));
    });
  }, [query.data, lang]);

  useRefreshOnShow(() => void query.reload());
  usePullDownRefresh(() => {
    void query.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (query.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={2} />;
  } else if (query.status === 'error') {
    body = <ErrorState error={query.error} onRetry={() => void query.reload()} />;
  } else if (messages.length === 0) {
    body = (
      <View className="panel messages-empty js-empty">
        <View className="messages-empty__picture">
          <View className="messages-empty__bubble" />
        </View>
        <Text className="messages-empty__title">{t('messages.emptyTitle')}</Text>
        <Text className="messages-empty__hint">{t('messages.emptyHint')}</Text>
      </View>
    );
  } else {
    body = (
      <View className="messages-list js-messages">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} unread={message.readAt === null} />
        ))}
      </View>
    );
  }

  return (
    <View className={`page messages js-page-messages ${textSize}`}>
      {loggedIn ? null : <View className="messages-device js-device-inbox">{t('messages.deviceInbox')}</View>}
      {body}
    </View>
  );
}
