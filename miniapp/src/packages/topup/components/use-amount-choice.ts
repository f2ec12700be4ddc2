import { useState } from 'react';
import { MINOR_PER_UNIT, type TopupOptions } from '@cbc/shared';
import { useI18n } from '../../../i18n';
import { bonusFor, checkAmountMinor, checkAmountText } from './figures';

type AmountChoice = { kind: 'none' } | { kind: 'preset'; amountMinor: number } | { kind: 'custom'; text: string };

/**
 * The amount chosen on 充值: a preset, or a custom amount checked as it is typed, and the bonus it
 * would earn now. `prefill` (an amount in the page link) picks its preset, else fills the custom field.
 */
export function useAmountChoice(options: TopupOptions, prefill?: number) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<AmountChoice>(() => {
    if (prefill === undefined) return { kind: 'none' };
    return options.presets.some((preset) => preset.amount.amountMinor === prefill)
      ? { kind: 'preset', amountMinor: prefill }
      : { kind: 'custom', text: String(prefill / MINOR_PER_UNIT) };
  });

  const check =
    choice.kind === 'preset'
      ? checkAmountMinor(choice.amountMinor, options, t)
      : choice.kind === 'custom' && choice.text.trim() !== ''
        ? checkAmountText(choice.text, options, t)
        : null;
  const amountMinor = check?.amountMinor ?? null;

  return {
    /** The preset chosen, if one is. */
    preset: choice.kind === 'preset' ? choice.amountMinor : null,
    custom: choice.kind === 'custom',
    customText: choice.kind === 'custom' ? choice.text : '',
    problem: check?.problem ?? null,
    amountMinor,
    bonus: amountMinor !== null ? bonusFor(options, amountMinor) : null,
    pickPreset: (value: number) => setChoice({ kind: 'preset', amountMinor: value }),
    /** Focusing the custom field chooses it, empty. */
    focusCustom: () => {
      if (choice.kind !== 'custom') setChoice({ kind: 'custom', text: '' });
    },
    typeCustom: (text: string) => setChoice({ kind: 'custom', text }),
  };
}

export type AmountChoiceState = ReturnType<typeof useAmountChoice>;
