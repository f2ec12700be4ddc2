import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Button } from '../button';
import type { ApiError } from '../../api';
import { thenSentence, useI18n } from '../../i18n';
import './index.scss';

/** Grey placeholder blocks in the shape of `count` list cards. */
export function LoadingSkeleton({ count = 2, rows = 3 }: { count?: number; rows?: number }) {
  const { t } = useI18n();
  return (
    <View className="loading-skeleton js-loading" ariaLabel={t('state.loading')}>
      {Array.from({ length: count }, (_, index) => (
        <View key={index} className="panel loading-skeleton__panel">
          <Skeleton size="large" width="62%" animated />
          <View className="loading-skeleton__gap" />
          <Skeleton size="small" rows={rows} animated />
        </View>
      ))}
    </View>
  );
}

/**
 * Placeholder lines for text that is still loading, drawn inside an element that carries the real
 * text's class (`className`), so they take its font size and line height: the skeleton is as tall as
 * the text that replaces it, in every language and at every text size, and nothing below it jumps.
 * `widths` gives one entry per line (a share of the width, the last line usually shorter).
 */
export function SkeletonText({ className = '', widths }: { className?: string; widths: readonly string[] }) {
  return (
    <View className={`${className} skeleton-text`.trim()} ariaHidden>
      {widths.map((width, index) => (
        <Text key={index} className="skeleton-text__line" style={{ width }}>
          {'\u00a0'}
        </Text>
      ))}
    </View>
  );
}

/** A tag or badge placeholder: the real tag's class keeps its padding and line height. */
export function SkeletonChip({ className, chars = 4 }: { className: string; chars?: number }) {
  return (
    <Text className={`${className} skeleton-chip`} ariaHidden>
      {'\u00a0'.repeat(chars * 2)}
    </Text>
  );
}

/** A drawn picture for empty and error states (NutUI's default pictures are remote images). */
function StatePicture({ tone }: { tone: 'empty' | 'error' }) {
  return (
    <View className={`state-picture state-picture--${tone}`}>
      <View className="state-picture__sheet" />
      <View className="state-picture__mark">{tone === 'error' ? '!' : ''}</View>
    </View>
  );
}

interface ErrorStateProps {
  error: ApiError | null;
  title?: string;
  /** In place of the error's message: what to do (a broken link), or the message and what follows from it. */
  description?: string;
  onRetry?: () => void;
  /** Extra action, e.g. back to the guides when a guide does not exist. */
  children?: ReactNode;
  /** Nothing went wrong, the thing is just over (a payment already made): a plain picture, not a red mark. */
  settled?: boolean;
}

export function ErrorState({ error, title, description, onRetry, children, settled = false }: ErrorStateProps) {
  const { t } = useI18n();
  return (
    <View className="panel query-state js-error">
      <Empty
        image={<StatePicture tone={settled ? 'empty' : 'error'} />}
        // A 404 loaded fine: what it asked for is not there (another account's, or gone).
        title={title ?? t(error?.status === 404 ? 'state.notFoundTitle' : 'state.errorTitle')}
        description={description ?? error?.message ?? ''}
        size="small"
      >
        {onRetry ? (
          <Button ariaRole="button" type="primary" className="query-state__action js-retry" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        ) : null}
        {children}
      </Empty>
    </View>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <View className="panel query-state js-empty">
      <Empty
        image={<StatePicture tone="empty" />}
        title={t('state.empty')}
        description={t('state.emptyHint')}
        size="small"
      >
        {children}
      </Empty>
    </View>
  );
}

/** Inline one-line error inside a section when other sections still have content. */
export function InlineError({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <View className="panel inline-error js-error">
      <Text className="inline-error__text">{error?.message ?? t('state.errorTitle')}</Text>
      <View className="inline-error__retry js-retry" onClick={onRetry}>
        {t('state.retry')}
      </View>
    </View>
  );
}

/** Where a user goes instead: the list the missing thing belonged to (我的卡片, 我的订单, 记录). */
export interface WayBack {
  label: string;
  onClick: () => void;
  /** The button's test class (`js-…`). */
  testClass: string;
  /** Why it may be missing, and where to look (a sentence after the server's message). */
  goneHint?: string;
}

function WayBackButton({ way }: { way: WayBack }) {
  return (
    <Button ariaRole="button" type="default" className={`query-state__action ${way.testClass}`} onClick={way.onClick}>
      {way.label}
    </Button>
  );
}

/**
 * A load that failed. What it asked for is gone (404: unbound, closed, another account's), so a retry
 * could never find it: the way back to its list. Anything else may pass: a retry.
 */
export function LoadFailed({ error, onRetry, back }: { error: ApiError | null; onRetry: () => void; back: WayBack }) {
  const { lang } = useI18n();
  if (error?.status === 404) {
    const explained = back.goneHint ? thenSentence(lang, error.message, back.goneHint) : undefined;
    return (
      <ErrorState error={error} description={explained}>
        <WayBackButton way={back} />
      </ErrorState>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** A link whose id is not an id at all (cut short when shared): what to do, and the way back. */
export function BrokenLink({ hint, back }: { hint: string; back: WayBack }) {
  const { t } = useI18n();
  return (
    <ErrorState error={null} title={t('state.badLinkTitle')} description={hint}>
      <WayBackButton way={back} />
    </ErrorState>
  );
}
