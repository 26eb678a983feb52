/**
 * A folder on this machine, typed or (in the desktop app) picked in the system's dialog: where
 * exports go when they may not go into the catalogue's data folder.
 */
import { desktopShell } from '../../api/shell';
import { useT } from '../../i18n';
import { Field, invalidProps } from './Field';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null | undefined;
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  testId: string;
}

export function FolderField({ id, label, value, onChange, error, hint, placeholder, disabled, testId }: Props) {
  const t = useT();
  const pick = async () => {
    const folders = await desktopShell?.pickFolders();
    if (folders && folders[0]) onChange(folders[0]);
  };
  return (
    <Field id={id} label={label} error={error} {...(hint ? { hint } : {})} wide>
      <div className="folder-field-row">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} disabled={disabled} data-testid={testId} {...invalidProps(id, error)} />
        {desktopShell ? (
          <button type="button" className="small" disabled={disabled} onClick={() => void pick()} data-testid={`${testId}-pick`}>
            {t('common.chooseFolder')}
          </button>
        ) : null}
      </div>
    </Field>
  );
}
