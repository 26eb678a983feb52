/** The steps of a batch, done ones ticked and the current one marked. */
import type { BatchStatus } from '@shared/contract/types/handover';
import { useT } from '../../i18n';

const STEPS: BatchStatus[] = ['draft', 'listed', 'packed', 'handed_over', 'received'];

export function BatchStepper({ status }: { status: BatchStatus }) {
  const t = useT();
  const current = status === 'receiving' ? STEPS.indexOf('received') : STEPS.indexOf(status);
  return (
    <ol className="hv-steps" data-testid="hv-steps" data-status={status}>
      {STEPS.map((s, i) => (
        <li key={s} className={i < current ? 'done' : i === current ? 'current' : ''} aria-current={i === current ? 'step' : undefined}>
          <span className="hv-step-dot">{i < current || status === 'received' ? '✓' : i + 1}</span>
          <span>{t(`handover.status.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
