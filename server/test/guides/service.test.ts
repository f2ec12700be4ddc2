import { translate } from '@cbc/shared';
import { describe, expect, it } from 'vitest';
import type { GuideContent } from '../../src/guides/content/types';
import { GuideNotFoundError } from '../../src/guides/errors';
import { createGuidesService } from '../../src/guides/service';

const text = (en: string) => ({ 'zh-Hans': `简${en}`, 'zh-Hant': `繁${en}`, en });
const fixture = (slug: string, kind: GuideContent['kind']): GuideContent => ({
  slug,
  card: 'yuanyou',
  kind,
  title: text(`title ${slug}`),
  summary: text('summary'),
  prerequisites: [text('phone')],
  steps: [
    { title: text('one'), detail: text('first'), menuPath: [text('Me'), text('Cards')] },
    { title: text('two'), detail: text('second') },
  ],
  tips: [text('tip')],
  updatedAt: '2025-01-31',
});

describe('createGuidesService', () => {
  it('localizes once and serves the same objects on every call', () => {
    const service = createGuidesService([fixture('b-tips', 'tips'), fixture('a-online', 'online')], []);
    const guide = service.getGuide('a-online', 'zh-Hant');
    expect(guide.value).toEqual({
      slug: 'a-online',
      card: 'yuanyou',
      kind: 'online',
      title: '繁title a-online',
      summary: '繁summary',
      stepCount: 2,
      prerequisites: ['繁phone'],
      steps: [
        { title: '繁one', detail: '繁first', menuPath: ['繁Me', '繁Cards'] },
        { title: '繁two', detail: '繁second' },
      ],
      tips: ['繁tip'],
      simulationNotice: translate('zh-Hant', 'app.simulationNotice'),
      updatedAt: '2025-01-31',
    });
    expect(service.getGuide('a-online', 'zh-Hant')).toBe(guide);
    // Online before tips, whatever the authoring order.
    expect(service.listGuides('yuanyou', 'en').value.guides.map((g) => g.slug)).toEqual(['a-online', 'b-tips']);
    expect(service.listGuides('zhonggangtong', 'en').value).toEqual({ card: 'zhonggangtong', guides: [] });
  });

  it('throws GuideNotFoundError for an unknown slug', () => {
    const service = createGuidesService([], []);
    expect(() => service.getGuide('nope', 'en')).toThrow(GuideNotFoundError);
  });

  it('refuses duplicate slugs and content that breaks the contract at start-up', () => {
    expect(() => createGuidesService([fixture('a', 'online'), fixture('a', 'tips')], [])).toThrow('duplicate slug "a"');
    expect(() => createGuidesService([{ ...fixture('a', 'online'), updatedAt: 'yesterday' }], [])).toThrow(
      /Guide content "a" \(zh-Hans\) is invalid/,
    );
  });
});
