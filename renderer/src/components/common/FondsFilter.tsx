/** "Phông: [all | one]" above a list: narrows a view to one fonds, or shows them all. */
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useT } from '../../i18n';

interface Props {
  value: number | null | undefined;
  onChange(fondsId: number | undefined): void;
  testId: string;
}

export function FondsFilter({ value, onChange, testId }: Props) {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds);
  return (
    <label>
      {t('import.review.fondsFilter')}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)} data-testid={testId}>
        <option value="">{t('import.review.allFonds')}</option>
        {fonds.map((f) => (
          <option key={f.id} value={f.id}>
            {f.code} — {f.name}
          </option>
        ))}
      </select>
    </label>
  );
}
