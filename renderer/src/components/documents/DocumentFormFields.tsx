/** The inputs of the document form; fields waiting for review are marked. */
import type { ReactNode } from 'react';
import { useAppStore } from '../../stores/appStore';
import { useFondsFiles } from '../../stores/catalogueStore';
import { useT, type MessageKey } from '../../i18n';
import { Field, invalidProps } from '../common/Field';
import { ReviewBadge } from '../common/ReviewBadge';
import type { DocumentFormValues } from './documentForm';
import { EMPTY_LIST } from '../../util/empty';
import { DateInput } from '../common/DateInput';

interface Props {
  fondsId: number;
  reviewFields: string[];
  values: DocumentFormValues;
  errors: Record<string, string>;
  onChange(values: DocumentFormValues): void;
}

type TextKey = Exclude<keyof DocumentFormValues, 'securityLevel' | 'urgency' | 'fileId'>;
/** The incoming stamp's parts sit under one review mark (the parser flags `incomingStamp`). */
const STAMP_KEYS = new Set(['stampReceiver', 'stampNumber', 'stampDate']);

export function DocumentFormFields({ fondsId, reviewFields, values, errors, onChange }: Props) {
  const t = useT();
  const docTypes = useAppStore((s) => s.codeLists?.docTypes ?? EMPTY_LIST);
  const files = useFondsFiles(fondsId) ?? EMPTY_LIST;
  const review = new Set(reviewFields);
  const set = (key: keyof DocumentFormValues, value: string) => onChange({ ...values, [key]: value });

  const field = (key: keyof DocumentFormValues, label: MessageKey, input: ReactNode, opts: { wide?: boolean; hint?: string } = {}) => (
    <Field
      id={`doc-${key}`}
      label={t(label)}
      error={errors[key]}
      wide={opts.wide ?? false}
      badge={review.has(key) || (STAMP_KEYS.has(key) && review.has('incomingStamp')) ? <ReviewBadge field={STAMP_KEYS.has(key) ? 'incomingStamp' : key} /> : null}
      {...(opts.hint ? { hint: opts.hint } : {})}
    >
      {input}
    </Field>
  );
  const input = (key: TextKey, opts: { type?: string; list?: string; max?: number } = {}) => (
    <input
      id={`doc-${key}`}
      type={opts.type ?? 'text'}
      list={opts.list}
      maxLength={opts.max}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      {...invalidProps(`doc-${key}`, errors[key])}
      data-testid={`doc-${key}`}
    />
  );
  const area = (key: TextKey, rows: number) => (
    <textarea id={`doc-${key}`} rows={rows} value={values[key]} onChange={(e) => set(key, e.target.value)} {...invalidProps(`doc-${key}`, errors[key])} data-testid={`doc-${key}`} />
  );

  return (
    <div className="form-grid">
      {field('docType', 'doc.type', input('docType', { list: 'doc-type-list', max: 100 }))}
      <datalist id="doc-type-list">
        {docTypes.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      {field('numberSymbol', 'doc.numberSymbol', input('numberSymbol', { max: 100 }))}
      {field('issueDate', 'doc.issueDate', <DateInput id="doc-issueDate" value={values.issueDate} onChange={(v) => set('issueDate', v)} {...invalidProps('doc-issueDate', errors['issueDate'])} data-testid="doc-issueDate" />)}
      {field('issuer', 'doc.issuer', input('issuer', { max: 500 }))}
      {field('parentIssuer', 'doc.parentIssuer', input('parentIssuer', { max: 500 }))}
      {field('place', 'doc.place', input('place', { max: 200 }))}
      {field('subject', 'doc.subject', area('subject', 3), { wide: true })}
      {field('signingAuthority', 'doc.signingAuthority', input('signingAuthority', { max: 200 }))}
      {field('signerTitle', 'doc.signerTitle', input('signerTitle', { max: 200 }))}
      {field('signerName', 'doc.signerName', input('signerName', { max: 200 }))}
      {field(
        'fileId',
        'doc.file',
        <select id="doc-fileId" value={values.fileId} onChange={(e) => set('fileId', e.target.value)} data-testid="doc-fileId">
          <option value="">{t('doc.unfiledOption')}</option>
          {files.map((f) => (
            <option key={f.id} value={f.id}>
              {f.code} — {f.title}
            </option>
          ))}
        </select>,
      )}
      {field('orderInFile', 'doc.orderInFile', input('orderInFile', { max: 7 }))}
      {field('sheetNumber', 'doc.sheetNumber', input('sheetNumber', { max: 50 }))}
      {field('addressees', 'doc.addressees', area('addressees', 4), { hint: t('doc.onePerLine') })}
      {field('recipients', 'doc.recipients', area('recipients', 4), { hint: t('doc.onePerLine') })}
      {field(
        'securityLevel',
        'doc.securityLevel',
        <select id="doc-securityLevel" value={values.securityLevel} onChange={(e) => set('securityLevel', e.target.value)} data-testid="doc-securityLevel">
          <option value="">{t('common.none')}</option>
          <option value="mat">{t('security.mat')}</option>
          <option value="toi_mat">{t('security.toi_mat')}</option>
          <option value="tuyet_mat">{t('security.tuyet_mat')}</option>
        </select>,
      )}
      {field(
        'urgency',
        'doc.urgency',
        <select id="doc-urgency" value={values.urgency} onChange={(e) => set('urgency', e.target.value)} data-testid="doc-urgency">
          <option value="">{t('common.none')}</option>
          <option value="khan">{t('urgency.khan')}</option>
          <option value="thuong_khan">{t('urgency.thuong_khan')}</option>
          <option value="hoa_toc">{t('urgency.hoa_toc')}</option>
        </select>,
      )}
      {field('stampReceiver', 'doc.stampReceiver', input('stampReceiver', { max: 500 }))}
      {field('stampNumber', 'doc.stampNumber', input('stampNumber', { max: 50 }))}
      {field('stampDate', 'doc.stampDate', input('stampDate', { max: 50 }), { hint: t('doc.stampDateHint') })}
      {field('pageCount', 'doc.pageCount', input('pageCount', { max: 7 }))}
      {field('language', 'doc.language', input('language', { max: 50 }))}
      {field('reliability', 'doc.reliability', input('reliability', { max: 100 }))}
      {field('notes', 'doc.notes', area('notes', 2), { wide: true })}
    </div>
  );
}
