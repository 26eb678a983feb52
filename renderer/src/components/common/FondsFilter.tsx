/** "Phông: [all | one]" above a list: narrows a view to one fonds, or shows them all. */
import { FondsSelect } from './FondsSelect';
import { useT } from '../../i18n';

interface Props {
  value: number | null | undefined;
  onChange(fondsId: number | undefined): void;
  testId: string;
}

export function FondsFilter({ value, onChange, testId }: Props) {
  const t = useT();
  return (
    <label>
      {t('import.review.fondsFilter')}{' '}
      <FondsSelect value={value} onChange={(id) => onChange(id ?? undefined)} emptyLabel={t('import.review.allFonds')} testId={testId} />
    </label>
  );
}
