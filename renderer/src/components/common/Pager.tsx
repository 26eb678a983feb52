/** "Trang trước" / "Trang sau" for an offset/limit list. */
import { useT } from '../../i18n';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onPrev(): void;
  onNext(): void;
  testId?: string;
}

export function Pager({ offset, limit, total, onPrev, onNext, testId = 'pager' }: PagerProps) {
  const t = useT();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pager" data-testid={testId}>
      <button type="button" onClick={onPrev} disabled={offset === 0} data-testid={`${testId}-prev`}>
        ← {t('common.prevPage')}
      </button>
      <span className="pager-range">{t('common.range', { from, to, total })}</span>
      <button type="button" onClick={onNext} disabled={offset + limit >= total} data-testid={`${testId}-next`}>
        {t('common.nextPage')} →
      </button>
    </nav>
  );
}
