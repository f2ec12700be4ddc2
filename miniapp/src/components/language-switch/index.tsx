import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionSheet } from '@nutui/nutui-react-taro';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@cbc/shared';
import { useI18n } from '../../i18n';
import './index.scss';

interface Props {
  /** `onBrand` for use on the blue header of the home page. */
  tone?: 'plain' | 'onBrand';
}

/**
 * The one language switch (home header and guides header): a pill showing the current language that
 * opens a bottom sheet with the three languages. Language names are shown in their own language.
 */
export function LanguageSwitch({ tone = 'plain' }: Props) {
  const { lang, t, setLang } = useI18n();
  const [open, setOpen] = useState(false);

  const choose = (next: Language) => {
    setOpen(false);
    if (next !== lang) setLang(next);
  };

  return (
    <View className="lang-switch-wrap">
      <View
        className={`lang-switch lang-switch--${tone} js-lang-trigger`}
        ariaRole="button"
        ariaLabel={`${t('lang.label')}: ${LANGUAGE_NAMES[lang]}`}
        onClick={() => setOpen(true)}
      >
        <View className="lang-switch__globe" />
        <Text className="lang-switch__name">{LANGUAGE_NAMES[lang]}</Text>
        <View className="lang-switch__caret" />
      </View>
      <ActionSheet
        visible={open}
        title={t('lang.switchTitle')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        className="lang-sheet js-lang-sheet"
      >
        <View className="lang-options" ariaRole="radiogroup" ariaLabel={t('lang.switchTitle')}>
          {LANGUAGES.map((code) => (
            <View
              key={code}
              className={`lang-option js-lang-option js-lang-option-${code}${code === lang ? ' is-active' : ''}`}
              ariaRole="radio"
              ariaChecked={code === lang}
              onClick={() => choose(code)}
            >
              <Text className="lang-option__name">{LANGUAGE_NAMES[code]}</Text>
              {code === lang ? <View className="lang-option__check" /> : null}
            </View>
          ))}
        </View>
      </ActionSheet>
    </View>
  );
}
