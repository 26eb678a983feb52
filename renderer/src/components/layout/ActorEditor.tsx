/** The current user's name (recorded in every audit row); click to change it. */
import { useState } from 'react';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';

export function ActorEditor() {
  const t = useT();
  const actor = useAppStore((s) => s.actor);
  const setActor = useAppStore((s) => s.setActor);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (draft === null) {
    return (
      <button
        type="button"
        className="actor"
        title={t('top.userEdit')}
        onClick={() => {
          setDraft(actor);
          setError(null);
        }}
        data-testid="actor-button"
      >
        <span className="actor-label">{t('top.user')}:</span> <span data-testid="actor-name">{actor}</span>
      </button>
    );
  }

  const save = async () => {
    const name = draft.trim();
    if (!name) {
      setError(t('common.required'));
      return;
    }
    try {
      await setActor(name);
      setDraft(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form
      className="actor-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="actor-input" className="visually-hidden">
        {t('top.user')}
      </label>
      <input
        id="actor-input"
        value={draft}
        autoFocus
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(null);
        }}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        data-testid="actor-input"
      />
      <button type="submit" data-testid="actor-save">
        {t('top.userSave')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
