import { Fragment } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CARDS, slugSchema, type Guide, type GuideStep } from '@cbc/shared';
import { useCachedQuery } from '../../../../api';
import { BackToGuides } from '../../../../components/back-to-guides';
import { OfflineBanner, ScamWarning, SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { Section } from '../../../../components/section';
import { formatDate, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { usePageTitle } from '../../../../utils/use-page-title';
import { Checklist, TimelineStep, TipList } from '../../components/detail-lists';
import { ShareGuide } from '../../components/share-guide';
import './index.scss';

function StepItem({ step, index, isTip }: { step: GuideStep; index: number; isTip: boolean }) {
  const { t } = useI18n();
  return (
    <TimelineStep index={index} hook="js-guide-step" id={`guide-step-${index + 1}`}>
      <Text className="timeline__label">{t(isTip ? 'guide.tipLabel' : 'guide.stepLabel', { n: index + 1 })}</Text>
      <Text className="timeline__title js-guide-step-title">{step.title}</Text>
      <Text className="timeline__detail">{step.detail}</Text>
      {step.menuPath && step.menuPath.length > 0 ? (
        <View className="menu-path js-menu-path">
          <Text className="menu-path__label">{t('guide.menuPath')}</Text>
          {step.menuPath.map((label, i) => (
            <Fragment key={`${i}-${label}`}>
              {i > 0 ? <Text className="menu-path__sep">›</Text> : null}
              <Text className="menu-path__chip">{label}</Text>
            </Fragment>
          ))}
        </View>
      ) : null}
    </TimelineStep>
  );
}

function GuideBody({ guide }: { guide: Guide }) {
  const { lang, t } = useI18n();
  const card = CARDS[guide.card];
  // A tips guide keeps its advice in `steps`: numbered, but tips, not steps to follow in order.
  const isTips = guide.kind === 'tips';
  return (
    <View className="js-guide-detail">
      <View className="panel detail-head">
        <View className="detail-head__tags">
          <Text className="detail-tag detail-tag--card" style={{ background: card.color }}>
            {card.name[lang]}
          </Text>
          <Text className="detail-tag">
            {t(
              guide.kind === 'tips'
                ? 'guides.tips'
                : guide.kind === 'online'
                  ? 'guides.online'
                  : 'guides.offlineChannels',
            )}
          </Text>
        </View>
        <Text className="detail-head__title js-guide-title" id="guide-title">
          {guide.title}
        </Text>
        <Text className="detail-head__summary">{guide.summary}</Text>
        <View className="detail-head__meta">
          {guide.steps.length > 0 ? (
            <Text className="detail-head__meta-item js-guide-count">
              {t(isTips ? 'guides.tipCount' : 'guides.stepCount', { count: guide.steps.length })}
            </Text>
          ) : null}
          <Text className="detail-head__meta-item js-guide-updated">
            {t('guide.updatedAt', { date: formatDate(lang, guide.updatedAt) })}
          </Text>
        </View>
      </View>

      <SimulationNotice text={guide.simulationNotice} />

      <Checklist
        title={t('guide.prerequisites')}
        items={guide.prerequisites}
        hook="js-guide-prerequisites"
        listId={`guide:${guide.slug}:prerequisites`}
      />

      {guide.steps.length > 0 ? (
        <Section title={t(isTips ? 'guide.tips' : 'guide.steps')}>
          <View className="panel timeline js-guide-steps" id="guide-steps">
            {guide.steps.map((step, index) => (
              <StepItem key={`${index}-${step.title}`} step={step} index={index} isTip={isTips} />
            ))}
          </View>
        </Section>
      ) : null}

      <TipList title={t('guide.tips')} items={guide.tips} hook="js-guide-tips" />

      <View className="share-guide-wrap">
        <ShareGuide slug={guide.slug} title={guide.title} />
      </View>
    </View>
  );
}

export default function GuideDetailPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const router = useRouter();
  const slug = slugSchema.safeParse(router.params.slug);
  const query = useCachedQuery('getGuide', slug.success ? { params: { slug: slug.data } } : null);
  usePageTitle(query.data?.title ?? t('guides.title'));

  let body;
  if (!slug.success) {
    body = <ErrorState error={null} title={t('guide.notFound')} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={4} />;
  } else if (query.status === 'error') {
    const missing = query.error?.status === 404;
    body = (
      <ErrorState
        error={query.error}
        title={missing ? t('guide.notFound') : undefined}
        onRetry={missing ? undefined : () => void query.reload()}
      />
    );
  } else if (query.data) {
    body = <GuideBody guide={query.data} />;
  }

  return (
    <View className={`page detail-page js-page-guide ${textSize}`}>
      {query.data && query.fromCache && query.error ? (
        <OfflineBanner cachedAt={query.cachedAt} retrying={query.refreshing} onRetry={() => void query.reload()} />
      ) : null}
      {body}
      <View className="detail-foot">
        <ScamWarning />
        <BackToGuides />
      </View>
    </View>
  );
}
