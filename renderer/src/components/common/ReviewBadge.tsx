import { useT } from '../../i18n';

/** Marks a field the parser left empty or doubted ("cần rà soát"). */
export function ReviewBadge({ field }: { field: string }) {
  const t = useT();
  return (
    <span className="badge badge-review" data-testid={`review-${field}`}>
      {t('doc.needsReview')}
    </span>
  );
}
