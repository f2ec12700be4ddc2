import type { BoundCard } from '@cbc/shared';
import { useCachedQuery } from '../../../api';
import { AutoTopupPanel } from './auto-topup-panel';
import { ReminderPanel } from './reminder-panel';
import { useReloadWhenShown } from './use-reload-when-shown';

/** The low-balance reminder and the auto top-up it triggers: both read the one threshold. */
export function CardAlerts({ card, shown }: { card: BoundCard; shown: number }) {
  const reminder = useCachedQuery('getReminder', { params: { id: card.id } });
  useReloadWhenShown(shown, reminder.reload);
  return (
    <>
      <ReminderPanel card={card} query={reminder} />
      <AutoTopupPanel
        card={card}
        thresholdSet={reminder.data ? reminder.data.threshold !== null : undefined}
        shown={shown}
      />
    </>
  );
}
